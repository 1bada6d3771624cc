package consent

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestRecordPaymentStatus: each change of state or status is one history entry
// (bank time, event) in order; a poll that learns nothing adds none; the poll
// entry follows the payment while it is in doubt or not final, at the backoff's
// points, and leaves the index at a final status; a stale write is a conflict.
func TestRecordPaymentStatus(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	s.PaymentPollBackoff, s.PaymentPollLimit = []time.Duration{time.Minute, 5 * time.Minute}, 10
	ctx := context.Background()
	paymentConsent(t, s, "c-dp", "DP")
	p := &Payment{ConsentID: "c-dp", IdempotencyKey: "k1", RequestHash: "h", Journey: "DP"}
	if err := s.CreatePayment(ctx, p); err != nil {
		t.Fatal(err)
	}
	if p.PollShard != "" {
		t.Errorf("a pending record (never sent) is polled: %q", p.PollShard)
	}
	p.State = PaymentSent
	if err := s.UpdatePayment(ctx, p); err != nil {
		t.Fatal(err)
	}
	t0 := clk.Now()
	if p.PollDue != t0.Add(time.Minute) {
		t.Errorf("sent: poll due %v, want %v (in doubt, first backoff)", p.PollDue, t0.Add(time.Minute))
	}
	due := func(want int) {
		t.Helper()
		var got []DuePayment
		for sh := range s.Shards {
			page, _, err := s.DuePayments(ctx, sh, clk.Now().Add(24*time.Hour), 100, Cursor{})
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, page...)
		}
		if len(got) != want {
			t.Fatalf("due payments = %+v, want %d", got, want)
		}
		if want == 1 && (got[0].ConsentID != "c-dp" || got[0].Key() != "k1" || !got[0].Due.Equal(p.PollDue)) {
			t.Errorf("due entry %+v, want c-dp/k1 at %v", got[0], p.PollDue)
		}
	}
	due(1)
	if ok, err := s.MarkPaymentEnqueued(ctx, "c-dp", "k1", t0.Add(time.Hour)); !ok || err != nil {
		t.Fatalf("mark: %v %v", ok, err)
	}
	if ok, _ := s.MarkPaymentEnqueued(ctx, "c-dp", "k1", t0.Add(time.Hour)); ok {
		t.Error("a second mark while the first holds")
	}
	if p, _ = s.GetPayment(ctx, "c-dp", "k1"); p.EnqueuedUntil.IsZero() {
		t.Fatal("mark not stored")
	}
	bankAt := t0.Add(-time.Second)
	ev, err := s.RecordPaymentStatus(ctx, p, PaymentUpdate{State: PaymentDone, BankPaymentID: "pay-1", Status: "Pending", StatusAt: bankAt, Order: []byte(`{"Data":{}}`), Checked: true})
	if err != nil || ev != "payment.created" {
		t.Fatalf("first answer: %q %v", ev, err)
	}
	if ok, _ := s.MarkPaymentEnqueued(ctx, "c-dp", "k1", t0.Add(time.Hour)); !ok {
		t.Error("the poll's record did not clear the queue mark: the next poll would wait for it to lapse")
	}
	if p, _ = s.GetPayment(ctx, "c-dp", "k1"); p == nil {
		t.Fatal("record gone")
	}
	stale := *p
	clk.Advance(time.Minute)
	ev, err = s.RecordPaymentStatus(ctx, p, PaymentUpdate{Status: "Pending", Checked: true, Polled: true})
	if err != nil || ev != "" {
		t.Fatalf("a poll that learnt nothing: %q %v, want no event", ev, err)
	}
	if want := clk.Now().Add(5 * time.Minute); p.PollDue != want || p.Polls != 1 {
		t.Errorf("after one poll: due %v polls %d, want %v 1", p.PollDue, p.Polls, want)
	}
	ev, err = s.RecordPaymentStatus(ctx, p, PaymentUpdate{Status: "AcceptedSettlementInProcess", StatusAt: bankAt.Add(time.Minute), Polled: true})
	if err != nil || ev != "payment.status-changed" {
		t.Fatalf("in process: %q %v", ev, err)
	}
	if _, err := s.RecordPaymentStatus(ctx, &stale, PaymentUpdate{Status: "Rejected"}); !errors.Is(err, ErrConflict) {
		t.Errorf("stale write = %v, want a conflict", err)
	}
	ev, err = s.RecordPaymentStatus(ctx, p, PaymentUpdate{Status: "AcceptedSettlementCompleted", StatusAt: bankAt.Add(2 * time.Minute), Polled: true})
	if err != nil || ev != "payment.settled" {
		t.Fatalf("settled: %q %v", ev, err)
	}
	if p.PollShard != "" || !p.PollDue.IsZero() {
		t.Errorf("a final status is still polled: %q %v", p.PollShard, p.PollDue)
	}
	due(0)
	got, err := s.GetPayment(ctx, "c-dp", "k1")
	if err != nil {
		t.Fatal(err)
	}
	var hist []string
	for _, h := range got.History {
		hist = append(hist, fmt.Sprintf("%s %s %s %s", h.Status, h.State, h.At.Sub(bankAt), h.Event))
	}
	want := []string{"Pending done 0s payment.created", "AcceptedSettlementInProcess done 1m0s payment.status-changed",
		"AcceptedSettlementCompleted done 2m0s payment.settled"}
	if diff := cmp.Diff(want, hist); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	if got.Order != `{"Data":{}}` || got.BankPaymentID != "pay-1" || got.CheckedAt.IsZero() {
		t.Errorf("stored %+v", got)
	}
}

