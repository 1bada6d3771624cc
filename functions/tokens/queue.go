package main

import (
	"context"
	"errors"

	"github.com/coop-ob/connector/shared/fanout"
)

// refreshQueue is the standard SQS queue the workers consume (template.yaml
// RefreshQueue, REFRESH_QUEUE_URL).
type refreshQueue struct {
	api fanout.SQSSender
	url string
}

// dueMessage is one refresh queue message (fanout.Message).
type dueMessage = fanout.Message

// batchSize is SendMessageBatch's limit.
const batchSize = fanout.BatchSize

// enqueueDue is refreshDue with the queue: the run reads the index as before
// (earliest deadline first across shards, at most its allowance) and sends
// one message per due entry, in that order, batchSize at a time
// (fanout.QueueSink). A standard queue keeps no order, so the order is the
// one of sending: what the allowance leaves out is the latest due, and it
// stays in the index for the next run. The index, not the queue, is the
// source of truth: an entry whose message is lost is still due, and the run
// after its mark lapses (REFRESH_INTERVAL) sends it again. A failed
// SendMessageBatch call (the queue unreachable) fails the run, as an
// unreadable index does.
func (h *Handler) enqueueDue(ctx context.Context, r *run, sum *Summary) error {
	q := &fanout.QueueSink{API: h.queue.api, URL: h.queue.url, Store: h.store, Logger: h.logger, Now: h.now,
		RunStart: r.now, Interval: h.cfg.RefreshInterval}
	err := h.listDue(ctx, r, func(n int) { sum.Due += n }, q)
	refund, ferr := q.Flush(ctx) // what the listing buffered is sent whatever ended it
	r.handed -= refund           // entries still in flight took no call: the payment polls may have it
	sum.Enqueued += q.Counts.Enqueued
	sum.InFlight += q.Counts.InFlight
	sum.RetryLater += q.Counts.RetryLater
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
