package fanout

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/coop-ob/connector/shared/consent"
)

// SQSSender is the part of the SQS client the sender uses.
type SQSSender interface {
	SendMessageBatch(ctx context.Context, in *sqs.SendMessageBatchInput, opts ...func(*sqs.Options)) (*sqs.SendMessageBatchOutput, error)
}

// Marker is the part of *consent.Store that marks an entry in flight.
type Marker interface {
	MarkEnqueued(ctx context.Context, consentID string, until time.Time) (bool, error)
}

// Message is one refresh queue message: the index entry as the run read it
// (no token, code or secret: only what the index projects).
type Message struct {
	ConsentID        string    `json:"consentId"`
	RefreshDue       time.Time `json:"refreshDue"`
	RefreshExpiresAt time.Time `json:"refreshExpiresAt,omitzero"`
	UsedAt           time.Time `json:"usedAt,omitzero"`
}

// Entry is the index entry the message carries.
func (m Message) Entry() consent.DueToken {
	return consent.DueToken{ConsentID: m.ConsentID, RefreshDue: m.RefreshDue, RefreshExpiresAt: m.RefreshExpiresAt, UsedAt: m.UsedAt}
}

// BatchSize is SendMessageBatch's limit.
const BatchSize = 10

// Counts is what the sender did with the entries it was handed.
type Counts struct {
	Enqueued   int // sent to the queue
	InFlight   int // not sent: lease held or an earlier message still in flight
	RetryLater int // not sent: the mark or the queue refused it (logged)
}

// QueueSink is the Sink that batches a run's due entries into
// SendMessageBatch calls. An entry whose lease is held, or whose earlier
// message is still in flight (MarkEnqueued), is not sent again.
type QueueSink struct {
	API      SQSSender
	URL      string
	Store    Marker
	Logger   *slog.Logger
	Now      func() time.Time
	RunStart time.Time     // the run's clock: a lease after it is held
	Interval time.Duration // how long a mark holds (the schedule's period)
	Counts   Counts
	batch    []consent.DueToken
	refund   int // entries handed out but not sent (in flight) since the last flush
}

// Put takes one entry, sending a full batch.
func (q *QueueSink) Put(ctx context.Context, d consent.DueToken) error {
	if d.LeaseUntil.After(q.RunStart) {
		q.Counts.InFlight++ // a worker (or the proxy) is on it
		q.refund++
		return nil
	}
	if q.batch = append(q.batch, d); len(q.batch) < BatchSize {
		return nil
	}
	return q.send(ctx)
}

// Flush sends what is buffered.
func (q *QueueSink) Flush(ctx context.Context) (int, error) {
	err := q.send(ctx)
	n := q.refund
	q.refund = 0
	return n, err
}

func (q *QueueSink) send(ctx context.Context) error {
	if len(q.batch) == 0 {
		return nil
	}
	skipped, err := q.sendBatch(ctx, q.batch)
	q.batch = q.batch[:0]
	q.refund += skipped
	return err
}

// sendBatch marks each entry enqueued (concurrently: one conditional write
// each, off the index) and sends the marked ones in one SendMessageBatch.
// An entry that failed to send keeps its mark until it lapses; the next run
// after that sends it again. A failed SendMessageBatch call (the queue
// unreachable) is returned; an entry the call refused is logged and counted
// in RetryLater.
func (q *QueueSink) sendBatch(ctx context.Context, batch []consent.DueToken) (inFlight int, err error) {
	until := q.Now().Add(q.Interval)
	marked := make([]bool, len(batch))
	errs := make([]error, len(batch))
	var wg sync.WaitGroup
	for i, d := range batch {
		wg.Go(func() { marked[i], errs[i] = q.Store.MarkEnqueued(ctx, d.ConsentID, until) })
	}
	wg.Wait()
	var entries []types.SendMessageBatchRequestEntry
	for i, d := range batch {
		switch {
		case errs[i] != nil:
			q.Logger.WarnContext(ctx, "refresh not enqueued: mark failed", slog.String("consentId", d.ConsentID), slog.Any("err", errs[i]))
			q.Counts.RetryLater++
			continue
		case !marked[i]:
			q.Counts.InFlight++
			inFlight++
			continue
		}
		body, _ := json.Marshal(Message{ConsentID: d.ConsentID, RefreshDue: d.RefreshDue,
			RefreshExpiresAt: d.RefreshExpiresAt, UsedAt: d.UsedAt})
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), MessageBody: aws.String(string(body))})
	}
	if len(entries) == 0 {
		return inFlight, nil
	}
	out, err := q.API.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(q.URL), Entries: entries})
	if err != nil {
		return inFlight, fmt.Errorf("refresh queue: %w", err)
	}
	q.Counts.Enqueued += len(out.Successful)
	for _, f := range out.Failed {
		q.Logger.WarnContext(ctx, "refresh not enqueued", slog.String("entry", aws.ToString(f.Id)), slog.String("code", aws.ToString(f.Code)))
		q.Counts.RetryLater++
	}
	return inFlight, nil
}
