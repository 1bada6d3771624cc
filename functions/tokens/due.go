package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/coop-ob/connector/shared/consent"
)

// pageSize is how many refresh-index entries one Query reads.
const pageSize = 100

// refreshDue works through the refresh index: every shard, page by page (a
// Query on the sparse index, never a Scan, so the cost follows the number of
// due tokens), with REFRESH_CONCURRENCY refreshes in flight. It stops taking
// work at the run's stop time and leaves the rest for the next run. An error
// reading the index fails the run.
func (h *Handler) refreshDue(ctx context.Context, r *run, sum *Summary) error {
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
	}, jobs)
	close(jobs)
	wg.Wait()
	if errors.Is(err, errStopped) {
		sum.Incomplete, err = true, nil
	}
	if sum.Remaining > 0 {
		sum.Incomplete = true
	}
	return err
}

// errStopped ends the listing when the run reaches its stop time.
var errStopped = errors.New("stopped before the deadline")

// listDue sends every due entry of every shard to jobs, starting at r.first.
func (h *Handler) listDue(ctx context.Context, r *run, count func(int), jobs chan<- consent.DueToken) error {
	n := h.shards()
	for i := range n {
		shard := (r.first + i) % n
		var cur consent.Cursor
		for {
			if r.stopping() {
				return errStopped
			}
			page, next, err := h.store.DueForRefresh(ctx, shard, r.now, pageSize, cur)
			if err != nil {
				return fmt.Errorf("refresh index shard %d: %w", shard, err)
			}
			count(len(page))
			for _, d := range page {
				jobs <- d
			}
			if !next.More() {
				break
			}
			cur = next
		}
	}
	return nil
}
