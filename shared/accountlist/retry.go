package accountlist

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// retryPageSize is how many pending entries one Query reads.
const retryPageSize = 100

// PendingStore is the part of *consent.Store RetryPending uses.
type PendingStore interface {
	store
	DueAccounts(ctx context.Context, shard int, before time.Time, limit int32, cursor consent.Cursor) ([]consent.DueAccount, consent.Cursor, error)
	DeleteAccounts(ctx context.Context, consentID string) error
	MarkAccountsPending(ctx context.Context, consentID string, attempts int, next time.Time) error
}

// Retrier retries the shared-accounts reads the callback could not do.
type Retrier struct {
	Bank   BankDoer
	Store  PendingStore
	Logger *slog.Logger
	Shards int
}

// RetryPending works through the entries under "A#" shards of the refresh
// index (a Query per shard, the cost follows what is pending). A read that
// fails again is rescheduled (NextRetry) until MaxAttempts; a consent no
// longer Authorised leaves the index. stopping ends the work early (the rest
// stays due). An error reading the index is returned.
func (rt *Retrier) RetryPending(ctx context.Context, now time.Time, stopping func() bool) error {
	for shard := range rt.Shards {
		var cur consent.Cursor
		for {
			if stopping() {
				return nil
			}
			page, next, err := rt.Store.DueAccounts(ctx, shard, now, retryPageSize, cur)
			if err != nil {
				return fmt.Errorf("accounts entries shard %d: %w", shard, err)
			}
			for _, d := range page {
				rt.retry(ctx, now, d)
			}
			if !next.More() {
				break
			}
			cur = next
		}
	}
	return nil
}

func (rt *Retrier) retry(ctx context.Context, now time.Time, d consent.DueAccount) {
	err := Read(ctx, rt.Bank, rt.Store, d.ConsentID, now)
	if err == nil {
		rt.Logger.InfoContext(ctx, "shared accounts read", slog.String("consentId", d.ConsentID), slog.Int("attempts", d.Attempts+1))
		return
	}
	if errors.Is(err, ErrNotApplicable) || errors.Is(err, consent.ErrNotFound) {
		// The consent no longer gives access: nothing to read, nothing to keep.
		if err := rt.Store.DeleteAccounts(ctx, d.ConsentID); err != nil {
			rt.Logger.ErrorContext(ctx, "shared accounts not erased", slog.String("consentId", d.ConsentID), slog.Any("err", err))
		}
		return
	}
	next := NextRetry(now, d.Attempts+2)
	rt.Logger.WarnContext(ctx, "shared accounts not read", slog.String("consentId", d.ConsentID), slog.Any("err", err),
		slog.Bool("retried", !next.IsZero()))
	if err := rt.Store.MarkAccountsPending(ctx, d.ConsentID, d.Attempts+1, next); err != nil {
		rt.Logger.ErrorContext(ctx, "shared accounts retry not scheduled", slog.String("consentId", d.ConsentID), slog.Any("err", err))
	}
}

// BankDoer is the part of *bankapi.Client the reads use.
type BankDoer = bankDoer
