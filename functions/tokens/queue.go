package main

import (
	"context"
	"encoding/json"
	"errors"
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

// sqsSender is the part of the SQS client the scheduled run uses.
type sqsSender interface {
	SendMessageBatch(ctx context.Context, in *sqs.SendMessageBatchInput, opts ...func(*sqs.Options)) (*sqs.SendMessageBatchOutput, error)
}

// refreshQueue is the standard SQS queue the workers consume (template.yaml
// RefreshQueue, REFRESH_QUEUE_URL).
type refreshQueue struct {
	api sqsSender
	url string
}

// dueMessage is one refresh queue message: the index entry as the run read it
// (no token, code or secret: only what the index projects).
type dueMessage struct {
	ConsentID        string    `json:"consentId"`
	RefreshDue       time.Time `json:"refreshDue"`
	RefreshExpiresAt time.Time `json:"refreshExpiresAt,omitzero"`
	UsedAt           time.Time `json:"usedAt,omitzero"`
}

func (m dueMessage) entry() consent.DueToken {
	return consent.DueToken{ConsentID: m.ConsentID, RefreshDue: m.RefreshDue, RefreshExpiresAt: m.RefreshExpiresAt, UsedAt: m.UsedAt}
}

// batchSize is SendMessageBatch's limit.
const batchSize = 10

// enqueueDue is refreshDue with the queue: the run reads the index as before
// (earliest deadline first across shards, at most its allowance) and sends
// one message per due entry, in that order, batchSize at a time. A standard
// queue keeps no order, so the order is the one of sending: what the
// allowance leaves out is the latest due, and it stays in the index for the
// next run. An entry whose lease is held, or whose earlier message is still
// in flight (MarkEnqueued), is not sent again. The index, not the queue, is
// the source of truth: an entry whose message is lost is still due, and the
// run after its mark lapses (REFRESH_INTERVAL) sends it again.
func (h *Handler) enqueueDue(ctx context.Context, r *run, sum *Summary) error {
	q := &queueSink{h: h, r: r, sum: sum}
	err := h.listDue(ctx, r, func(n int) { sum.Due += n }, q)
	_, ferr := q.Flush(ctx) // what the listing buffered is sent whatever ended it
	switch {
	case errors.Is(err, errStopped):
		sum.Incomplete, err = true, nil
		sum.Remaining += r.deferredCount
	case errors.Is(err, errRateLimited):
		sum.Incomplete, sum.RateLimited, err = true, true, nil
		sum.Deferred, sum.LapseMarginMinutes = r.deferredCount, r.lapseMargin
	}
	return errors.Join(err, ferr)
}

// queueSink batches the run's due entries into SendMessageBatch calls.
type queueSink struct {
	h      *Handler
	r      *run
	sum    *Summary
	batch  []consent.DueToken
	refund int // entries handed out but not sent (in flight) since the last flush
}

func (q *queueSink) Put(ctx context.Context, d consent.DueToken) error {
	if d.LeaseUntil.After(q.r.now) {
		q.sum.InFlight++ // a worker (or the proxy) is on it
		q.refund++
		return nil
	}
	if q.batch = append(q.batch, d); len(q.batch) < batchSize {
		return nil
	}
	return q.send(ctx)
}

func (q *queueSink) Flush(ctx context.Context) (int, error) {
	err := q.send(ctx)
	n := q.refund
	q.refund = 0
	return n, err
}

func (q *queueSink) send(ctx context.Context) error {
	if len(q.batch) == 0 {
		return nil
	}
	skipped, err := q.h.sendBatch(ctx, q.batch, q.sum)
	q.batch = q.batch[:0]
	q.refund += skipped
	return err
}

// sendBatch marks each entry enqueued (concurrently: one conditional write
// each, off the index) and sends the marked ones in one SendMessageBatch.
// An entry that failed to send keeps its mark until it lapses; the next run
// after that sends it again. A failed SendMessageBatch call (the queue
// unreachable) fails the run, as an unreadable index does; an entry the call
// refused is logged and counted in retryLater.
func (h *Handler) sendBatch(ctx context.Context, batch []consent.DueToken, sum *Summary) (inFlight int, err error) {
	until := h.now().Add(h.cfg.RefreshInterval)
	marked := make([]bool, len(batch))
	errs := make([]error, len(batch))
	var wg sync.WaitGroup
	for i, d := range batch {
		wg.Go(func() { marked[i], errs[i] = h.store.MarkEnqueued(ctx, d.ConsentID, until) })
	}
	wg.Wait()
	var entries []types.SendMessageBatchRequestEntry
	for i, d := range batch {
		switch {
		case errs[i] != nil:
			h.logger.WarnContext(ctx, "refresh not enqueued: mark failed", slog.String("consentId", d.ConsentID), slog.Any("err", errs[i]))
			sum.RetryLater++
			continue
		case !marked[i]:
			sum.InFlight++
			inFlight++
			continue
		}
		body, _ := json.Marshal(dueMessage{ConsentID: d.ConsentID, RefreshDue: d.RefreshDue,
			RefreshExpiresAt: d.RefreshExpiresAt, UsedAt: d.UsedAt})
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), MessageBody: aws.String(string(body))})
	}
	if len(entries) == 0 {
		return inFlight, nil
	}
	out, err := h.queue.api.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(h.queue.url), Entries: entries})
	if err != nil {
		return inFlight, fmt.Errorf("refresh queue: %w", err)
	}
	sum.Enqueued += len(out.Successful)
	for _, f := range out.Failed {
		h.logger.WarnContext(ctx, "refresh not enqueued", slog.String("entry", aws.ToString(f.Id)), slog.String("code", aws.ToString(f.Code)))
		sum.RetryLater++
	}
	return inFlight, nil
}
