package bankapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/coop-ob/connector/shared/oauth"
)

// ResendMinTime is how much of ctx's time WithClientCredentials needs left
// to fetch a new token and send once more after a 401. A token call and a
// bank call take well under a second when the bank is well; with less left,
// the resend would most likely be cut off by the deadline anyway.
const ResendMinTime = 2 * time.Second

// ClientCredentials is the client-credentials side of the token client (shared/oauth.Client).
type ClientCredentials interface {
	ClientCredentials(ctx context.Context, scope string) (*oauth.Token, error)
	ForgetClientCredentials(rejected *oauth.Token)
}

// WithClientCredentials sends r through do with a client-credentials token for scope (consent
// POST/GET/DELETE, payment-order GETs: OB v3.1 "Grants and scopes"). The token is cached across
// calls, but the bank may revoke it before it expires: a 401 (which the bank answers before
// processing anything) makes the cached token forgotten and r sent once more with a new one.
// A token-endpoint failure is returned as the token client's error (*oauth.Error).
//
// The resend needs ResendMinTime of ctx left. With less, the 401 is returned at once, wrapped
// in a transient *TransportError that the bank did not process (Classify: ActionRetryLater):
// the resend would most likely have ended in the deadline's transport error, only later, and
// the next request gets the new token. errors.As still finds the 401 *Error inside.
func WithClientCredentials(ctx context.Context, do func(context.Context, Request) (*Response, error),
	cc ClientCredentials, scope string, r Request) (*Response, error) {
	for attempt := 0; ; attempt++ {
		tok, err := cc.ClientCredentials(ctx, scope)
		if err != nil {
			return nil, err
		}
		r.AccessToken = tok.AccessToken
		resp, err := do(ctx, r)
		var be *Error
		if attempt == 0 && errors.As(err, &be) && be.Status == http.StatusUnauthorized {
			cc.ForgetClientCredentials(tok)
			if left, ok := timeLeft(ctx); ok && left < ResendMinTime {
				return nil, &TransportError{Method: r.Method, InteractionID: be.InteractionID, Transient: true,
					Cause: fmt.Errorf("token refused and %v left, too little to resend: %w", left.Round(time.Millisecond), err)}
			}
			continue
		}
		return resp, err
	}
}

// timeLeft is what remains until ctx's deadline, if it has one.
func timeLeft(ctx context.Context) (time.Duration, bool) {
	dl, ok := ctx.Deadline()
	if !ok {
		return 0, false
	}
	return time.Until(dl), true
}
