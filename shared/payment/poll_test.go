package payment_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/payment"
)

// events is the history's events in order.
func events(rec *consent.Payment) []string {
	var out []string
	for _, h := range rec.History {
		out = append(out, h.Status+" "+h.Event)
	}
	return out
}

// A DP the bank settles later is followed to AcceptedSettlementCompleted by
// polls alone; a poll before the change records nothing new; the history has
// each status once, in order, with the bank's time; at the final status the
// poll entry leaves the index.
func TestPollToSettlement(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.dpConsent()
	ctx := t.Context()
	if err := f.env.Bank.SetPaymentPlan(c.ID, []sandbox.PaymentStep{{Status: "AcceptedSettlementInProcess"},
		{Status: "AcceptedSettlementCompleted", After: time.Minute}}); err != nil {
		t.Fatal(err)
	}
	res, err := f.p.Start(ctx, c, "k-1")
	if err != nil || res.Outcome != payment.Done || res.Payment.Status != "AcceptedSettlementInProcess" {
		t.Fatalf("Start: %+v %v", res, err)
	}
	rec := f.record(c.ID, "k-1")
	if rec.PollShard == "" {
		t.Fatal("a payment in process has no poll entry")
	}
	got, err := f.p.Poll(ctx, c, rec)
	if err != nil || got.Outcome != payment.Recorded || got.Event != "" || rec.Polls != 1 {
		t.Fatalf("poll before the change: %+v %v polls %d; want recorded, no event", got, err, rec.Polls)
	}
	f.env.Bank.Advance(61 * time.Second)
	got, err = f.p.Poll(ctx, c, rec)
	if err != nil || got.Event != "payment.settled" {
		t.Fatalf("poll after the settlement: %+v %v", got, err)
	}
	rec = f.record(c.ID, "k-1")
	want := []string{"AcceptedSettlementInProcess payment.created", "AcceptedSettlementCompleted payment.settled"}
	if g := events(rec); len(g) != 2 || g[0] != want[0] || g[1] != want[1] {
		t.Errorf("history %v, want %v", g, want)
	}
	bankTime := f.env.Bank.Payments()[0].StatusAt
	if !rec.History[1].At.Equal(bankTime.Truncate(time.Second)) && !rec.History[1].At.Equal(bankTime) {
		t.Errorf("settled at %v, want the bank's StatusUpdateDateTime %v", rec.History[1].At, bankTime)
	}
	if rec.PollShard != "" {
		t.Errorf("a settled payment is still polled (%s)", rec.PollShard)
	}
	if got, _ := f.p.Poll(ctx, c, rec); got.Outcome != payment.Untracked {
		t.Errorf("poll of a final payment: %+v, want Untracked", got)
	}
}

// A payment whose answers were all lost after the bank made it is settled by a
// poll the way a retry with the same key settles it: the same bank key, the
// bank's payment recorded; once the consent's access token is gone, from the
// consent's status (unconfirmed). Never a second order, never a new key.
func TestPollInDoubt(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		wait      time.Duration
		wantState string
		wantEvent string
	}{
		{"within the token's life", payment.SendLease, consent.PaymentDone, "payment.created"},
		{"after the token lapsed", 31 * time.Minute, consent.PaymentUnconfirmed, "payment.unconfirmed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c := f.dpConsent()
			ctx := t.Context()
			f.env.Bank.Fail(orders, sandbox.Fault{DropAfterProcessing: true, Count: 100})
			if res, _ := f.p.Start(ctx, c, "k-1"); res.Outcome != payment.BankFailed {
				t.Fatalf("Start: %+v, want in doubt", res)
			}
			f.env.Bank.ClearFaults()
			rec := f.record(c.ID, "k-1")
			if got, _ := f.p.Poll(ctx, c, rec); got.Outcome != payment.Busy {
				t.Errorf("poll inside the send lease: %+v, want Busy (nothing sent)", got)
			}
			f.env.Bank.Advance(tc.wait)
			got, err := f.p.Poll(ctx, c, rec)
			if err != nil || got.Outcome != payment.Recorded || got.Event != tc.wantEvent {
				t.Fatalf("poll: %+v %v; want %s", got, err, tc.wantEvent)
			}
			rec = f.record(c.ID, "k-1")
			made := f.env.Bank.Payments()
			if rec.State != tc.wantState || len(made) != 1 {
				t.Fatalf("record %s, %d bank payments; want %s and 1", rec.State, len(made), tc.wantState)
			}
			if tc.wantState == consent.PaymentDone && rec.BankPaymentID != made[0].PaymentID {
				t.Errorf("recorded payment %s, the bank's %s", rec.BankPaymentID, made[0].PaymentID)
			}
			keys := map[string]bool{}
			for _, r := range f.orderRequests() {
				keys[r.IdempotencyKey] = true
			}
			if len(keys) != 1 || !keys[rec.BankIdempotencyKey] {
				t.Errorf("orders sent under keys %v, want only the record's %s", keys, rec.BankIdempotencyKey)
			}
			if rec.PollShard != "" {
				t.Errorf("a settled payment is still polled")
			}
		})
	}
}

