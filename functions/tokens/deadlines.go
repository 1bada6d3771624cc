package main

import (
	"context"

	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/lifecycle"
)

// reportDeadlines passes the consents' due deadline entries
// (lifecycle.Deadlines; the events issue publishes each "consent deadline"
// line as an event). An error reading the index fails the run.
func (h *Handler) reportDeadlines(ctx context.Context, r *run) error {
	dl := &lifecycle.Deadlines{Store: h.store, Logger: h.logger, Shards: h.shards(),
		Enforce: h.cfg.ReconfirmMode == config.ReconfirmEnforce, Holder: r.holder, Lease: h.lease()}
	return dl.Pass(ctx, r.now, r.stopping)
}
