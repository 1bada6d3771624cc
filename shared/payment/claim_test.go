package payment_test

import (
	"testing"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/payment"
)

// Two requests that both read the record pending race for the write that
// marks it sent: the loser (its version is stale) does not send, and
// answers from the record once the winner has finished.
func TestClaimLost(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.dpConsent()
	ctx := t.Context()
	store := f.env.Deps.Store
	if err := store.CreatePayment(ctx, &consent.Payment{ConsentID: c.ID, IdempotencyKey: payment.ClaimKey, RequestHash: payment.ClaimHash("k")}); err != nil {
		t.Fatal(err)
	}
	rec := &consent.Payment{ConsentID: c.ID, IdempotencyKey: "k", RequestHash: payment.RequestHash()}
	if err := store.CreatePayment(ctx, rec); err != nil {
		t.Fatal(err)
	}
	loser := *rec
	winner := *rec
	winner.State = consent.PaymentSent
	if err := store.UpdatePayment(ctx, &winner); err != nil {
		t.Fatal(err)
	}
	f.env.Bank.ResetRequests()
	if res := payment.ClaimSend(ctx, f.p, c, &loser); res.Outcome != payment.InProgress {
		t.Fatalf("the loser of the pending → sent write: %+v, want InProgress (nothing sent)", res)
	}

	if _, err := store.RecordPaymentStatus(ctx, &winner, consent.PaymentUpdate{State: consent.PaymentDone, BankPaymentID: "p-1", Status: "AcceptedSettlementCompleted"}); err != nil {
		t.Fatal(err)
	}
	loser = *rec
	if res := payment.ClaimSend(ctx, f.p, c, &loser); res.Outcome != payment.Done || res.Payment.BankPaymentID != "p-1" {
		t.Errorf("after the winner finished: %+v; want the winner's payment", res)
	}
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests, want 0", n)
	}
}
