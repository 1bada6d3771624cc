package outbox

import (
	"context"
	"errors"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// DefaultGrace is how old an unpublished event must be before the sweep sends it
// (EVENT_SWEEP_GRACE): the stream normally publishes an event within seconds, and the sweep
// is for the ones it did not (a record that outlived its retries or its 24 hours, a failure
// destination that got only the record's pointer).
const DefaultGrace = 10 * time.Minute

// sweepPage is how many index entries one Query of the sweep reads.
const sweepPage = 100

// SweepResult counts what one sweep did.
type SweepResult struct {
	Found, Published, Failed int
}

// Sweep publishes the events of shards 0..shards-1 still unpublished grace after they were
// written, oldest first in each shard, until ctx ends (what is left waits for the next
// sweep). An event gone meanwhile (published and expired) is skipped.
func (p *Publisher) Sweep(ctx context.Context, shards int, grace time.Duration) (SweepResult, error) {
	var res SweepResult
	before := p.now().Add(-grace)
	for shard := range shards {
		var cur consent.Cursor
		for {
			if ctx.Err() != nil {
				return res, nil
			}
			keys, next, err := p.Store.UnpublishedEvents(ctx, shard, before, sweepPage, cur)
			if err != nil {
				return res, err
			}
			var evs []consent.OutboxEvent
			for _, k := range keys {
				ev, err := p.Store.GetEvent(ctx, k.PK, k.SK)
				switch {
				case errors.Is(err, consent.ErrNotFound):
					continue
				case err != nil:
					return res, err
				}
				evs = append(evs, *ev)
			}
			res.Found += len(evs)
			for _, ok := range p.Publish(ctx, evs) {
				if ok {
					res.Published++
				} else {
					res.Failed++
				}
			}
			if !next.More() {
				break
			}
			cur = next
		}
	}
	return res, nil
}
