package refresh

import (
	"context"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
)

// Rejected is what Send needs of a Refresher: refreshing after the bank refused an access
// token (Refresher.RefreshRejected).
type Rejected interface {
	RefreshRejected(ctx context.Context, consentID, rejectedAccessToken string) (*consent.Tokens, error)
}

// Send makes one bank call with consentID's tokens tok through call. When the bank refuses
// the access token (401: bankapi.ActionRefresh), the tokens are refreshed once through tokens
// (under the refresh lease; not at all if another request already replaced the refused access
// token, whose tokens are used instead) and call is made once more with the fresh ones: the
// bank did not process the refused request, so sending it again is safe even for a POST
// without an idempotency key. It returns the bank's answer and the tokens last used.
func Send(ctx context.Context, tokens Rejected, consentID string, tok *consent.Tokens,
	call func(*consent.Tokens) (*bankapi.Response, error)) (*bankapi.Response, *consent.Tokens, error) {
	resp, err := call(tok)
	if bankapi.Classify(err) != bankapi.ActionRefresh {
		return resp, tok, err
	}
	fresh, rerr := tokens.RefreshRejected(ctx, consentID, tok.AccessToken)
	if rerr != nil {
		return nil, tok, rerr
	}
	resp, err = call(fresh)
	return resp, fresh, err
}
