package paypoll

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
	"github.com/coop-ob/connector/shared/fanout"
)

// Kind is Message.Kind: a refresh-queue message that polls a payment (a
// refresh message has none).
const Kind = "payment"

// Message is one poll message on the refresh queue: the entry as the run read
// it (no token, no bank body).
type Message struct {
	Kind       string    `json:"kind"`
	ConsentID  string    `json:"consentId"`
	PaymentKey string    `json:"paymentKey"`
	Due        time.Time `json:"due"`
}

// Entry is the poll entry the message carries.
func (m Message) Entry() consent.DuePayment {
	return consent.DuePayment{ConsentID: m.ConsentID, SK: "PAYMENT#" + m.PaymentKey, Due: m.Due}
}

// Marker is the part of *consent.Store that marks a poll in flight.
type Marker interface {
	MarkPaymentEnqueued(ctx context.Context, consentID, idempotencyKey string, until time.Time) (bool, error)
}

// Counts is what the sender did with the entries it was handed.
type Counts struct {
	Enqueued   int // sent to the queue
	InFlight   int // not sent: an earlier poll message is still in flight
	RetryLater int // not sent: the mark or the queue refused it (logged)
}

// QueueSender sends poll entries to the refresh queue, fanout.BatchSize to a
// SendMessageBatch, each marked in flight first (MarkPaymentEnqueued) so a
// message still on the queue is not sent twice; the index stays the source
// of truth: an entry whose message is lost is sent again once its mark lapses.
type QueueSender struct {
	API      fanout.SQSSender
	URL      string
	Store    Marker
	Logger   *slog.Logger
	Now      func() time.Time
	Interval time.Duration // how long a mark holds (the schedule's period)
	Counts   Counts
	batch    []consent.DuePayment
}

// Put takes one entry, sending a full batch.
func (q *QueueSender) Put(ctx context.Context, d consent.DuePayment) error {
	if q.batch = append(q.batch, d); len(q.batch) < fanout.BatchSize {
		return nil
	}
	return q.Flush(ctx)
}

// Flush sends what is buffered.
func (q *QueueSender) Flush(ctx context.Context) error {
	if len(q.batch) == 0 {
		return nil
	}
	batch := q.batch
	q.batch = nil
	until := q.Now().Add(q.Interval)
	marked := make([]bool, len(batch))
	errs := make([]error, len(batch))
	var wg sync.WaitGroup
	for i, d := range batch {
		wg.Go(func() { marked[i], errs[i] = q.Store.MarkPaymentEnqueued(ctx, d.ConsentID, d.Key(), until) })
	}
	wg.Wait()
	var entries []types.SendMessageBatchRequestEntry
	for i, d := range batch {
		switch {
		case errs[i] != nil:
			q.Logger.WarnContext(ctx, "payment poll not enqueued: mark failed", slog.String("consentId", d.ConsentID), slog.Any("err", errs[i]))
			q.Counts.RetryLater++
			continue
		case !marked[i]:
			q.Counts.InFlight++
			continue
		}
		body, _ := json.Marshal(Message{Kind: Kind, ConsentID: d.ConsentID, PaymentKey: d.Key(), Due: d.Due})
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), MessageBody: aws.String(string(body))})
	}
	if len(entries) == 0 {
		return nil
	}
	out, err := q.API.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(q.URL), Entries: entries})
	if err != nil {
		return fmt.Errorf("refresh queue: %w", err)
	}
	q.Counts.Enqueued += len(out.Successful)
	for _, f := range out.Failed {
		q.Logger.WarnContext(ctx, "payment poll not enqueued", slog.String("entry", aws.ToString(f.Id)), slog.String("code", aws.ToString(f.Code)))
		q.Counts.RetryLater++
	}
	return nil
}
