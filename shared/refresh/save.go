package refresh

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// Pauses between attempts to store refreshed tokens: from saveFirstPause,
// doubling up to saveMaxPause, for as long as storeTimeout allows.
const (
	saveFirstPause = 100 * time.Millisecond
	saveMaxPause   = 2 * time.Second
)

// save stores refreshed tokens n (Store.SaveRefreshed) once the bank has
// answered. The bank may have rotated the refresh token: if this write is
// lost, the consent's token chain dies with it (one-time-use rotation), so a
// store error that is not a conflict (a DynamoDB throttle, 5xx, timeout,
// reset) is retried with short backoff until ctx ends (storeTimeout, on a
// context detached from the caller's). A conflict is never retried: someone
// else legitimately wrote (the lease was lost and taken over, or a
// re-authorisation replaced the tokens).
//
// A retried write whose first attempt was applied but whose answer was lost
// finds the version already moved on: save then re-reads the tokens and
// reports success if they are the ones it wrote.
func (r *Refresher) save(ctx context.Context, n *consent.Tokens) error {
	pause := saveFirstPause
	for attempt := 1; ; attempt++ {
		want := *n
		err := r.Store.SaveRefreshed(ctx, n, r.Holder)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, consent.ErrConflict):
			if attempt > 1 && r.savedEarlier(ctx, &want, n) {
				return nil
			}
			return err
		}
		r.logger().WarnContext(ctx, "refreshed tokens not stored yet; retrying", slog.String("consentId", n.ConsentID),
			slog.Int("attempt", attempt), slog.Any("err", err))
		timer := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			timer.Stop()
			return fmt.Errorf("%w (gave up after %d attempts: %w)", err, attempt, ctx.Err())
		case <-timer.C:
		}
		pause = min(2*pause, saveMaxPause)
	}
}

// savedEarlier reports whether the stored tokens are the ones an earlier,
// seemingly failed attempt wrote (want, as passed to it); if so, *n becomes
// the stored item.
func (r *Refresher) savedEarlier(ctx context.Context, want, n *consent.Tokens) bool {
	got, err := r.Store.GetTokens(ctx, want.ConsentID)
	if err != nil || got.Version != want.Version+1 || got.AccessToken != want.AccessToken ||
		got.RefreshToken != want.RefreshToken || got.LeaseHolder != "" {
		return false
	}
	*n = *got
	return true
}
