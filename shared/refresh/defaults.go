package refresh

import (
	"log/slog"
	"time"
)

// Defaults used when the corresponding Refresher field is zero.
const (
	// DefaultAccessLifetime is the bank's access-token lifetime (General
	// specifications, "Tokens": 30 minutes), assumed when a response has no expires_in.
	DefaultAccessLifetime = 30 * time.Minute
	// DefaultLease outlasts one bank call (BANK_HTTP_TIMEOUT, 8 s by default)
	// plus the store writes, so a lease never lapses under a live refresh.
	DefaultLease = 45 * time.Second
	// DefaultBusyWait is how long Valid waits for another holder's refresh.
	DefaultBusyWait = 3 * time.Second
	// storeTimeout bounds the writes after the bank answered. They run on a
	// context detached from the caller's: a rotated refresh token the bank has
	// issued must be stored even if the caller gives up (docs/bank-rules.md §Refresh tokens).
	storeTimeout = 10 * time.Second
)

func (r *Refresher) now() time.Time {
	if r.Now == nil {
		return time.Now()
	}
	return r.Now()
}

func (r *Refresher) lease() time.Duration {
	if r.Lease <= 0 {
		return DefaultLease
	}
	return r.Lease
}

func (r *Refresher) logger() *slog.Logger {
	if r.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return r.Logger
}
