package bankapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// UnusableError is a 2xx answer whose body is not an OB resource answer: an
// HTML page, an empty body, or JSON without the Data object every OB v3.1
// response carries (docs/bank-rules.md §Payload shapes). A gateway or a bank front end
// in trouble answers so; the body must never reach the app as data, and
// the call did not do what was asked as far as the connector can tell.
//
// For a GET it is what a 5xx is: Retry tries again. For a POST the bank
// may have acted on the request (MayHaveBeenProcessed): resend it only
// with the same idempotency key and body (a payment order), never without
// one (CBPII). Classify answers ActionFailure, so that callers which do not
// know this type treat it as a bank failure rather than a data answer.
type UnusableError struct {
	Method        string
	Status        int
	BodyKind      BodyKind // empty, html, other, or json (JSON without Data, or unsigned)
	InteractionID string
	// Signature, when set, is why the answer's x-jws-signature was not accepted
	// (AnswerCheck; a rule, never a value): the body itself may look fine.
	Signature string
}

func (e *UnusableError) Error() string {
	s := fmt.Sprintf("bankapi: %s: HTTP %d with an unusable %s body", e.Method, e.Status, e.BodyKind)
	if e.Signature != "" {
		s = fmt.Sprintf("bankapi: %s: HTTP %d with an unusable signature (%s)", e.Method, e.Status, e.Signature)
	}
	if safeCode.MatchString(e.InteractionID) {
		s += " interaction " + e.InteractionID
	}
	return s
}

// MayHaveBeenProcessed reports whether the bank may have acted on the
// request: it answered 2xx to something other than a read.
func (e *UnusableError) MayHaveBeenProcessed() bool {
	return e.Method != http.MethodGet && e.Method != http.MethodHead && e.Method != ""
}

// IsUnusable reports whether err is (or wraps) an *UnusableError.
func IsUnusable(err error) bool {
	var ue *UnusableError
	return errors.As(err, &ue)
}

// checkUsable returns an *UnusableError for a 2xx answer that cannot be an
// OB resource answer. A DELETE and a 204 carry no body by design (OB v3.1
// answers a consent DELETE 204 No Content) and are never checked.
func checkUsable(method string, status int, contentType string, body []byte, iid string) error {
	if method == http.MethodDelete || method == http.MethodHead || status == http.StatusNoContent {
		return nil
	}
	kind := bodyKind(contentType, body)
	if kind == BodyJSON && hasDataObject(body) {
		return nil
	}
	return &UnusableError{Method: method, Status: status, BodyKind: kind, InteractionID: iid}
}

// hasDataObject reports whether body is a JSON object whose Data member is
// an object.
func hasDataObject(body []byte) bool {
	var top map[string]json.RawMessage // exact keys: OB names are case-sensitive
	if json.Unmarshal(body, &top) != nil {
		return false
	}
	d := bytes.TrimSpace(top["Data"])
	return len(d) > 0 && d[0] == '{'
}
