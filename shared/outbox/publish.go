package outbox

import (
	"context"
	"log/slog"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/eventbridge"
	"github.com/coop-ob/connector/shared/awsapi/eventbridge/types"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/metrics"
)

// MaxEntries is the most entries one PutEvents takes.
const MaxEntries = 10

// DefaultAttempts is how many PutEvents an entry gets in one Publish.
const DefaultAttempts = 3

// EventsAPI is the part of *eventbridge.Client the publisher uses.
type EventsAPI interface {
	PutEvents(ctx context.Context, in *eventbridge.PutEventsInput, optFns ...func(*eventbridge.Options)) (*eventbridge.PutEventsOutput, error)
}

// Store is the part of *consent.Store the publisher uses.
type Store interface {
	MarkPublished(ctx context.Context, pk, sk string, at time.Time) error
	UnpublishedEvents(ctx context.Context, shard int, before time.Time, limit int32, cursor consent.Cursor) ([]consent.OutboxKey, consent.Cursor, error)
	GetEvent(ctx context.Context, pk, sk string) (*consent.OutboxEvent, error)
}

// Publisher puts outbox events on the bus and marks them published.
type Publisher struct {
	API    EventsAPI
	Bus    string // EVENT_BUS_NAME
	Store  Store
	Logger *slog.Logger
	Now    func() time.Time
	// Attempts is how many PutEvents an entry gets in one Publish (DefaultAttempts when 0):
	// the entries a partial failure reports, or all of a call that failed, are sent again
	// after Backoff, doubled each time.
	Attempts int
	Backoff  time.Duration
}

// Publish puts evs on the bus, MaxEntries to a PutEvents, retrying the entries that failed,
// and marks each published one; each event counts as EventsPublished or EventsFailed on the
// Recorder of ctx (shared/metrics). It reports, in evs' order, which were published; an event
// that was not stays unpublished in the table (a later stream retry or sweep sends it). A
// failure to mark a published event is logged and counts as published: the sweep sends it
// again, with the same eventId.
func (p *Publisher) Publish(ctx context.Context, evs []consent.OutboxEvent) []bool {
	done := make([]bool, len(evs))
	for start := 0; start < len(evs); start += MaxEntries {
		end := min(start+MaxEntries, len(evs))
		p.putBatch(ctx, evs[start:end], done[start:end])
	}
	rec := metrics.From(ctx)
	for i, ev := range evs {
		if !done[i] {
			rec.Count(ctx, metrics.EventsFailed)
			continue
		}
		rec.Count(ctx, metrics.EventsPublished)
		if err := p.Store.MarkPublished(ctx, ev.PK, ev.SK, p.now()); err != nil {
			p.Logger.WarnContext(ctx, "event published, not marked", "consentId", ev.ConsentID, "eventId", ev.EventID, "err", err)
		}
	}
	return done
}

// putBatch sends evs (at most MaxEntries) until each is taken or its attempts are spent,
// setting done for the taken ones.
func (p *Publisher) putBatch(ctx context.Context, evs []consent.OutboxEvent, done []bool) {
	wait := p.Backoff
	for attempt := 1; ; attempt++ {
		var idx []int
		var entries []types.PutEventsRequestEntry
		for i, ev := range evs {
			if !done[i] {
				idx = append(idx, i)
				entries = append(entries, p.entry(ev))
			}
		}
		if len(entries) == 0 {
			return
		}
		out, err := p.API.PutEvents(ctx, &eventbridge.PutEventsInput{Entries: entries})
		switch {
		case err != nil:
			p.Logger.WarnContext(ctx, "events not put", "entries", len(entries), "attempt", attempt, "err", err)
		case len(out.Entries) != len(entries):
			p.Logger.WarnContext(ctx, "events put: answer without one result per entry", "entries", len(entries), "results", len(out.Entries))
		default:
			for j, r := range out.Entries {
				if r.ErrorCode == nil {
					done[idx[j]] = true
					continue
				}
				ev := evs[idx[j]]
				p.Logger.WarnContext(ctx, "event not put", "consentId", ev.ConsentID, "eventId", ev.EventID,
					"errorCode", aws.ToString(r.ErrorCode), "attempt", attempt)
			}
		}
		if attempt >= p.attempts() || ctx.Err() != nil || allDone(done) {
			return
		}
		if wait > 0 {
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
			wait *= 2
		}
	}
}

// entry is ev's PutEvents entry: the connector's source, its detail-type and detail, the time
// it was written.
func (p *Publisher) entry(ev consent.OutboxEvent) types.PutEventsRequestEntry {
	return types.PutEventsRequestEntry{
		EventBusName: aws.String(p.Bus), Source: aws.String(consent.EventSource),
		DetailType: aws.String(ev.DetailType), Detail: aws.String(ev.Detail), Time: aws.Time(ev.CreatedAt),
	}
}

func allDone(done []bool) bool {
	for _, d := range done {
		if !d {
			return false
		}
	}
	return true
}

func (p *Publisher) attempts() int {
	if p.Attempts <= 0 {
		return DefaultAttempts
	}
	return p.Attempts
}

func (p *Publisher) now() time.Time {
	if p.Now == nil {
		return time.Now()
	}
	return p.Now()
}
