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

// errStopped ends the listing when the run reaches its stop time.
var errStopped = errors.New("stopped before the deadline")

// listDue sends due entries to jobs, earliest due first across all shards
// (a merge of the shards' index pages, each already ordered by refreshDue), so
// under the default policy, where an entry is due at its keep-alive point, the
// refresh token that lapses soonest goes first, whichever shard holds it. It
// sends at most allowance entries (each is at most one token call: the
// REFRESH_RATE_LIMIT × REFRESH_INTERVAL budget of one run); the rest stays in
// the index for the next run, still in deadline order, and is reported in
// sum.Deferred and sum.LapseMarginMinutes.
func (h *Handler) listDue(ctx context.Context, r *run, count func(int), out sink) error {
	n := h.shards()
	left := h.allowance()
	heads := make([]*shardPages, 0, n)
	for i := range n {
		heads = append(heads, &shardPages{shard: (r.first + i) % n})
	}
	for {
		if r.stopping() {
			r.deferred(heads)
			return errStopped
		}
		var best *shardPages
		for _, sp := range heads {
			if err := sp.fill(ctx, h, r, count, min(pageSize, max(left, 1))); err != nil {
				return err
			}
			if len(sp.page) > 0 && (best == nil || sp.page[0].RefreshDue.Before(best.page[0].RefreshDue)) {
				best = sp
			}
		}
		if best == nil {
			return nil
		}
		if left <= 0 {
			// What was handed out but took no token call gives its share back.
			refund, err := out.flush(ctx)
			if err != nil {
				return err
			}
			if left += refund; left <= 0 {
				r.deferred(heads)
				return errRateLimited
			}
		}
		d := best.page[0]
		best.page = best.page[1:]
		left--
		if err := out.put(ctx, d); err != nil {
			return err
		}
	}
}

// sink takes the entries listDue hands out. flush finishes what put
// buffered and returns how many of the entries handed out since the last
// flush made no token call (another worker's message or lease had them), so
// they do not count against the run's allowance.
type sink interface {
	put(ctx context.Context, d consent.DueToken) error
	flush(ctx context.Context) (refund int, err error)
}

// chanSink hands entries to the inline run's refreshers; each counts.
type chanSink chan<- consent.DueToken

func (c chanSink) put(_ context.Context, d consent.DueToken) error { c <- d; return nil }

func (chanSink) flush(context.Context) (int, error) { return 0, nil }

// deferred records what the run read but leaves for the next one: how many
// entries, and how long the most urgent of them has before its refresh token
// lapses (LapseMarginMinutes; -1 when none has a known expiry).
func (r *run) deferred(heads []*shardPages) {
	r.lapseMargin = -1
	for _, sp := range heads {
		r.deferredCount += len(sp.page)
		for _, d := range sp.page {
			if d.RefreshExpiresAt.IsZero() {
				continue
			}
			m := int(d.RefreshExpiresAt.Sub(r.now).Minutes())
			if r.lapseMargin < 0 || m < r.lapseMargin {
				r.lapseMargin = max(m, 0)
			}
		}
	}
}

// errRateLimited ends the listing when the run has used its allowance.
var errRateLimited = errors.New("token-call allowance used")

// allowance is how many due entries one run may hand out: REFRESH_RATE_LIMIT
// token calls a second over REFRESH_INTERVAL, the schedule's period.
func (h *Handler) allowance() int {
	a := float64(h.cfg.RefreshRateLimit) * h.cfg.RefreshInterval.Seconds()
	if a <= 0 {
		return 1 << 30
	}
	return int(a)
}

// shardPages is one shard's position in the merge: the unread rest of the
// page last read and the cursor after it.
type shardPages struct {
	shard int
	page  []consent.DueToken
	cur   consent.Cursor
	done  bool
}

// fill reads the shard's next page when its buffer is empty.
func (sp *shardPages) fill(ctx context.Context, h *Handler, r *run, count func(int), limit int) error {
	if len(sp.page) > 0 || sp.done {
		return nil
	}
	page, next, err := h.store.DueForRefresh(ctx, sp.shard, r.now, int32(limit), sp.cur)
	if err != nil {
		return fmt.Errorf("refresh index shard %d: %w", sp.shard, err)
	}
	count(len(page))
	sp.page, sp.cur, sp.done = page, next, !next.More()
	return nil
}
