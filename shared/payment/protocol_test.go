package payment_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/payment"
)

// Start pays a consent once, without an HTTP request: the record is written
// first, the order goes with its bank key, the consent becomes Consumed.
// The same key again answers from the record without a bank call; another
// key finds the consent claimed; Status reads the order back.
func TestStartPaysOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.dpConsent()
	ctx := t.Context()
	f.env.Bank.ResetRequests()
	res, err := f.p.Start(ctx, c, "k-1")
	if err != nil || res.Outcome != payment.Done || res.Payment.BankPaymentID == "" {
		t.Fatalf("Start: %+v, %v; want Done with the bank's payment id", res, err)
	}
	rec := f.record(c.ID, "k-1")
	if rec.State != consent.PaymentDone || rec.BankPaymentID != res.Payment.BankPaymentID {
		t.Errorf("record %+v, want done with %s", rec, res.Payment.BankPaymentID)
	}
	if got := f.orderRequests(); len(got) != 1 || got[0].IdempotencyKey != rec.BankIdempotencyKey {
		t.Errorf("orders %+v, want one with the record's bank key %s", got, rec.BankIdempotencyKey)
	}
	if got := f.consent(c.ID); got.Status != consent.StatusConsumed || got.BankStatus != bankapi.StatusConsumed {
		t.Errorf("consent %s/%s, want Consumed", got.Status, got.BankStatus)
	}

	f.env.Bank.ResetRequests()
	again, err := f.p.Resume(ctx, c, "k-1")
	if err != nil || again.Outcome != payment.Done || again.Payment.BankPaymentID != rec.BankPaymentID {
		t.Errorf("Resume: %+v, %v; want the same payment", again, err)
	}
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests for a done payment, want 0", n)
	}
	if _, err := f.p.Resume(ctx, c, "k-2"); !errors.Is(err, payment.ErrNotStarted) {
		t.Errorf("Resume of a new key: %v, want ErrNotStarted", err)
	}
	if other, err := f.p.Start(ctx, c, "k-2"); err != nil || other.Outcome != payment.ConsentUsed {
		t.Errorf("Start with another key: %+v, %v; want ConsentUsed", other, err)
	}

	o, err := f.p.Status(ctx, c, rec.BankPaymentID)
	if err != nil || o.Order.ID() != rec.BankPaymentID || o.Order.Data.ConsentID != c.ID || o.Path != orders+"/"+rec.BankPaymentID {
		t.Errorf("Status: %+v, %v", o, err)
	}
	if _, err := f.p.Status(ctx, c, "no-such-payment"); !errors.Is(err, payment.ErrNoSuchPayment) {
		t.Errorf("Status of an unknown id: %v, want ErrNoSuchPayment", err)
	}
	if f.payments(c.ID) != 1 {
		t.Errorf("%d payments at the bank, want 1", f.payments(c.ID))
	}
}

// A lost answer is resent in the same call under the same bank key and
// signature: the bank answers the payment it already made.
func TestResendSameKey(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.dpConsent()
	f.env.Bank.ResetRequests()
	f.env.Bank.Fail(orders, sandbox.Fault{DropAfterProcessing: true})
	res, err := f.p.Start(t.Context(), c, "k-1")
	if err != nil || res.Outcome != payment.Done {
		t.Fatalf("Start: %+v, %v; want Done after a resend", res, err)
	}
	got := f.orderRequests()
	if len(got) != 2 || got[0].IdempotencyKey != got[1].IdempotencyKey ||
		got[0].Headers.Get("x-jws-signature") != got[1].Headers.Get("x-jws-signature") {
		t.Errorf("orders %+v, want two with the same bank key and signature", got)
	}
	if f.payments(c.ID) != 1 {
		t.Errorf("%d payments at the bank, want 1", f.payments(c.ID))
	}
}

// A payment in doubt (every answer lost, the record left "sent") whose
// resend the bank refuses is settled from the consent's status at the bank:
// Consumed means made (Unconfirmed, never failed); the record becomes
// unconfirmed, and the same key again is answered from it without a bank call.
func TestSettleInDoubt(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.dpConsent()
	ctx := t.Context()
	f.env.Bank.Fail(orders, sandbox.Fault{DropAfterProcessing: true, Count: 100})
	res, err := f.p.Start(ctx, c, "k-1")
	if left := res.LeaseLeft(f.env.Deps.Now()); err != nil || res.Outcome != payment.BankFailed || left <= 0 || left > payment.SendLease {
		t.Fatalf("Start: %+v, %v; want BankFailed holding the whole send lease", res, err)
	}
	f.env.Bank.ClearFaults()
	if busy, _ := f.p.Resume(ctx, c, "k-1"); busy.Outcome != payment.InProgress {
		t.Errorf("Resume inside the send lease: %+v, want InProgress", busy)
	}
	f.env.Bank.Advance(payment.SendLease)
	f.env.Bank.Fail(orders, sandbox.Fault{Status: http.StatusBadRequest, Count: 100})
	res, err = f.p.Resume(ctx, c, "k-1")
	if err != nil || res.Outcome != payment.Unconfirmed {
		t.Fatalf("Resume: %+v, %v; want Unconfirmed", res, err)
	}
	if rec := f.record(c.ID, "k-1"); rec.State != consent.PaymentUnconfirmed || len(rec.History) != 1 || rec.History[0].Event != "payment.unconfirmed" {
		t.Errorf("record %s %+v, want unconfirmed with its event", rec.State, rec.History)
	}
	f.env.Bank.ResetRequests()
	if again, err := f.p.Resume(ctx, c, "k-1"); err != nil || again.Outcome != payment.Unconfirmed || len(f.env.Bank.Requests()) != 0 {
		t.Errorf("Resume again: %+v, %v, %d bank requests; want Unconfirmed from the record", again, err, len(f.env.Bank.Requests()))
	}
	if got := f.consent(c.ID); got.Status != consent.StatusConsumed {
		t.Errorf("consent %s, want Consumed", got.Status)
	}
	if f.payments(c.ID) != 1 {
		t.Errorf("%d payments at the bank, want 1", f.payments(c.ID))
	}
	// The app learns it from one Payment Unconfirmed event, however often it asks again.
	f.env.Bank.Advance(payment.SendLease)
	if again, err := f.p.Resume(ctx, c, "k-1"); err != nil || again.Outcome != payment.Unconfirmed {
		t.Fatalf("Resume again: %+v, %v", again, err)
	}
	types, details := f.events(c.ID)
	if n := countOf(types, consent.EventPaymentUnconfirmed); n != 1 {
		t.Errorf("%d Payment Unconfirmed events (%v), want 1", n, types)
	}
	for i, dt := range types {
		if dt == consent.EventPaymentUnconfirmed && (details[i].IdempotencyKey != "k-1" || details[i].PaymentState != consent.PaymentUnconfirmed || details[i].BankPaymentID != "" || !details[i].Final) {
			t.Errorf("Payment Unconfirmed %+v", details[i])
		}
	}
}

func countOf(list []string, v string) int {
	n := 0
	for _, x := range list {
		if x == v {
			n++
		}
	}
	return n
}
