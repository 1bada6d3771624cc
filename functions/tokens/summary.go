package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/emf"
)

// Summary is the outcome of one run. It is returned to Lambda, logged as one
// JSON line ("tokens run") and published as EMF metrics of the same names.
type Summary struct {
	Due            int `json:"due"`            // refresh-index entries read (due at the run's start)
	Refreshed      int `json:"refreshed"`      // new tokens stored (keep-alive refreshes of idle consents included)
	RetryLater     int `json:"retryLater"`     // transient bank failure (backing off) or lease held by another worker
	ReauthRequired int `json:"reauthRequired"` // invalid_grant: consent now ReauthRequired
	Expired        int `json:"expired"`        // refresh token lapsed: consent now Expired
	Skipped        int `json:"skipped"`        // idle under policy recent (moved to its keep-alive point), no longer due, or no refresh token
	Remaining      int `json:"remaining"`      // read but left for the next run: the run stopped before its deadline
	Errors         int `json:"errors"`         // unexpected per-consent failures (logged)
	// Enqueued: with REFRESH_QUEUE_URL, due entries sent to the refresh queue
	// (the workers refresh them); InFlight: entries not sent again because
	// an earlier run's message is still in flight (enqueuedUntil).
	Enqueued int `json:"enqueued"`
	InFlight int `json:"inFlight"`
	// Incomplete: the run stopped before reading the whole index.
	Incomplete bool `json:"incomplete"`
	// RateLimited: the run handed out its REFRESH_RATE_LIMIT × REFRESH_INTERVAL
	// allowance and left the rest due, in deadline order, for the next run.
	RateLimited bool `json:"rateLimited"`
	// Deferred: entries read but left for the next run by the allowance.
	Deferred int `json:"deferred"`
	// LapseMarginMinutes: with RateLimited, how long the most urgent entry
	// left behind has before its refresh token lapses (-1: none known). The
	// LapseMarginMinutes metric alarms below the keep-alive margin's half.
	LapseMarginMinutes int `json:"lapseMarginMinutes"`
	// PaymentPolls: payments whose poll was due and handed out (sent to the
	// queue, or polled by the run itself without one) within what the
	// refreshes left of the allowance; PaymentChanges: changes of state or
	// status those polls recorded (the worker's batch line counts its own).
	PaymentPolls       int   `json:"paymentPolls"`
	PaymentChanges     int   `json:"paymentChanges"`
	ExchangesCompleted int   `json:"exchangesCompleted"`
	ExchangesFailed    int   `json:"exchangesFailed"`
	ExchangesRetry     int   `json:"exchangesRetry"`
	TransportCertDays  int   `json:"transportCertDays"`
	SigningCertDays    int   `json:"signingCertDays"`
	DurationMs         int64 `json:"durationMs"`

	// SealScanned and Sealed: the upgrade's sealing pass, items read and items sealed
	// (0 once the pass is done).
	SealScanned int `json:"sealScanned"`
	Sealed      int `json:"sealed"`
	// SealRetired: consents the pass found closed by the previous release (tokens kept, no
	// TTL) and retired as a close does now (tokens and accounts deleted, TTL set).
	SealRetired int `json:"sealRetired"`
}

// add counts one refresh outcome.
func (s *Summary) add(o outcome) {
	switch o {
	case refreshed:
		s.Refreshed++
	case retryLater:
		s.RetryLater++
	case reauthRequired:
		s.ReauthRequired++
	case expired:
		s.Expired++
	case skipped:
		s.Skipped++
	case remaining:
		s.Remaining++
	default:
		s.Errors++
	}
}

// report logs the summary line and writes its EMF metrics (dimension
// Environment).
func (h *Handler) report(ctx context.Context, s *Summary, runErr error) {
	attrs := []slog.Attr{slog.Int("due", s.Due), slog.Int("refreshed", s.Refreshed), slog.Int("retryLater", s.RetryLater),
		slog.Int("reauthRequired", s.ReauthRequired), slog.Int("expired", s.Expired), slog.Int("skipped", s.Skipped),
		slog.Int("remaining", s.Remaining), slog.Int("errors", s.Errors),
		slog.Int("enqueued", s.Enqueued), slog.Int("inFlight", s.InFlight), slog.Bool("incomplete", s.Incomplete),
		slog.Bool("rateLimited", s.RateLimited), slog.Int("deferred", s.Deferred), slog.Int("lapseMarginMinutes", s.LapseMarginMinutes),
		slog.Int("paymentPolls", s.PaymentPolls), slog.Int("paymentChanges", s.PaymentChanges),
		slog.Int("exchangesCompleted", s.ExchangesCompleted), slog.Int("exchangesFailed", s.ExchangesFailed),
		slog.Int("exchangesRetry", s.ExchangesRetry), slog.Int("transportCertDays", s.TransportCertDays),
		slog.Int("signingCertDays", s.SigningCertDays), slog.Int64("durationMs", s.DurationMs),
		slog.Int("sealScanned", s.SealScanned), slog.Int("sealed", s.Sealed)}
	level := slog.LevelInfo
	if runErr != nil {
		level = slog.LevelError
		attrs = append(attrs, slog.Any("err", runErr))
	}
	h.logger.LogAttrs(ctx, level, "tokens run", attrs...)

	count := func(name string, v int) emf.Metric { return emf.Metric{Name: name, Unit: "Count", Value: float64(v)} }
	metrics := []emf.Metric{
		count("Due", s.Due), count("Refreshed", s.Refreshed), count("RetryLater", s.RetryLater),
		count("ReauthRequired", s.ReauthRequired), count("Expired", s.Expired), count("Skipped", s.Skipped),
		count("Remaining", s.Remaining), count("Errors", s.Errors), count("Enqueued", s.Enqueued),
		count("ExchangesCompleted", s.ExchangesCompleted), count("ExchangesFailed", s.ExchangesFailed),
		{Name: "DurationMs", Unit: "Milliseconds", Value: float64(s.DurationMs)},
	}
	if s.RateLimited {
		metrics = append(metrics, count("Deferred", s.Deferred))
		if s.LapseMarginMinutes >= 0 {
			metrics = append(metrics, emf.Metric{Name: "LapseMarginMinutes", Unit: "None", Value: float64(s.LapseMarginMinutes)})
		}
	}
	if runErr != nil {
		metrics = append(metrics, count("RunFailed", 1))
	}
	if err := emf.WriteNS(h.metrics, h.cfg.MetricsNamespace, time.Now(), map[string]string{emf.DimEnvironment: h.cfg.Environment}, metrics); err != nil {
		h.logger.WarnContext(ctx, "metrics not written", slog.Any("err", err))
	}
}
