package payment_test

import (
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/payment"
)

// TestBadSignatureLeavesInDoubt (PIS_SIGNATURE=verify): the bank makes the
// payment but every answer of this call carries a signature that does not
// verify. The answer is unusable: the order is resent under the same bank
// key and bytes, never as a new payment, and the call ends Unreadable with
// the record "sent" (in doubt, not failed). Resumed with the same key once
// the bank's answers verify again, it is settled Done with the bank's one
// payment.
func TestBadSignatureLeavesInDoubt(t *testing.T) {
	t.Parallel()
	f := newFixture(t, map[string]string{"PIS_SIGNATURE": "verify"})
	c := f.dpConsent()
	ctx := t.Context()
	f.env.Bank.ResetRequests()
	f.env.Bank.Fail(orders, sandbox.Fault{Count: 3, CorruptSignature: true})
	res, err := f.p.Start(ctx, c, "k-1")
	if err != nil || res.Outcome != payment.Unreadable {
		t.Fatalf("Start: %+v, %v; want Unreadable", res, err)
	}
	rec := f.record(c.ID, "k-1")
	if rec.State != consent.PaymentSent || rec.BankPaymentID != "" {
		t.Errorf("record %+v, want sent (in doubt) without a payment id", rec)
	}
	if n := f.payments(c.ID); n != 1 {
		t.Fatalf("%d payments at the bank, want 1", n)
	}
	f.env.Bank.Advance(payment.SendLease) // the first call's send lease lapses (one clock for bank and connector)
	res, err = f.p.Resume(ctx, c, "k-1")
	if err != nil || res.Outcome != payment.Done || res.Payment.BankPaymentID == "" {
		t.Fatalf("Resume: %+v, %v; want Done", res, err)
	}
	if n := f.payments(c.ID); n != 1 || f.env.Bank.Payments()[0].PaymentID != res.Payment.BankPaymentID {
		t.Errorf("%d payments at the bank, want the one the record names", n)
	}
	orders := f.orderRequests()
	for _, o := range orders {
		if o.IdempotencyKey != rec.BankIdempotencyKey {
			t.Errorf("an order went with bank key %q, want %q every time", o.IdempotencyKey, rec.BankIdempotencyKey)
		}
	}
	if len(orders) != 4 {
		t.Errorf("%d orders sent, want 3 in the first call and 1 on resume", len(orders))
	}
}
