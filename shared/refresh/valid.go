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
	return r.ValidFrom(ctx, consentID, minValidity, nil)
}

// ValidFrom is Valid starting from tokens the caller has just read consistently (read: the
// proxy reads them with the consent in one request, Store.GetConsentAndTokens), so a warm
// call with a valid access token reads nothing more; nil reads them first as Valid does.
func (r *Refresher) ValidFrom(ctx context.Context, consentID string, minValidity time.Duration, read *consent.Tokens) (*consent.Tokens, error) {
	return r.waitBusy(ctx, consentID, read, func(t *consent.Tokens) bool {
		return t.AccessToken != "" && r.now().Add(minValidity).Before(t.AccessExpiresAt)
	}, job{})
}

// RefreshRejected refreshes consentID's tokens after the bank refused
// (401) the access token rejected, unless someone has replaced it since: if
// the stored access token is another one (read before or under the lease),
// those tokens are returned and the bank is not called. So N requests that
// met the same revoked access token cause one refresh, not N rotations. A
// lease held elsewhere is waited for as in Valid. Errors are Refresh's.
func (r *Refresher) RefreshRejected(ctx context.Context, consentID, rejected string) (*consent.Tokens, error) {
	return r.waitBusy(ctx, consentID, nil, func(t *consent.Tokens) bool {
		return t.AccessToken != "" && t.AccessToken != rejected
	}, job{rejected: rejected})
}

// waitBusy returns the stored tokens (first read, when not nil, else read now)
// when good accepts them, else refreshes per j; while another worker holds the
// lease it waits (BusyWait in all, doubling from 50 ms) and reads again.
func (r *Refresher) waitBusy(ctx context.Context, consentID string, first *consent.Tokens, good func(*consent.Tokens) bool, j job) (*consent.Tokens, error) {
	wait := r.BusyWait
	if wait <= 0 {
		wait = DefaultBusyWait
	}
	giveUp := time.Now().Add(wait)
	pause := 50 * time.Millisecond
	for {
		t, err := first, error(nil)
		if first = nil; t == nil {
			if t, err = r.Store.GetTokens(ctx, consentID); err != nil {
				return nil, err
			}
		}
		if good(t) {
			return t, nil
		}
		t, err = r.refresh(ctx, consentID, j)
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
