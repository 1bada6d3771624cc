package refresh

import (
	"context"
	"fmt"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// KeepAliveMargin is how long before its refresh token lapses an idle
// consent (REFRESH_POLICY=recent, not used within the recent window) is
// refreshed once, so that it does not lapse (the bank's refresh tokens live
// 30 days: one refresh about every 28 days per idle consent). Two days leave
// room for a bank outage and the backoff's retries. If the bank rotates
// refresh tokens on use, the new one lives another 30 days; if it keeps them
// (their lifetime fixed from issue), the refresh gains nothing and the
// consent lapses at RefreshExpiresAt as before, marked Expired without a
// bank call.
const KeepAliveMargin = 48 * time.Hour

// KeepAlivePoint is when an idle consent whose refresh token expires at
// refreshExpiresAt is next due: refreshExpiresAt - KeepAliveMargin. Zero when
// the expiry is unknown (then there is nothing to keep alive).
func KeepAlivePoint(refreshExpiresAt time.Time) time.Time {
	if refreshExpiresAt.IsZero() {
		return time.Time{}
	}
	return refreshExpiresAt.Add(-KeepAliveMargin)
}

// NeedsKeepAlive reports whether a refresh token expiring at
// refreshExpiresAt has reached its keep-alive point at now.
func NeedsKeepAlive(refreshExpiresAt, now time.Time) bool {
	p := KeepAlivePoint(refreshExpiresAt)
	return !p.IsZero() && !now.Before(p)
}

// KeepAlive is RefreshIfDue for an idle consent whose refresh token has
// reached its keep-alive point: under the lease it refreshes only if the
// tokens are still due (not after before) and their refresh token still
// needs keeping alive, else ErrNotDue. If the tokens are still idle (last
// used before idleBefore, or never recorded as used), the next refresh is
// scheduled at the keep-alive point of the refresh token now stored rather
// than before the new access token expires; when that point is not in the
// future (the bank did not extend the refresh token), at RefreshExpiresAt
// itself, where the consent is marked Expired without a bank call. So an
// idle consent costs one refresh per refresh-token lifetime and can never be
// refreshed in a loop. Tokens used meanwhile are scheduled as Refresh does.
// Errors are RefreshIfDue's.
func (r *Refresher) KeepAlive(ctx context.Context, consentID string, before, idleBefore time.Time) (*consent.Tokens, error) {
	if before.IsZero() {
		return nil, fmt.Errorf("refresh %s: KeepAlive needs a time", consentID)
	}
	return r.refresh(ctx, consentID, job{dueBefore: before, keepAlive: true, idleBefore: idleBefore})
}

// keepAliveDue is the next due time of idle tokens whose refresh token now
// expires at refreshExpiresAt: its keep-alive point while that is after now,
// else the expiry itself.
func keepAliveDue(refreshExpiresAt, now time.Time) time.Time {
	if p := KeepAlivePoint(refreshExpiresAt); p.After(now) {
		return p
	}
	return refreshExpiresAt
}
