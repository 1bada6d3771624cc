package main

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/payment"
	"github.com/coop-ob/connector/shared/paypoll"
)

// payDP makes a DP that the bank settles a minute after it is made
// (AcceptedSettlementInProcess first) and returns its consent.
func payDP(t *testing.T, f *fixture) *consent.Consent {
	t.Helper()
	c := refreshtest.AuthoriseDP(t, f.env)
	if err := f.env.Bank.SetPaymentPlan(c.ID, []sandbox.PaymentStep{{Status: "AcceptedSettlementInProcess"},
		{Status: "AcceptedSettlementCompleted", After: time.Minute}}); err != nil {
		t.Fatal(err)
	}
	p := f.h.payWorker(f.h.newRun(context.Background(), time.Now())).Protocol
	res, err := p.Start(context.Background(), c, "k-1")
	if err != nil || res.Outcome != payment.Done {
		t.Fatalf("pay: %+v %v", res, err)
	}
	return c
}

func (f *fixture) payment(t *testing.T, c *consent.Consent) *consent.Payment {
	t.Helper()
	rec, err := f.env.Deps.Store.GetPayment(context.Background(), c.ID, "k-1")
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestPaymentPollInline: without a queue the run polls a due payment itself,
// only once its poll is due, and records the bank's new status; a settled
// payment is not polled again.
func TestPaymentPollInline(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, map[string]string{"PAYMENT_POLL_BACKOFF": "1m,5m"})
	c := payDP(t, f)
	if s := f.run(t); s.PaymentPolls != 0 {
		t.Errorf("run before the first poll is due: %d polls", s.PaymentPolls)
	}
	f.advance(2 * time.Minute)
	if s := f.run(t); s.PaymentPolls != 1 || s.PaymentChanges != 1 {
		t.Errorf("run after the settlement: %+v, want one poll, one change", s)
	}
	if rec := f.payment(t, c); rec.Status != "AcceptedSettlementCompleted" || rec.PollShard != "" {
		t.Errorf("record %s (entry %q), want settled and out of the index", rec.Status, rec.PollShard)
	}
	f.advance(10 * time.Minute)
	if s := f.run(t); s.PaymentPolls != 0 {
		t.Errorf("a settled payment polled again: %+v", s)
	}
}

// TestPaymentPollQueue: with the refresh queue the run sends a due payment as
// a "payment" message, after the refreshes and within what they left of the
// allowance (one call a run here: the due refresh goes first, the payment
// waits for the next run); the worker polls it and records the settlement;
// the same message delivered again polls nothing.
func TestPaymentPollQueue(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshRotate, map[string]string{"REFRESH_POLICY": "all",
		"REFRESH_RATE_LIMIT": "1", "REFRESH_INTERVAL": "1s", "PAYMENT_POLL_BACKOFF": "1m"})
	rs := withQueue(t, f)
	c := payDP(t, f)
	refreshtest.Authorise(t, f.env)
	f.advance(25 * time.Minute) // the AIS consent's refresh and the payment's poll are both due
	if s := f.run(t); s.Enqueued != 1 || s.PaymentPolls != 0 {
		t.Fatalf("first run: %+v, want the refresh only (allowance 1)", s)
	}
	if resp, err := f.h.Work(context.Background(), receiveAll(t, rs, f.h.queue.url)); err != nil || len(resp.BatchItemFailures) != 0 {
		t.Fatalf("the refresh: %+v %v", resp, err)
	}
	s := f.run(t)
	if s.PaymentPolls != 1 {
		t.Fatalf("second run: %+v, want the payment's poll sent", s)
	}
	ev := receiveAll(t, rs, f.h.queue.url)
	var m paypoll.Message
	if len(ev.Records) != 1 || json.Unmarshal([]byte(ev.Records[0].Body), &m) != nil || m.Kind != paypoll.Kind || m.ConsentID != c.ID || m.PaymentKey != "k-1" {
		t.Fatalf("queue holds %+v, want one payment message for %s", ev.Records, c.ID)
	}
	resp, err := f.h.Work(context.Background(), ev)
	if err != nil || len(resp.BatchItemFailures) != 0 {
		t.Fatalf("worker: %+v %v", resp, err)
	}
	rec := f.payment(t, c)
	if rec.Status != "AcceptedSettlementCompleted" || len(rec.History) != 2 || rec.History[1].Event != "payment.settled" {
		t.Fatalf("record %s %+v, want settled with its history", rec.Status, rec.History)
	}
	f.env.Bank.ResetRequests()
	if resp, err := f.h.Work(context.Background(), ev); err != nil || len(resp.BatchItemFailures) != 0 || len(f.env.Bank.Requests()) != 0 {
		t.Errorf("the message again: %+v %v, %d bank requests; want nothing done", resp, err, len(f.env.Bank.Requests()))
	}
}
