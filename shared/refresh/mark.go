package refresh

import (
	"context"
	"errors"
	"log/slog"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/internal/conflict"
)

// ActionReauthenticate is the LastAction of a consent whose tokens died: the
// app asks for a new authorization URL for the same consent.
const ActionReauthenticate = consent.ActionReauthenticate

// markConsent moves an Authorised consent to status (ReauthRequired:
// consent.RefreshRejected, or Expired: consent.RefreshTokenLapsed) with
// LastAction reauthenticate, because its tokens (dead) died. A
// consent in any other status is left alone (a revocation or failure says
// more), and so is one whose stored tokens are no longer dead: the lease was
// released before this write, and a re-authorisation landing in between
// stored new tokens the verdict is not about. Conflicts are retried; a
// failure is logged, not returned: the tokens are already out of the refresh
// index, and the next on-demand refresh reaches the same verdict.
func (r *Refresher) markConsent(ctx context.Context, id, status, lastError string, dead *consent.Tokens) {
	what := consent.RefreshRejected // ReauthRequired
	if status == consent.StatusExpired {
		what = consent.RefreshTokenLapsed
	}
	marked := false
	err := conflict.Retry(func() error {
		c, err := r.Store.GetConsent(ctx, id)
		if err != nil || !consent.Allowed(c.Status, what) {
			return err
		}
		if t, err := r.Store.GetTokens(ctx, id); err != nil || t.RefreshToken != dead.RefreshToken || t.AccessToken != dead.AccessToken {
			return err // replaced (or revoked: ErrNotFound is logged below)
		}
		if _, err := consent.Apply(c, what, r.now(), lastError); err != nil {
			return err
		}
		if err := r.Store.UpdateConsent(ctx, c); err != nil {
			return err
		}
		marked = true
		return nil
	})
	switch {
	case errors.Is(err, consent.ErrConflict):
		r.logger().ErrorContext(ctx, "consent not marked: it keeps changing", slog.String("consentId", id), slog.String("status", status))
	case err != nil:
		r.logger().ErrorContext(ctx, "consent not marked", slog.String("consentId", id), slog.String("status", status), slog.Any("err", err))
	case marked:
		r.logger().WarnContext(ctx, "consent needs re-authentication", slog.String("consentId", id),
			slog.String("status", status), slog.String("reason", lastError))
	}
}
