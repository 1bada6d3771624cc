package refresh

import (
	"context"
	"errors"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// Park moves the scheduled refresh of a consent's tokens to their keep-alive
// point (KeepAlivePoint), as REFRESH_POLICY=ondemand schedules every token
// item: nothing refreshes them warm before it, but the refresh token does
// not lapse. It is for a consent past its reconfirmBy under
// RECONFIRM_MODE=enforce (docs/reconfirmation.md): it may not read the
// accounts, so keeping its access token warm is useless, while a keep-alive
// refresh is not account access and lets a late reconfirmation restore it.
// The next use after a reconfirmation refreshes on demand and schedules the
// tokens as the refresh policy says.
//
// It reads the tokens first and writes only when they are due before their
// keep-alive point; the move is made under the refresh lease (holder, for
// lease), so a refresh in progress is never undone. Tokens that are gone,
// out of the index, or leased by a refresh now are left alone (nil).
func Park(ctx context.Context, st *consent.Store, consentID, holder string, lease time.Duration, now time.Time) error {
	t, err := st.GetTokens(ctx, consentID)
	if errors.Is(err, consent.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if !needsPark(t) {
		return nil
	}
	t, err = st.AcquireLease(ctx, consentID, holder, now.Add(lease))
	if errors.Is(err, consent.ErrNotFound) || errors.Is(err, consent.ErrLeaseHeld) {
		return nil
	}
	if err != nil {
		return err
	}
	due := t.RefreshDue
	if needsPark(t) {
		due = KeepAlivePoint(t.RefreshExpiresAt)
	}
	err = st.ReleaseLease(ctx, consentID, holder, t.Failures, t.NextAttemptAt, due)
	if errors.Is(err, consent.ErrLeaseHeld) {
		return nil
	}
	return err
}

// needsPark: t is scheduled before its keep-alive point.
func needsPark(t *consent.Tokens) bool {
	p := KeepAlivePoint(t.RefreshExpiresAt)
	return !t.RefreshDue.IsZero() && !p.IsZero() && t.RefreshDue.Before(p)
}
