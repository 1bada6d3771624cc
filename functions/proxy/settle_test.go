package main

import (
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/payment"
)

// A payment in doubt (its record "sent": an earlier request made it at the
// bank and lost every answer) whose resend the bank then refuses is never
// marked failed nor answered as refused while the bank reports the consent
// Consumed (the record becomes unconfirmed, and answers the same key again
// without a bank call); when the consent is not Consumed the refusal stands.
func TestPaymentInDoubtResendRefused(t *testing.T) {
	t.Parallel()
	orders := bankapi.PISPPath + "/domestic-payments"
	// lost runs a first request whose answers are all lost, fault being
	// DropAfterProcessing (the bank makes the payment) or Drop (it does not).
	lost := func(t *testing.T, f *fixture, c *consent.Consent, fault sandbox.Fault) {
		t.Helper()
		f.env.Bank.Fail(orders, fault)
		wantProblem(t, f.call(pay(c, "k-1", "")), http.StatusBadGateway, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
		f.env.Bank.ClearFaults()
		f.env.Bank.Advance(payment.SendLease) // the first request's send lease lapses
	}
	wantRecord := func(t *testing.T, f *fixture, c *consent.Consent, state string) {
		t.Helper()
		rec, err := f.env.Deps.Store.GetPayment(t.Context(), c.ID, "k-1")
		if err != nil || rec.State != state {
			t.Fatalf("payment record %+v, %v: want %s", rec, err, state)
		}
	}
	made := func(t *testing.T, f *fixture, c *consent.Consent) {
		t.Helper()
		wantProblem(t, f.call(pay(c, "k-1", "")), http.StatusBadGateway, httpapi.TypePaymentUnconfirmed, "")
		wantRecord(t, f, c, consent.PaymentUnconfirmed)
		if got := f.consent(c.ID); got.Status != consent.StatusConsumed || got.LastAction != "" {
			t.Errorf("consent status %q action %q, want Consumed and no action", got.Status, got.LastAction)
		}
		if n := len(paymentsOf(f.env.Bank, c.ID)); n != 1 {
			t.Errorf("%d payments at the bank, want 1", n)
		}
	}

	t.Run("4xx on the resend, payment made", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t)
		c := f.paymentConsent(owner, "DP")
		lost(t, f, c, sandbox.Fault{DropAfterProcessing: true, Count: 100})
		// A bank that no longer replays the key refuses the resend.
		f.env.Bank.Fail(orders, sandbox.Fault{Status: http.StatusBadRequest, Count: 100})
		made(t, f, c)
		f.env.Bank.Advance(payment.SendLease)
		f.env.Bank.ResetRequests()
		made(t, f, c) // the same key again: the same answer, never "refused"
		if n := len(f.env.Bank.Requests()); n != 0 {
			t.Errorf("the same key again made %d bank requests, want none: the record answers", n)
		}
	})
	t.Run("past the bank's idempotency window, payment made", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t)
		c := f.paymentConsent(owner, "DP")
		lost(t, f, c, sandbox.Fault{DropAfterProcessing: true, Count: 100})
		f.env.Bank.Advance(25 * time.Hour)
		made(t, f, c)
	})
	t.Run("4xx on the resend, nothing made", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t)
		c := f.paymentConsent(owner, "DP")
		lost(t, f, c, sandbox.Fault{Drop: true, Count: 100})
		f.env.Bank.Fail(orders, sandbox.Fault{Status: http.StatusBadRequest, Count: 100})
		wantProblem(t, f.call(pay(c, "k-1", "")), http.StatusBadRequest, httpapi.TypeBankError, "")
		wantRecord(t, f, c, consent.PaymentFailed)
		f.env.Bank.ClearFaults()
		wantProblem(t, f.call(pay(c, "k-1", "")), http.StatusConflict, httpapi.TypePaymentNotAllowed, "")
		if n := len(paymentsOf(f.env.Bank, c.ID)); n != 0 {
			t.Errorf("%d payments at the bank, want 0", n)
		}
	})
}
