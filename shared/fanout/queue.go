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

	"github.com/coop-ob/connector/shared/awsapi/sqs"
	"github.com/coop-ob/connector/shared/awsapi/sqs/types"
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

// sendBatch sends a batch of due tokens (SendMarked).
func (q *QueueSink) sendBatch(ctx context.Context, batch []consent.DueToken) (inFlight int, err error) {
	out := make([]Outgoing, len(batch))
	for i, d := range batch {
		out[i] = Outgoing{ConsentID: d.ConsentID,
			Mark: func(ctx context.Context, until time.Time) (bool, error) {
				return q.Store.MarkEnqueued(ctx, d.ConsentID, until)
			},
			Body: Message{ConsentID: d.ConsentID, RefreshDue: d.RefreshDue, RefreshExpiresAt: d.RefreshExpiresAt, UsedAt: d.UsedAt}}
	}
	return SendMarked(ctx, q.API, q.URL, q.Logger, "refresh", q.Now().Add(q.Interval), out, &q.Counts)
}

// Outgoing is one entry of a batch for the refresh queue: its consent (for the log), how to
// mark it in flight until a time (false: an earlier message still is), and its message body.
type Outgoing struct {
	ConsentID string
	Mark      func(ctx context.Context, until time.Time) (bool, error)
	Body      any
}

// SendMarked marks each entry of batch enqueued until then (concurrently: one conditional
// write each, off the index) and sends the marked ones in one SendMessageBatch, counting in c.
// An entry that failed to send keeps its mark until it lapses; the next run after that sends it
// again. A failed SendMessageBatch call (the queue unreachable) is returned; an entry the call
// refused is logged (as what) and counted in RetryLater. inFlight is the entries an earlier
// message still holds.
func SendMarked(ctx context.Context, api SQSSender, url string, logger *slog.Logger, what string, until time.Time,
	batch []Outgoing, c *Counts) (inFlight int, err error) {
	marked := make([]bool, len(batch))
	errs := make([]error, len(batch))
	var wg sync.WaitGroup
	for i, o := range batch {
		wg.Go(func() { marked[i], errs[i] = o.Mark(ctx, until) })
	}
	wg.Wait()
	var entries []types.SendMessageBatchRequestEntry
	for i, o := range batch {
		switch {
		case errs[i] != nil:
			logger.WarnContext(ctx, what+" not enqueued: mark failed", slog.String("consentId", o.ConsentID), slog.Any("err", errs[i]))
			c.RetryLater++
			continue
		case !marked[i]:
			c.InFlight++
			inFlight++
			continue
		}
		body, _ := json.Marshal(o.Body)
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), MessageBody: aws.String(string(body))})
	}
	if len(entries) == 0 {
		return inFlight, nil
	}
	out, err := api.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: entries})
	if err != nil {
		return inFlight, fmt.Errorf("refresh queue: %w", err)
	}
	c.Enqueued += len(out.Successful)
	for _, f := range out.Failed {
		logger.WarnContext(ctx, what+" not enqueued", slog.String("entry", aws.ToString(f.Id)), slog.String("code", aws.ToString(f.Code)))
		c.RetryLater++
	}
	return inFlight, nil
}
