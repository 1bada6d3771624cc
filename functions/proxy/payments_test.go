package main

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/payment"
)

func pay(c *consent.Consent, key, body string) request {
	r := request{method: http.MethodPost, route: "/consents/{id}/payments", who: c.Owner,
		params: map[string]string{"id": c.ID}, body: body, headers: map[string]string{}}
	if key != "" {
		r.headers["idempotency-key"] = key
	}
	return r
}

func paymentsOf(b *sandbox.Bank, consentID string) []sandbox.PaymentRecord {
	var out []sandbox.PaymentRecord
	for _, p := range b.Payments() {
		if p.ConsentID == consentID {
			out = append(out, p)
		}
	}
	return out
}

// Each journey executes once, from the stored consent; the same key again
// answers the same payment without a bank call; GET reads it back.
func TestPaymentJourneys(t *testing.T) {
	t.Parallel()
	for _, journey := range []string{"DP", "DSP", "DSO"} {
		t.Run(journey, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c := f.paymentConsent(owner, journey)
			tk := f.tokens(c.ID)
			f.env.Bank.ResetRequests()
			first := f.call(pay(c, "order-1", ""))
			m := wantOK(t, first, http.StatusCreated)
			if m["paymentId"] == "" || m["consentId"] != c.ID || m["journey"] != journey || m["status"] == "" {
				t.Fatalf("payment response %s", first.Body)
			}
			got := paymentsOf(f.env.Bank, c.ID)
			if len(got) != 1 || got[0].PaymentID != m["paymentId"] || got[0].Kind != journey {
				t.Fatalf("bank payments %+v", got)
			}
			reqs := f.env.Bank.Requests()
			order := reqs[len(reqs)-1]
			if order.Path != bankapi.PISPPath+payment.OrderPath(journey) || order.IdempotencyKey == "" ||
				order.Headers.Get(bankapi.HeaderJWSSignature) == "" || !order.BearerAuth {
				t.Errorf("order request %s key %q jws %t", order.Path, order.IdempotencyKey, order.Headers.Get(bankapi.HeaderJWSSignature) != "")
			}
			if got := f.consent(c.ID); got.Status != consent.StatusConsumed || !got.LastUsedAt.IsZero() || !got.TTL.After(got.UpdatedAt) {
				t.Errorf("consent status %q lastUsedAt %v TTL %v, want Consumed, no lastUsedAt (uses are on the tokens), a TTL", got.Status, got.LastUsedAt, got.TTL)
			}
			// The consumed consent's tokens are erased with the write that consumed it.
			if _, err := f.env.Deps.Store.GetTokens(context.Background(), c.ID); !errors.Is(err, consent.ErrNotFound) {
				t.Errorf("tokens of the consumed consent: %v, want ErrNotFound", err)
			}

			// Same key: same answer, no bank call.
			f.env.Bank.ResetRequests()
			again := f.call(pay(c, "order-1", "{}"))
			if again.StatusCode != first.StatusCode || again.Body != first.Body {
				t.Errorf("repeat answered %d %s, want %d %s", again.StatusCode, again.Body, first.StatusCode, first.Body)
			}
			if n := len(f.env.Bank.Requests()); n != 0 {
				t.Errorf("%d bank requests for a repeated key, want 0", n)
			}
			// Another key: the consent is spent.
			wantProblem(t, f.call(pay(c, "order-2", "")), http.StatusConflict, httpapi.TypePaymentNotAllowed, "")

			// Status read back (client-credentials token).
			id, _ := m["paymentId"].(string)
			st := f.call(request{method: http.MethodGet, route: "/consents/{id}/payments/{paymentId}", who: owner,
				params: map[string]string{"id": c.ID, "paymentId": id}})
			body := wantOK(t, st, http.StatusOK)
			data, _ := body["Data"].(map[string]any)
			if data["ConsentId"] != c.ID || data["Status"] == "" {
				t.Errorf("payment status body %s", st.Body)
			}
			if strings.Contains(st.Body, f.env.Bank.APIURL()) {
				t.Error("payment body still links to the bank")
			}
			f.env.AssertNoSecrets(t, tk.AccessToken, tk.RefreshToken, f.env.Bank.ClientSecret())
		})
	}
}

