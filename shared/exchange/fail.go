package exchange

import (
	"context"
	"fmt"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/internal/conflict"
	"github.com/coop-ob/connector/shared/lambdactx"
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
//
// Both writes are retried while the store fails transiently (as the tokens'
// are, within StoreTimeout on a context of their own): a journey whose end
// is not recorded would leave its session claimed and its consent silent.
func (e *Exchanger) Fail(ctx context.Context, s *consent.AuthSession, reason string, failConsent bool) error {
	wctx, cancel := lambdactx.Detach(ctx, e.storeTimeout())
	defer cancel()
	ctx = wctx
	if err := e.retryStore(ctx, s, func() error { return e.Store.FinishExchange(ctx, s.StateHash, consent.SessionFailed) }); err != nil {
		return fmt.Errorf("exchange: consent %s: finish session: %w", s.ConsentID, err)
	}
	err := e.retryStore(ctx, s, func() error { return e.recordFailure(ctx, s, reason, failConsent) })
	if err != nil {
		return fmt.Errorf("exchange: consent %s: record failure: %w", s.ConsentID, err)
	}
	e.logger().InfoContext(ctx, "authorisation not completed", "consentId", s.ConsentID, "outcome", reason,
		"stepUp", s.StepUp, "reauth", s.Reauth)
	return nil
}

// recordFailure writes reason on the consent (and Failed, see Fail).
func (e *Exchanger) recordFailure(ctx context.Context, s *consent.AuthSession, reason string, failConsent bool) error {
	return conflict.Retry(func() error {
		c, err := e.Store.GetConsent(ctx, s.ConsentID)
		if err != nil {
			return err
		}
		what := consent.AuthorisationUnresolved
		if failConsent {
			what = consent.AuthorisationFailed
		}
		if _, err := consent.Apply(c, what, e.now(), reason); err != nil {
			return nil // no longer authorisable: its own ending stands
		}
		if s.Status == consent.SessionExchangePending {
			c.ResolvesPendingExchange()
		}
		return e.Store.UpdateConsent(ctx, c)
	})
}

// Pending keeps a claimed session's unused code for a later attempt at next (the tokens
// function's), as Store.MarkExchangePending does, retrying while the store fails transiently
// (within StoreTimeout, on a context of its own): a code that cannot be kept ends the journey.
func (e *Exchanger) Pending(ctx context.Context, s *consent.AuthSession, code string, next time.Time) error {
	wctx, cancel := lambdactx.Detach(ctx, e.storeTimeout())
	defer cancel()
	return e.retryStore(wctx, s, func() error { return e.Store.MarkExchangePending(wctx, s.StateHash, code, next) })
}
