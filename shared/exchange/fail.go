package exchange

import (
	"context"
	"fmt"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/internal/conflict"
)

// Fail ends a claimed session s that produced no tokens (the bank redirected
// with an error, the PSU abandoned the journey, or the code was refused) and
// records reason (an outcome code such as consent_declined) as the consent's
// LastError. The session is marked failed first, and its code, if any, is
// dropped: it is never exchanged.
//
// With failConsent, a consent still awaiting its first authorisation becomes
// Failed. A consent that is already Authorised (a failed re-authentication or
// step-up) keeps its status: its tokens are still good. A consent that is no
// longer authorisable (revoked, rejected, expired, failed, consumed: the
// journey outlived it) is left as it is, LastError included: its own ending
// is what the app should read, not a late journey's.
func (e *Exchanger) Fail(ctx context.Context, s *consent.AuthSession, reason string, failConsent bool) error {
	if err := e.Store.FinishExchange(ctx, s.StateHash, consent.SessionFailed); err != nil {
		return fmt.Errorf("exchange: consent %s: finish session: %w", s.ConsentID, err)
	}
	err := conflict.Retry(func() error {
		c, err := e.Store.GetConsent(ctx, s.ConsentID)
		if err != nil {
			return err
		}
		if !consent.Authorisable(c.Status) {
			return nil
		}
		c.LastError = reason
		if failConsent && c.Status == consent.StatusAwaitingAuthorisation {
			c.Status = consent.StatusFailed
		}
		return e.Store.UpdateConsent(ctx, c)
	})
	if err != nil {
		return fmt.Errorf("exchange: consent %s: record failure: %w", s.ConsentID, err)
	}
	e.logger().InfoContext(ctx, "authorisation not completed", "consentId", s.ConsentID, "outcome", reason,
		"stepUp", s.StepUp, "reauth", s.Reauth)
	return nil
}
