package payment

import (
	"context"
	"errors"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/lambdactx"
)

// consumed records that the bank consumed payment consent c (its order was
// taken, or the bank reports the consent Consumed). It is the one place the
// payment protocol changes a consent's status.
func (p *Protocol) consumed(ctx context.Context, c *consent.Consent) {
	p.updateConsent(ctx, c, func(n *consent.Consent) {
		// The consent's status change: a payment consumed the consent (the
		// transitions table allows it from any status).
		_, _ = consent.Apply(n, consent.PaymentConsumed, p.Now(), "")
	})
}

// updateConsent applies change to c and writes it (detached: the bank has
// acted, the record must follow), reading c again and retrying once on a
// version conflict; a failure is logged.
func (p *Protocol) updateConsent(ctx context.Context, c *consent.Consent, change func(*consent.Consent)) {
	ctx, cancel := lambdactx.Detach(ctx, detachedWrites)
	defer cancel()
	for attempt := 0; attempt < 2; attempt++ {
		n := *c
		change(&n)
		err := p.Store.UpdateConsent(ctx, &n)
		if err == nil {
			*c = n
			return
		}
		if !errors.Is(err, consent.ErrConflict) {
			p.Logger.ErrorContext(ctx, "consent update", "consentId", c.ID, "err", err)
			return
		}
		fresh, err := p.Store.GetConsent(ctx, c.ID)
		if err != nil {
			p.Logger.ErrorContext(ctx, "consent re-read", "consentId", c.ID, "err", err)
			return
		}
		*c = *fresh
	}
	p.Logger.WarnContext(ctx, "consent update conflict: given up", "consentId", c.ID)
}