// TestPaymentHistoryBounded: the history keeps the last MaxPaymentHistory changes.
func TestPaymentHistoryBounded(t *testing.T) {
	t.Parallel()
	s, _, _ := newStore(t)
	ctx := context.Background()
	paymentConsent(t, s, "c", "DP")
	p := &Payment{ConsentID: "c", IdempotencyKey: "k", RequestHash: "h", Journey: "DP", State: PaymentDone}
	if err := s.CreatePayment(ctx, p); err != nil {
		t.Fatal(err)
	}
	for i := range MaxPaymentHistory + 5 {
		if _, err := s.RecordPaymentStatus(ctx, p, PaymentUpdate{Status: fmt.Sprintf("S%02d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(p.History); n != MaxPaymentHistory || p.History[0].Status != "S05" || p.History[n-1].Status != fmt.Sprintf("S%02d", MaxPaymentHistory+4) {
		t.Errorf("history %d entries from %s, want %d from S05", n, p.History[0].Status, MaxPaymentHistory)
	}
}

// TestPaymentPollLimit: past PaymentPollLimit polls the payment leaves the index.
func TestPaymentPollLimit(t *testing.T) {
	t.Parallel()
	s, _, _ := newStore(t)
	s.PaymentPollBackoff, s.PaymentPollLimit = []time.Duration{time.Second}, 2
	ctx := context.Background()
	paymentConsent(t, s, "c", "DSO")
	p := &Payment{ConsentID: "c", IdempotencyKey: "k", RequestHash: "h", Journey: "DSO", State: PaymentDone}
	if err := s.CreatePayment(ctx, p); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if _, err := s.RecordPaymentStatus(ctx, p, PaymentUpdate{Status: "InitiationPending", Polled: true}); err != nil {
			t.Fatal(err)
		}
		if scheduled := p.PollShard != ""; scheduled != (i == 0) {
			t.Errorf("after poll %d scheduled = %v", i+1, scheduled)
		}
	}
}

// TestFindPayment: a payment is found by the bank's payment id or by the app's
// Idempotency-Key; the consent's claim record is never a payment.
func TestFindPayment(t *testing.T) {
	t.Parallel()
	s, _, _ := newStore(t)
	ctx := context.Background()
	paymentConsent(t, s, "c", "DP")
	paymentConsent(t, s, "other", "DP")
	for _, p := range []*Payment{
		{ConsentID: "c", IdempotencyKey: "#consent", RequestHash: "x"},
		{ConsentID: "c", IdempotencyKey: "order-1", RequestHash: "h"},
		{ConsentID: "other", IdempotencyKey: "order-2", RequestHash: "h"},
	} {
		if err := s.CreatePayment(ctx, p); err != nil {
			t.Fatal(err)
		}
		if p.IdempotencyKey != "#consent" {
			if _, err := s.RecordPaymentStatus(ctx, p, PaymentUpdate{State: PaymentDone, BankPaymentID: "bank-" + p.IdempotencyKey, Status: "Pending"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tc := range []struct{ id, want string }{
		{"bank-order-1", "order-1"}, {"order-1", "order-1"}, {"bank-order-2", ""}, {"#consent", ""}, {"nope", ""},
	} {
		got, err := s.FindPayment(ctx, "c", tc.id)
		switch {
		case tc.want == "" && !errors.Is(err, ErrNotFound):
			t.Errorf("FindPayment(%q) = %v, %v; want ErrNotFound", tc.id, got, err)
		case tc.want != "" && (err != nil || got.IdempotencyKey != tc.want):
			t.Errorf("FindPayment(%q) = %v, %v; want %s", tc.id, got, err, tc.want)
		}
	}
}
