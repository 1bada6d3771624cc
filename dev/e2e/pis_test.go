package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/coop-ob/connector/client"
	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// pay sends POST /consents/{id}/payments with the Idempotency-Key and returns the payment.
func (c caller) pay(t *testing.T, id, key string) client.Payment {
	t.Helper()
	res, err := c.api(t).CreatePaymentWithResponse(t.Context(), id, &client.CreatePaymentParams{IdempotencyKey: key}, client.EmptyObject{})
	if err != nil {
		t.Fatalf("POST payments: %v", err)
	}
	if res.JSON201 == nil {
		t.Fatalf("POST payments = %d %s, want 201", res.StatusCode(), res.Body)
	}
	return *res.JSON201
}

// TestPIS makes a domestic payment, a scheduled payment and a standing order end to end,
// each sent twice with the same Idempotency-Key: the bank gets one payment order.
func TestPIS(t *testing.T) {
	c := newCaller(t)
	for _, tc := range []struct {
		journey, amount, kind string
	}{
		{"DP", "12.34", "DP"},
		{"DSP", "56.78", "DSP"},
		{"DSO", "9.99", "DSO"},
	} {
		t.Run(tc.journey, func(t *testing.T) {
			cr := c.createConsent(t, paymentBody(tc.journey, tc.amount))
			id := cr.ConsentId
			q := journey(t, cr.AuthorizationUrl, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001"}})
			expectOutcome(t, q, id, "authorised")

			if tc.journey == "DP" {
				res, err := c.api(t).CheckPaymentFundsWithResponse(t.Context(), id, &client.CheckPaymentFundsParams{})
				if err != nil || res.JSON200 == nil {
					t.Fatalf("GET funds-confirmation = %v %s", err, res.Body)
				}
				if !res.JSON200.FundsAvailable {
					t.Errorf("funds for %s on alice's current account: not available: %s", tc.amount, res.Body)
				}
			}

			key := uuid.NewString()
			first := c.pay(t, id, key)
			again := c.pay(t, id, key)
			if again.PaymentId != first.PaymentId {
				t.Errorf("the retry with the same Idempotency-Key made payment %s, the first %s", again.PaymentId, first.PaymentId)
			}
			var orders []sandbox.PaymentRecord
			for _, p := range st.Bank().Payments() {
				if p.ConsentID == id {
					orders = append(orders, p)
				}
			}
			if len(orders) != 1 {
				t.Fatalf("the bank holds %d payment orders for consent %s, want exactly 1: %+v", len(orders), id, orders)
			}
			o := orders[0]
			if o.PaymentID != first.PaymentId || o.Kind != tc.kind || o.Amount != tc.amount || o.DebtorAccountID != "1001" {
				t.Errorf("the bank's payment = %+v, want %s %s %s from 1001", o, first.PaymentId, tc.kind, tc.amount)
			}
			mustContain(t, c.get(t, "/consents/"+id+"/payments/"+first.PaymentId), "GET payment", first.PaymentId)
		})
	}
}

// faultedPayment authorises a DP consent of amount, has the bank's payment-order endpoint
// meet fault once, pays through it, then pays again with the same Idempotency-Key (the app's
// retry). It returns the orders the proxy sent by x-idempotency-key, how many payment orders
// the bank holds for the consent, and the app's two answers.
func faultedPayment(t *testing.T, amount string, fault sandbox.Fault) (sent map[string]int, orders int, first, again client.Payment) {
	t.Helper()
	c := newCaller(t)
	cr := c.createConsent(t, paymentBody("DP", amount))
	id := cr.ConsentId
	expectOutcome(t, journey(t, cr.AuthorizationUrl, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001"}}), id, "authorised")
	fault.Count = 1
	st.Bank().Fail("/apis/retail/open-banking/v3.1/pisp/domestic-payments", fault)
	t.Cleanup(st.Bank().ClearFaults)
	key := uuid.NewString()
	n0 := len(st.Bank().Requests())
	first = c.pay(t, id, key)
	sent = map[string]int{}
	for _, r := range st.Bank().Requests()[n0:] {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/domestic-payments") {
			sent[r.IdempotencyKey]++
		}
	}
	again = c.pay(t, id, key)
	for _, p := range st.Bank().Payments() {
		if p.ConsentID == id {
			orders++
		}
	}
	return sent, orders, first, again
}

// TestPaymentLostAnswer makes the bank take a payment order and drop the connection before
// answering: the proxy's retry (same x-idempotency-key) gets the same payment, and the app's
// own retry too, so the bank holds one payment order.
func TestPaymentLostAnswer(t *testing.T) {
	sent, orders, first, again := faultedPayment(t, "3.21", sandbox.Fault{DropAfterProcessing: true})
	if len(sent) != 1 {
		t.Errorf("the proxy sent the payment order with %d different x-idempotency-keys, want 1 (%v)", len(sent), sent)
	}
	for _, count := range sent {
		if count < 2 {
			t.Errorf("the payment order was sent %d times: the dropped answer was not retried", count)
		}
	}
	if orders != 1 || again.PaymentId != first.PaymentId {
		t.Errorf("after a lost answer: %d payment orders at the bank, payments %s and %s; want one", orders, first.PaymentId, again.PaymentId)
	}
}

// TestCBPII is a funds-confirmation consent, its journey and two confirmations.
func TestCBPII(t *testing.T) {
	c := newCaller(t)
	cr := c.createConsent(t, fundsBody())
	id := cr.ConsentId
	q := journey(t, cr.AuthorizationUrl, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001"}})
	expectOutcome(t, q, id, "authorised")
	defer func() {
		// A confirmation changes nothing on the consent: the journey's two events only.
		if evs := expectEvents(t, id, "Consent Created", "Consent Authorised"); len(evs) > 0 && evs[0].Detail.ConsentType != "fundsconfirmations" {
			t.Errorf("consentType %q", evs[0].Detail.ConsentType)
		}
	}()
	for _, tc := range []struct {
		amount string
		want   bool
	}{{"10.00", true}, {"99999.00", false}} {
		t.Run(tc.amount, func(t *testing.T) {
			res, err := c.api(t).ConfirmFundsWithResponse(t.Context(), id, &client.ConfirmFundsParams{},
				client.FundsConfirmationRequest{Amount: tc.amount, Reference: "Purchase01"})
			if err != nil {
				t.Fatalf("POST funds-confirmations: %v", err)
			}
			if res.JSON201 == nil {
				t.Fatalf("POST funds-confirmations = %d %s", res.StatusCode(), res.Body)
			}
			if got := res.JSON201.FundsAvailable; got != tc.want {
				t.Errorf("funds available for %s = %v, want %v: %s", tc.amount, got, tc.want, res.Body)
			}
		})
	}
}
