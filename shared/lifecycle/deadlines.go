// Package lifecycle passes the consents' deadline entries of the refresh
// index: each due warning or deadline is logged once as "consent deadline"
// and the entry moves on to the deadline, or leaves the index; under
// RECONFIRM_MODE=enforce a consent past its deadline has its tokens parked
// (kept alive only, no warm refresh; docs/reconfirmation.md).
package lifecycle

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh"
)

// pageSize is how many deadline entries one Query reads.
const pageSize = 100

// Deadlines passes due deadline entries.
type Deadlines struct {
	Store  *consent.Store
	Logger *slog.Logger
	Shards int
	// Enforce: park the tokens of a consent past its deadline, under a lease
	// held by Holder for Lease.
	Enforce bool
	Holder  string
	Lease   time.Duration
}

// Pass works through the deadline entries (shards "D#nn": a Query per shard,
// so the cost follows what is due). It never reads the token shards nor
// calls the bank. stopping ends the work early (the rest stays due). An
// error reading the index is returned.
func (dl *Deadlines) Pass(ctx context.Context, now time.Time, stopping func() bool) error {
	for shard := range dl.Shards {
		var cur consent.Cursor
		for {
			if stopping() {
				return nil // the rest stays due for the next run
			}
			page, next, err := dl.Store.DueDeadlines(ctx, shard, now, pageSize, cur)
			if err != nil {
				return fmt.Errorf("deadline entries shard %d: %w", shard, err)
			}
			for _, d := range page {
				dl.pass(ctx, now, d)
			}
			if !next.More() {
				break
			}
			cur = next
		}
	}
	return nil
}

func (dl *Deadlines) pass(ctx context.Context, now time.Time, d consent.DueDeadline) {
	point, ok, err := dl.Store.PassDeadline(ctx, d, now)
	switch {
	case err != nil:
		dl.Logger.WarnContext(ctx, "consent deadline not passed", slog.String("consentId", d.ConsentID), slog.Any("err", err))
	case ok:
		dl.Logger.InfoContext(ctx, "consent deadline", slog.String("consentId", d.ConsentID),
			slog.String("point", point), slog.Time("due", d.Due))
		if point == consent.PointDue && dl.Enforce {
			// Past the deadline no warm refresh, keep-alive ones only.
			if err := refresh.Park(ctx, dl.Store, d.ConsentID, dl.Holder, dl.Lease, now); err != nil {
				dl.Logger.WarnContext(ctx, "tokens not parked", slog.String("consentId", d.ConsentID), slog.Any("err", err))
			}
		}
	}
}
