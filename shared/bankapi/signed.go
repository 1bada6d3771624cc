package bankapi

import (
	"context"
	"strings"
)

// AnswerCheck checks a 2xx answer of an endpoint the bank signs (Signed)
// before Client.Do returns it: the x-jws-signature of OB Read/Write v3.1
// "Message Signing" (docs/bank-rules.md §Signed responses). A non-nil error
// makes the answer an *UnusableError whose Signature names the rule broken:
// the bank may have acted on a POST, and its answer cannot be trusted.
type AnswerCheck interface {
	CheckAnswer(ctx context.Context, a Answer) error
}

// Answer is one 2xx answer to check.
type Answer struct {
	Method        string
	Path          string // the request's path, e.g. PISPPath+"/domestic-payments"
	Status        int
	Signature     string // x-jws-signature, "" when absent
	Body          []byte // the exact bytes received
	InteractionID string
}

// Signed reports whether the bank signs the answers of path: the endpoints
// of its PIS API (payment consents and their funds confirmation, payment
// orders, and their GETs). Error answers are not signed (a 401 has no body;
// gateways answer 429 and 5xx) and are never checked.
func Signed(path string) bool { return strings.HasPrefix(path, PISPPath+"/") }

// checkSigned runs c.Answers on a 2xx answer of a signed endpoint.
func (c *Client) checkSigned(ctx context.Context, a Answer) error {
	if c.Answers == nil || !Signed(a.Path) {
		return nil
	}
	if err := c.Answers.CheckAnswer(ctx, a); err != nil {
		return &UnusableError{Method: a.Method, Status: a.Status, BodyKind: BodyJSON, InteractionID: a.InteractionID,
			Signature: err.Error()}
	}
	return nil
}