// A dropped connection after the bank made the payment: the proxy resends
// under the same bank key inside the request (bounded), and if that is not
// enough the app's retry with the same Idempotency-Key completes it. The
// bank holds exactly one payment either way.
func TestPaymentDroppedConnection(t *testing.T) {
	t.Parallel()
	t.Run("retried inside the request", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t)
		c := f.paymentConsent(owner, "DP")
		f.env.Bank.Fail(bankapi.PISPPath+"/domestic-payments", sandbox.Fault{DropAfterProcessing: true, Count: 1})
		wantOK(t, f.call(pay(c, "k-1", "")), http.StatusCreated)
		if got := paymentsOf(f.env.Bank, c.ID); len(got) != 1 {
			t.Errorf("%d payments at the bank, want 1", len(got))
		}
	})
	t.Run("retried by the app", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t)
		c := f.paymentConsent(owner, "DP")
		f.env.Bank.ResetRequests()
		// net/http itself resends a request carrying X-Idempotency-Key once on a
		// reused connection that died, so the fault outlasts every attempt.
		f.env.Bank.Fail(bankapi.PISPPath+"/domestic-payments", sandbox.Fault{DropAfterProcessing: true, Count: 100})
		first := f.call(pay(c, "k-1", ""))
		wantProblem(t, first, http.StatusBadGateway, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
		if got := first.Headers["Retry-After"]; got != strconv.Itoa(int(payment.SendLease/time.Second)) {
			t.Errorf("Retry-After %q, want the send lease (%v): an earlier retry finds the payment in progress", got, payment.SendLease)
		}
		f.env.Bank.ClearFaults()
		rec, err := f.env.Deps.Store.GetPayment(t.Context(), c.ID, "k-1")
		if err != nil || rec.State != consent.PaymentSent || rec.BankPaymentID != "" {
			t.Fatalf("payment record %+v, %v: want sent without a bank id", rec, err)
		}
		var keys []string
		for _, r := range f.env.Bank.Requests() {
			if r.Path == bankapi.PISPPath+"/domestic-payments" {
				keys = append(keys, r.IdempotencyKey)
			}
		}
		if len(keys) < payAttempts || slices.ContainsFunc(keys, func(k string) bool { return k != rec.BankIdempotencyKey }) {
			t.Errorf("bank keys %v, want at least %d × %s", keys, payAttempts, rec.BankIdempotencyKey)
		}
		f.env.Bank.Advance(payment.SendLease)
		m := wantOK(t, f.call(pay(c, "k-1", "")), http.StatusCreated)
		got := paymentsOf(f.env.Bank, c.ID)
		if len(got) != 1 || got[0].PaymentID != m["paymentId"] {
			t.Errorf("bank payments %+v, answer %v: want exactly one, the one answered", got, m["paymentId"])
		}
	})
}

// Bad payment requests are refused before the bank.
func TestPaymentBadInput(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.paymentConsent(owner, "DP")
	ais := f.aisConsent(owner, false)
	f.env.Bank.ResetRequests()
	wantProblem(t, f.call(pay(c, "", "")), http.StatusBadRequest, httpapi.TypeIdempotencyKeyRequired, "")
	wantProblem(t, f.call(pay(c, "bad key!", "")), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
	wantProblem(t, f.call(pay(c, strings.Repeat("k", 65), "")), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
	wantProblem(t, f.call(pay(c, "k", `{"amount":"999.00"}`)), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
	wantProblem(t, f.call(pay(c, "k", `{`)), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
	wantProblem(t, f.call(pay(c, "k", `{}`+strings.Repeat(" ", maxPaymentBody))), http.StatusRequestEntityTooLarge, httpapi.TypeInvalidRequest, "")
	wantProblem(t, f.call(pay(ais, "k", "")), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
	other := pay(c, "k", "")
	other.who = "someone-else"
	wantProblem(t, f.call(other), http.StatusNotFound, httpapi.TypeNotFound, "")
	getBad := request{method: http.MethodGet, route: "/consents/{id}/payments/{paymentId}", who: owner,
		params: map[string]string{"id": c.ID, "paymentId": "../x"}}
	wantProblem(t, f.call(getBad), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests, want 0", n)
	}
	if _, err := f.env.Deps.Store.GetPayment(t.Context(), c.ID, "k"); err == nil {
		t.Error("a refused request left a payment record")
	}
}

// A payment of another consent is not readable through this one.
func TestGetPaymentOfAnotherConsent(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	a := f.paymentConsent(owner, "DP")
	b := f.paymentConsent(owner, "DP")
	m := wantOK(t, f.call(pay(a, "k", "")), http.StatusCreated)
	id, _ := m["paymentId"].(string)
	r := request{method: http.MethodGet, route: "/consents/{id}/payments/{paymentId}", who: owner,
		params: map[string]string{"id": b.ID, "paymentId": id}}
	wantProblem(t, f.call(r), http.StatusNotFound, httpapi.TypeNotFound, "")
	r.params["paymentId"] = "no-such-payment"
	wantProblem(t, f.call(r), http.StatusNotFound, httpapi.TypeNotFound, "")
}

// Two keys for one consent while the first payment is still in doubt: the
// second is refused by the connector, not sent.
func TestPaymentSecondKeyWhilePending(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.paymentConsent(owner, "DP")
	f.env.Bank.Fail(bankapi.PISPPath+"/domestic-payments", sandbox.Fault{Drop: true, Count: 100})
	wantProblem(t, f.call(pay(c, "first", "")), http.StatusBadGateway, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
	f.env.Bank.ClearFaults()
	f.env.Bank.ResetRequests()
	wantProblem(t, f.call(pay(c, "second", "")), http.StatusConflict, httpapi.TypeConflict, "")
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests for the second key, want 0", n)
	}
	f.env.Bank.Advance(payment.SendLease)
	wantOK(t, f.call(pay(c, "first", "")), http.StatusCreated)
	if got := paymentsOf(f.env.Bank, c.ID); len(got) != 1 {
		t.Errorf("%d payments, want 1", len(got))
	}
}
