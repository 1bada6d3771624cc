package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/fanout"
	"github.com/coop-ob/connector/shared/payment"
	"github.com/coop-ob/connector/shared/paypoll"
)

// Payment protocol settings of the background polls: the proxy's.
const (
	payMinValidity = 60 * time.Second // refresh an access token valid for less (a payment consent's cannot be)
	payAttempts    = 3                // sends of one order in doubt in one poll
)

// pollPayments hands out the payments whose poll is due (paypoll.Listing),
// within what the refreshes left of the run's allowance: to the refresh
// queue's workers, or, without a queue, polls them itself. An error reading
// the index or sending to the queue fails the run, as for refreshes.
func (h *Handler) pollPayments(ctx context.Context, r *run, sum *Summary) error {
	if h.bank == nil {
		return nil
	}
	left := fanout.Allowance(h.cfg.RefreshRateLimit, h.cfg.RefreshInterval) - r.handed
	if left <= 0 {
		return nil
	}
	l := &paypoll.Listing{Index: h.store, Shards: h.shards(), First: r.first, Now: r.now, Allowance: left, Stopping: r.stopping}
	if h.queue != nil {
		q := &paypoll.QueueSender{API: h.queue.api, URL: h.queue.url, Store: h.store, Logger: h.logger, Now: h.now,
			Interval: h.cfg.RefreshInterval}
		err := l.Run(ctx, func(d consent.DuePayment) error { return q.Put(ctx, d) })
		err = errors.Join(err, q.Flush(ctx))
		sum.PaymentPolls += q.Counts.Enqueued
		sum.InFlight += q.Counts.InFlight
		return err
	}
	w := h.payWorker(r)
	return l.Run(ctx, func(d consent.DuePayment) error {
		p := h.pollOne(ctx, w, d)
		sum.PaymentPolls++
		if p.Event != "" {
			sum.PaymentChanges++
		}
		return nil
	})
}

// payWorker polls payments with the payment protocol as the proxy runs it:
// the bank client, the consent's tokens under the refresh lease, the
// client-credentials token of order reads.
func (h *Handler) payWorker(r *run) *paypoll.Worker {
	p := &payment.Protocol{Store: h.store, Bank: h.bank, Tokens: h.refresher(r), ClientCredentials: h.oauth,
		Credentials: h.creds, Now: h.now, Logger: h.logger, Retry: bankapi.DefaultRetryPolicy(),
		Attempts: payAttempts, MinValidity: payMinValidity}
	return &paypoll.Worker{Store: h.store, Protocol: p, Logger: h.logger, RunStart: r.now}
}

// pollOne polls one due payment; a store failure is logged (the entry stays
// due, and the next run takes it).
func (h *Handler) pollOne(ctx context.Context, w *paypoll.Worker, d consent.DuePayment) payment.Polled {
	p, err := w.One(ctx, d)
	if err != nil {
		h.logger.WarnContext(ctx, "payment poll: store unavailable", slog.String("consentId", d.ConsentID), slog.Any("err", err))
	}
	return p
}
