package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh"
)

// reportDeadlines works through the consents' deadline entries of the
// refresh index (shards "D#nn": a Query per shard, so the cost follows what
// is due): each due warning or deadline is logged once as "consent deadline"
// (the events issue publishes it as an event) and the entry moves on to the
// deadline, or leaves the index. It never reads the token shards nor calls
// the bank. An error reading the index fails the run.
func (h *Handler) reportDeadlines(ctx context.Context, r *run) error {
	for shard := range h.shards() {
		var cur consent.Cursor
		for {
			if r.stopping() {
				return nil // the rest stays due for the next run
			}
			page, next, err := h.store.DueDeadlines(ctx, shard, r.now, pageSize, cur)
			if err != nil {
				return fmt.Errorf("deadline entries shard %d: %w", shard, err)
			}
			for _, d := range page {
				point, ok, err := h.store.PassDeadline(ctx, d, r.now)
				switch {
				case err != nil:
					h.logger.WarnContext(ctx, "consent deadline not passed", slog.String("consentId", d.ConsentID), slog.Any("err", err))
				case ok:
					h.logger.InfoContext(ctx, "consent deadline", slog.String("consentId", d.ConsentID),
						slog.String("point", point), slog.Time("due", d.Due))
					if point == consent.PointDue && h.cfg.ReconfirmMode == config.ReconfirmEnforce {
						// Past the deadline no warm refresh, keep-alive ones only (docs/reconfirmation.md).
						if err := refresh.Park(ctx, h.store, d.ConsentID, r.holder, h.lease(), r.now); err != nil {
							h.logger.WarnContext(ctx, "tokens not parked", slog.String("consentId", d.ConsentID), slog.Any("err", err))
						}
					}
				}
			}
			if !next.More() {
				break
			}
			cur = next
		}
	}
	return nil
}
