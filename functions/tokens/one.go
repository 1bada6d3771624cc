package main

import (
	"context"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/fanout"
	"github.com/coop-ob/connector/shared/refresh"
)

// outcome is what happened to one due consent (fanout.Outcome).
type outcome = fanout.Outcome

const (
	failed         = fanout.Failed
	refreshed      = fanout.Refreshed
	retryLater     = fanout.RetryLater
	reauthRequired = fanout.ReauthRequired
	expired        = fanout.Expired
	skipped        = fanout.Skipped
	remaining      = fanout.Remaining
)

// refreshOne decides and does the work for one due entry under the lease
// (fanout.Worker), for the inline run and the queue's worker alike.
func (h *Handler) refreshOne(ctx context.Context, ref *refresh.Refresher, r *run, d consent.DueToken) outcome {
	w := &fanout.Worker{Store: h.store, Refresher: ref, Logger: h.logger, Now: h.now, Lease: h.lease(),
		Holder: r.holder, RunStart: r.now, Stopping: r.stopping,
		Policy: h.cfg.RefreshPolicy, RecentWindow: h.cfg.RefreshRecentWindow}
	return w.One(ctx, d)
}
