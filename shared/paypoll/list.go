package paypoll

import (
	"context"
	"fmt"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// PageSize is how many poll entries one Query reads.
const PageSize = 100

// Index is the part of *consent.Store the listing reads.
type Index interface {
	DuePayments(ctx context.Context, shard int, before time.Time, limit int32, cursor consent.Cursor) ([]consent.DuePayment, consent.Cursor, error)
}

// Listing is one run's walk over the poll entries.
type Listing struct {
	Index     Index
	Shards    int
	First     int // the shard the run starts at (rotates, so no shard starves)
	Now       time.Time
	Allowance int // polls the run may hand out: what its rate limit left
	Stopping  func() bool
	// Handed and Left: entries handed out, and whether due entries were left
	// for the next run (allowance used or stop time reached).
	Handed int
	Left   bool
}

// Run hands every due entry to put, shard by shard, up to Allowance.
func (l *Listing) Run(ctx context.Context, put func(consent.DuePayment) error) error {
	for i := range l.Shards {
		shard := (l.First + i) % l.Shards
		var cur consent.Cursor
		for {
			if l.Handed >= l.Allowance || l.Stopping() {
				l.Left = true
				return nil
			}
			page, next, err := l.Index.DuePayments(ctx, shard, l.Now, int32(min(PageSize, l.Allowance-l.Handed)), cur)
			if err != nil {
				return fmt.Errorf("payment poll entries shard %d: %w", shard, err)
			}
			for _, d := range page {
				l.Handed++
				if err := put(d); err != nil {
					return err
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
