package payment

import (
	"context"

	"github.com/coop-ob/connector/shared/consent"
)

// ClaimSend is claimSend for the tests: a Result with Outcome 0 means this
// call won the write and may send.
func ClaimSend(ctx context.Context, p *Protocol, c *consent.Consent, rec *consent.Payment) Result {
	res, ok, err := p.claimSend(ctx, c, rec)
	if ok || err != nil {
		return Result{Err: err}
	}
	return res
}
