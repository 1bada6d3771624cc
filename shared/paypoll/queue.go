package paypoll

import (
	"context"
	"log/slog"
	"time"

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
type Counts = fanout.Counts

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

// Flush sends what is buffered (fanout.SendMarked).
func (q *QueueSender) Flush(ctx context.Context) error {
	if len(q.batch) == 0 {
		return nil
	}
	out := make([]fanout.Outgoing, len(q.batch))
	for i, d := range q.batch {
		out[i] = fanout.Outgoing{ConsentID: d.ConsentID,
			Mark: func(ctx context.Context, until time.Time) (bool, error) {
				return q.Store.MarkPaymentEnqueued(ctx, d.ConsentID, d.Key(), until)
			},
			Body: Message{Kind: Kind, ConsentID: d.ConsentID, PaymentKey: d.Key(), Due: d.Due}}
	}
	q.batch = nil
	_, err := fanout.SendMarked(ctx, q.API, q.URL, q.Logger, "payment poll", q.Now().Add(q.Interval), out, &q.Counts)
	return err
}
