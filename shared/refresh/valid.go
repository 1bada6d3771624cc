package refresh

import (
	"context"
	"errors"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// Valid returns consentID's tokens with an access token valid for at least
// minValidity: the stored ones if they are, else the result of Refresh. When
// another worker holds the lease it waits (up to BusyWait, doubling from
// 50 ms) and reads again, usually finding that worker's fresh tokens. Errors
// are Refresh's; ErrBusy only if the other worker outlasts BusyWait.
func (r *Refresher) Valid(ctx context.Context, consentID string, minValidity time.Duration) (*consent.Tokens, error) {
	wait := r.BusyWait
	if wait <= 0 {
		wait = DefaultBusyWait
	}
	giveUp := time.Now().Add(wait)
	pause := 50 * time.Millisecond
	for {
		t, err := r.Store.GetTokens(ctx, consentID)
		if err != nil {
			return nil, err
		}
		if t.AccessToken != "" && r.now().Add(minValidity).Before(t.AccessExpiresAt) {
			return t, nil
		}
		t, err = r.Refresh(ctx, consentID)
		if !errors.Is(err, ErrBusy) || time.Now().Add(pause).After(giveUp) {
			return t, err
		}
		timer := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, ctx.Err()
		case <-timer.C:
		}
		pause *= 2
	}
}
