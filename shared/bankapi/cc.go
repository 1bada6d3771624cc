package bankapi

import (
	"context"
	"errors"
	"net/http"

	"github.com/coop-ob/connector/shared/oauth"
)

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
			continue
		}
		return resp, err
	}
}
