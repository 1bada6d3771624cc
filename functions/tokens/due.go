package main

import (
	"context"
	"errors"
	"sync"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/fanout"
)

// pageSize is how many index entries one Query reads.
const pageSize = fanout.PageSize

// refreshDue works through the refresh index: every shard, page by page (a
// Query on the sparse index, never a Scan, so the cost follows the number of
// due tokens), with REFRESH_CONCURRENCY refreshes in flight. It stops taking
// work at the run's stop time and leaves the rest for the next run. An error
// reading the index fails the run.
func (h *Handler) refreshDue(ctx context.Context, r *run, sum *Summary) error {
	if h.queue != nil {
		return h.enqueueDue(ctx, r, sum) // queue.go: the workers refresh
	}
	ref := h.refresher(r)
	jobs := make(chan consent.DueToken)
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	for range max(h.cfg.RefreshConcurrency, 1) {
		wg.Go(func() {
			for d := range jobs {
				o := h.refreshOne(ctx, ref, r, d)
				mu.Lock()
				sum.add(o)
				mu.Unlock()
			}
		})
	}
	err := h.listDue(ctx, r, func(n int) {
		mu.Lock()
		sum.Due += n
		mu.Unlock()
	}, chanSink(jobs))
	close(jobs)
	wg.Wait()
	if errors.Is(err, errStopped) {
		// Read into the merge's buffers but not handed out: left for the next run.
		sum.Incomplete, err = true, nil
		mu.Lock()
		sum.Remaining += r.deferredCount
		mu.Unlock()
	}
	if errors.Is(err, errRateLimited) {
		sum.Incomplete, sum.RateLimited, err = true, true, nil
		sum.Deferred, sum.LapseMarginMinutes = r.deferredCount, r.lapseMargin
	}
	if sum.Remaining > 0 {
		sum.Incomplete = true
	}
	return err
}

// errStopped and errRateLimited: the listing ended at the stop time or at
// the allowance (fanout.Listing).
var (
	errStopped     = fanout.ErrStopped
	errRateLimited = fanout.ErrRateLimited
)

// listDue hands due entries to out in deadline order within the run's
// allowance (fanout.Listing) and records on r what it left for the next run.
func (h *Handler) listDue(ctx context.Context, r *run, count func(int), out fanout.Sink) error {
	l := &fanout.Listing{Index: h.store, Shards: h.shards(), First: r.first, Now: r.now,
		Allowance: fanout.Allowance(h.cfg.RefreshRateLimit, h.cfg.RefreshInterval), Stopping: r.stopping, Count: count}
	err := l.Run(ctx, out)
	r.handed += l.Handed
	if errors.Is(err, errStopped) || errors.Is(err, errRateLimited) {
		r.deferredCount += l.DeferredCount
		r.lapseMargin = l.LapseMargin
	}
	return err
}

// chanSink hands entries to the inline run's refreshers; each counts.
type chanSink chan<- consent.DueToken

func (c chanSink) Put(_ context.Context, d consent.DueToken) error { c <- d; return nil }

func (chanSink) Flush(context.Context) (int, error) { return 0, nil }
