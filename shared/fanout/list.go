// Package fanout picks the due refresh-index entries one run hands out:
// earliest due first across all shards, at most the run's token-call
// allowance, stopping at the run's stop time, and records what it leaves
// for the next run; sends them to the refresh queue (QueueSink); and works
// one due entry under the lease by the refresh policy (Worker.One), for the
// inline run and the queue's worker alike (docs/refresh.md).
package fanout

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// PageSize is how many refresh-index entries one Query reads.
const PageSize = 100

// ErrStopped ends the listing when the run reaches its stop time.
var ErrStopped = errors.New("stopped before the deadline")

// ErrRateLimited ends the listing when the run has used its allowance.
var ErrRateLimited = errors.New("token-call allowance used")

// Index is the part of *consent.Store the listing reads.
type Index interface {
	DueForRefresh(ctx context.Context, shard int, before time.Time, limit int32, cursor consent.Cursor) ([]consent.DueToken, consent.Cursor, error)
}

// Sink takes the entries the listing hands out. Flush finishes what Put
// buffered and returns how many of the entries handed out since the last
// flush made no token call (another worker's message or lease had them), so
// they do not count against the run's allowance.
type Sink interface {
	Put(ctx context.Context, d consent.DueToken) error
	Flush(ctx context.Context) (refund int, err error)
}

// Listing is one run's walk over the refresh index.
type Listing struct {
	Index     Index
	Shards    int
	First     int       // the shard the run starts at
	Now       time.Time // what is due is due before this
	Allowance int       // entries the run may hand out (Allowance)
	Stopping  func() bool
	Count     func(n int) // entries read
	// DeferredCount and LapseMargin: what the run read but left for the next
	// one, and how long the most urgent of them has before its refresh token
	// lapses (minutes; -1 when none has a known expiry). Set when Run returns
	// ErrStopped or ErrRateLimited.
	DeferredCount, LapseMargin int
	// Handed is how many entries the run handed out and that counted against
	// its allowance (what its sink gave back excluded): the rest of the
	// allowance is the payment polls' (shared/paypoll).
	Handed int
}

// Allowance is how many due entries one run may hand out: rateLimit token
// calls a second over interval, the schedule's period.
func Allowance(rateLimit int, interval time.Duration) int {
	a := float64(rateLimit) * interval.Seconds()
	if a <= 0 {
		return 1 << 30
	}
	return int(a)
}

// Run sends due entries to out, earliest due first across all shards (a
// merge of the shards' index pages, each already ordered by refreshDue), so
// under the default policy, where an entry is due at its keep-alive point, the
// refresh token that lapses soonest goes first, whichever shard holds it. It
// sends at most Allowance entries (each is at most one token call); the rest
// stays in the index for the next run, still in deadline order.
func (l *Listing) Run(ctx context.Context, out Sink) error {
	n := l.Shards
	left := l.Allowance
	heads := make([]*shardPages, 0, n)
	for i := range n {
		heads = append(heads, &shardPages{shard: (l.First + i) % n})
	}
	for {
		if l.Stopping() {
			l.deferred(heads)
			return ErrStopped
		}
		var best *shardPages
		for _, sp := range heads {
			if err := sp.fill(ctx, l, min(PageSize, max(left, 1))); err != nil {
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
			refund, err := out.Flush(ctx)
			if err != nil {
				return err
			}
			l.Handed -= refund
			if left += refund; left <= 0 {
				l.deferred(heads)
				return ErrRateLimited
			}
		}
		d := best.page[0]
		best.page = best.page[1:]
		left--
		l.Handed++
		if err := out.Put(ctx, d); err != nil {
			return err
		}
	}
}

// deferred records what the run read but leaves for the next one.
func (l *Listing) deferred(heads []*shardPages) {
	l.LapseMargin = -1
	for _, sp := range heads {
		l.DeferredCount += len(sp.page)
		for _, d := range sp.page {
			if d.RefreshExpiresAt.IsZero() {
				continue
			}
			m := int(d.RefreshExpiresAt.Sub(l.Now).Minutes())
			if l.LapseMargin < 0 || m < l.LapseMargin {
				l.LapseMargin = max(m, 0)
			}
		}
	}
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
func (sp *shardPages) fill(ctx context.Context, l *Listing, limit int) error {
	if len(sp.page) > 0 || sp.done {
		return nil
	}
	page, next, err := l.Index.DueForRefresh(ctx, sp.shard, l.Now, int32(limit), sp.cur)
	if err != nil {
		return fmt.Errorf("refresh index shard %d: %w", sp.shard, err)
	}
	l.Count(len(page))
	sp.page, sp.cur, sp.done = page, next, !next.More()
	return nil
}
