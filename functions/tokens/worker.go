package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/paypoll"
)

// Work is the refresh worker: the refresh queue's event source mapping
// invokes the tokens function with a batch of messages (events/sqs.json), one
// due entry each (dueMessage), or one payment to poll (paypoll.Message, kind
// "payment": payments.go). Each is refreshed under the lease, as the
// inline run would (refreshOne), REFRESH_CONCURRENCY at a time. A message
// delivered twice does no harm: the second finds the lease held or the
// tokens no longer due. The messages whose outcome may be worth another try
// (a failure, or the bank or store unavailable) are reported as
// batchItemFailures: the queue delivers them again after its visibility
// timeout, and after maxReceiveCount moves them to the dead-letter queue,
// whose alarm says so; the index keeps them due meanwhile. The rest are
// deleted by the event source mapping.
func (h *Handler) Work(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	ctx = metrics.With(ctx, h.recorder)
	start := time.Now()
	r := h.newRun(ctx, start)
	r.holder = "worker" + r.holder[len("tokens"):]
	ref := h.refresher(r)
	var (
		mu   sync.Mutex
		sum  Summary
		resp events.SQSEventResponse
		wg   sync.WaitGroup
	)
	resp.BatchItemFailures = []events.SQSBatchItemFailure{} // [] rather than null: none failed
	sem := make(chan struct{}, max(h.cfg.RefreshConcurrency, 1))
	var pw *paypoll.Worker
	for _, m := range ev.Records {
		var pm paypoll.Message
		if json.Unmarshal([]byte(m.Body), &pm) == nil && pm.Kind == paypoll.Kind && pm.ConsentID != "" && pm.PaymentKey != "" {
			if pw == nil {
				pw = h.payWorker(r)
			}
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				p, err := pw.One(ctx, pm.Entry())
				mu.Lock()
				defer mu.Unlock()
				sum.PaymentPolls++
				if p.Event != "" {
					sum.PaymentChanges++
				}
				if err != nil {
					// The store failed: worth another try (the entry stays due in the index too).
					resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: m.MessageId})
				}
			})
			continue
		}
		var msg dueMessage
		if err := json.Unmarshal([]byte(m.Body), &msg); err != nil || msg.ConsentID == "" {
			h.logger.ErrorContext(ctx, "refresh message not understood", slog.String("messageId", m.MessageId))
			mu.Lock()
			sum.add(failed)
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: m.MessageId})
			mu.Unlock()
			continue
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			o := h.refreshOne(ctx, ref, r, msg.Entry())
			mu.Lock()
			defer mu.Unlock()
			sum.Due++
			sum.add(o)
			if o == failed || o == retryLater || o == remaining {
				resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: m.MessageId})
			}
		})
	}
	wg.Wait()
	sum.DurationMs = time.Since(start).Milliseconds()
	h.logger.InfoContext(ctx, "refresh worker batch", slog.Int("messages", len(ev.Records)), slog.Int("refreshed", sum.Refreshed),
		slog.Int("retryLater", sum.RetryLater), slog.Int("skipped", sum.Skipped), slog.Int("errors", sum.Errors),
		slog.Int("paymentPolls", sum.PaymentPolls), slog.Int("paymentChanges", sum.PaymentChanges),
		slog.Int("batchItemFailures", len(resp.BatchItemFailures)), slog.Int64("durationMs", sum.DurationMs))
	return resp, nil
}

// Invoke chooses the handler by the event's shape: a batch of SQS records is
// the worker's (Work), anything else the schedule's (Handle).
func (h *Handler) Invoke(ctx context.Context, raw json.RawMessage) (any, error) {
	var probe struct {
		Records []struct {
			EventSource string `json:"eventSource"`
		} `json:"Records"`
	}
	if json.Unmarshal(raw, &probe) == nil && len(probe.Records) > 0 && probe.Records[0].EventSource == "aws:sqs" {
		var ev events.SQSEvent
		if err := json.Unmarshal(raw, &ev); err != nil {
			return nil, err
		}
		return h.Work(ctx, ev)
	}
	return h.Handle(ctx, raw)
}