// Bank faults during a poll never change the recorded status nor send an
// order: 5xx, 429, a dropped connection, an HTML 200, a 200 of the wrong
// shape and a 200 with a status OB does not define are each counted as a
// failed poll, and the next poll is scheduled.
func TestPollBankFaults(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.dpConsent()
	ctx := t.Context()
	if err := f.env.Bank.SetPaymentPlan(c.ID, []sandbox.PaymentStep{{Status: "Pending"}}); err != nil {
		t.Fatal(err)
	}
	if res, err := f.p.Start(ctx, c, "k-1"); err != nil || res.Outcome != payment.Done {
		t.Fatalf("Start: %+v %v", res, err)
	}
	rec := f.record(c.ID, "k-1")
	get := "/apis/retail/open-banking/v3.1/pisp/domestic-payments/" + rec.BankPaymentID
	for _, tc := range []struct {
		name  string
		fault sandbox.Fault
	}{
		{"503", sandbox.Fault{Status: http.StatusServiceUnavailable}},
		{"429", sandbox.Fault{Status: http.StatusTooManyRequests}},
		{"drop", sandbox.Fault{Drop: true}},
		{"html 200", sandbox.Fault{Status: http.StatusOK, HTML: true}},
		{"wrong shape", sandbox.Fault{Status: http.StatusOK, JSON: `{"Data":{"Status":"Rejected"}}`}},
		{"unknown status", sandbox.Fault{Status: http.StatusOK, JSON: `{"Data":{"DomesticPaymentId":"` + rec.BankPaymentID +
			`","ConsentId":"` + c.ID + `","Status":"Settled"}}`}},
	} {
		f.env.Bank.Fail(get, sandbox.Fault{Count: 100, Status: tc.fault.Status, HTML: tc.fault.HTML, JSON: tc.fault.JSON, Drop: tc.fault.Drop})
		polls := rec.Polls
		got, err := f.p.Poll(ctx, c, rec)
		f.env.Bank.ClearFaults()
		if err != nil || got.Outcome != payment.Failed {
			t.Errorf("%s: %+v %v, want Failed", tc.name, got, err)
		}
		stored := f.record(c.ID, "k-1")
		if stored.Status != "Pending" || stored.State != consent.PaymentDone || len(stored.History) != 1 || stored.Polls != polls+1 || stored.PollShard == "" {
			t.Errorf("%s: stored %s/%s history %d polls %d (entry %q); want Pending, unchanged, polls %d, still scheduled",
				tc.name, stored.State, stored.Status, len(stored.History), stored.Polls, stored.PollShard, polls+1)
		}
		rec = stored
	}
	if n := len(f.orderRequests()); n != 1 {
		t.Errorf("%d payment orders sent, want the one", n)
	}
}
