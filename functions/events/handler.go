package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/outbox"
)

// Handler is the events function.
type Handler struct {
	cfg    config
	pub    *outbox.Publisher
	logger *slog.Logger
	// recorder: the metrics of each invocation (EventsPublished, EventsFailed, failed AWS calls).
	recorder *metrics.Recorder
}

// New builds the handler from the cold start's clients.
func New(cfg config, ddb consent.DynamoDBAPI, eb outbox.EventsAPI, logger *slog.Logger) *Handler {
	store := consent.New(ddb, cfg.Table)
	store.Shards = cfg.Shards
	return &Handler{cfg: cfg, logger: logger,
		pub: &outbox.Publisher{API: eb, Bus: cfg.Bus, Store: store, Logger: logger, Backoff: 100 * time.Millisecond}}
}

// Invoke chooses the handler by the event's shape: a batch of DynamoDB stream records is the
// mapping's (Stream), anything else the schedule's (Sweep).
func (h *Handler) Invoke(ctx context.Context, raw json.RawMessage) (any, error) {
	ctx = metrics.With(ctx, h.recorder)
	var probe struct {
		Records []struct {
			EventSource string `json:"eventSource"`
		} `json:"Records"`
	}
	if json.Unmarshal(raw, &probe) == nil && len(probe.Records) > 0 && probe.Records[0].EventSource == "aws:dynamodb" {
		var ev events.DynamoDBEvent
		if err := json.Unmarshal(raw, &ev); err != nil {
			return nil, err
		}
		return h.Stream(ctx, ev), nil
	}
	return h.Sweep(ctx)
}

// Stream publishes the outbox items a batch of stream records inserted and answers, as
// batch item failures, the records whose event was not published: the mapping retries from
// the first of them (bisecting a batch whose invocation fails), and a record that outlives
// its retries goes to the failure destination while its item stays unpublished for the sweep.
// A record that is not an outbox insert (the mapping's filter passes none) is skipped.
func (h *Handler) Stream(ctx context.Context, ev events.DynamoDBEvent) events.DynamoDBEventResponse {
	var evs []consent.OutboxEvent
	var ids []string
	for _, r := range ev.Records {
		if r.EventName != "INSERT" {
			continue
		}
		item, err := fromStream(r.Change.NewImage)
		var oe *consent.OutboxEvent
		if err == nil {
			oe, err = consent.DecodeEvent(item)
		}
		if err != nil {
			h.logger.ErrorContext(ctx, "stream record is not an outbox event; skipped",
				slog.String("eventId", r.EventID), slog.String("sequenceNumber", r.Change.SequenceNumber), slog.Any("err", err))
			continue
		}
		evs = append(evs, *oe)
		ids = append(ids, r.Change.SequenceNumber)
	}
	resp := events.DynamoDBEventResponse{BatchItemFailures: []events.DynamoDBBatchItemFailure{}}
	for i, ok := range h.pub.Publish(ctx, evs) {
		if !ok {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.DynamoDBBatchItemFailure{ItemIdentifier: ids[i]})
		}
	}
	h.logger.InfoContext(ctx, "events published", slog.Int("records", len(ev.Records)), slog.Int("events", len(evs)),
		slog.Int("batchItemFailures", len(resp.BatchItemFailures)))
	return resp
}

// SweepSummary is what a sweep answers (and logs).
type SweepSummary struct {
	Found     int `json:"found"`
	Published int `json:"published"`
	Failed    int `json:"failed"`
}

// Sweep publishes the events left unpublished EVENT_SWEEP_GRACE after they were written. It
// fails only when the table cannot be read; events it could not publish wait for the next sweep.
func (h *Handler) Sweep(ctx context.Context) (SweepSummary, error) {
	res, err := h.pub.Sweep(ctx, h.cfg.Shards, h.cfg.Grace)
	sum := SweepSummary{Found: res.Found, Published: res.Published, Failed: res.Failed}
	h.logger.InfoContext(ctx, "events sweep", slog.Int("found", sum.Found), slog.Int("published", sum.Published),
		slog.Int("failed", sum.Failed), slog.Any("err", err))
	return sum, err
}
