package main

import (
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/payment"
)

// A 2xx whose body is no OB answer (an HTML page, an empty body) is never
// passed on and never counted as a use: the app gets 502 bank-error with
// the interaction id. Reads retry it as they retry a 5xx; the CBPII POST,
// which has no idempotency key, is sent once.
func TestUnusable2xxOnReads(t *testing.T) {
	t.Parallel()
	html := func(n int) sandbox.Fault { return sandbox.Fault{Status: http.StatusOK, HTML: true, Count: n} }
	empty := func(n int) sandbox.Fault { return sandbox.Fault{Status: http.StatusOK, Empty: true, Count: n} }
	tests := []struct {
		name      string
		kind      string // consent: accounts, payments, funds
		req       func(c *consent.Consent, paymentID string) request
		bankPath  func(c *consent.Consent, paymentID string) string
		fault     sandbox.Fault
		wantOK    int // 0: 502 bank-error
		wantCalls int
	}{
		{"balances HTML always", "accounts", balancesReq, balancesBank, html(10), 0, 3},
		{"balances empty always", "accounts", balancesReq, balancesBank, empty(10), 0, 3},
		{"balances HTML once", "accounts", balancesReq, balancesBank, html(1), http.StatusOK, 2},
		{"accounts empty always", "accounts", func(c *consent.Consent, _ string) request { return aisGet(c, "", "", "") },
			func(*consent.Consent, string) string { return bankapi.AISPPath + "/accounts" }, empty(10), 0, 3},
		{"payment status HTML always", "payments", paymentGetReq, paymentGetBank, html(10), 0, 3},
		{"payment status without the payment", "payments", paymentGetReq, paymentGetBank,
			sandbox.Fault{Status: http.StatusOK, JSON: `{"Data":{}}`, Count: 10}, 0, 1},
		{"payment status without its consent", "payments", paymentGetReq, paymentGetBank,
			sandbox.Fault{Status: http.StatusOK, JSON: `{"Data":{"DomesticPaymentId":"p-1","Status":"Pending"}}`, Count: 10}, 0, 1},
		{"balances JSON without Data", "accounts", balancesReq, balancesBank,
			sandbox.Fault{Status: http.StatusOK, JSON: `{"status":"ok"}`, Count: 10}, 0, 3},
		{"payment status empty once", "payments", paymentGetReq, paymentGetBank, empty(1), http.StatusOK, 2},
		{"PIS funds HTML always", "payments", pisFundsGet, pisFundsBank, html(10), 0, 3},
		{"CBPII HTML: not resent", "funds", cbpiiPost, cbpiiBank, sandbox.Fault{Status: http.StatusCreated, HTML: true, Count: 10}, 0, 1},
		{"CBPII empty: not resent", "funds", cbpiiPost, cbpiiBank, sandbox.Fault{Status: http.StatusCreated, Empty: true, Count: 10}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			var c *consent.Consent
			paymentID := ""
			switch tt.kind {
			case "accounts":
				c = f.aisConsent(owner, false)
			case "funds":
				c = f.fundsConsent(owner)
			case "payments":
				c = f.paymentConsent(owner, "DP")
				if tt.bankPath(c, "x") != tt.bankPath(c, "") { // the payment status route needs a payment
					paymentID, _ = wantOK(t, f.call(pay(c, "k-1", "")), http.StatusCreated)["paymentId"].(string)
				}
			}
			// Past touchEvery, so that a call counted as a use would write usedAt.
			f.env.Bank.Advance(16 * time.Minute)
			tokBefore, _ := f.env.Deps.Store.GetTokens(t.Context(), c.ID)
			before := f.consent(c.ID)
			f.env.Bank.ResetRequests()
			f.env.Bank.Fail(tt.bankPath(c, paymentID), tt.fault)
			resp := f.call(tt.req(c, paymentID))
			if n := resourceCalls(f.env.Bank, tt.bankPath(c, paymentID)); n != tt.wantCalls {
				t.Errorf("%d bank calls, want %d", n, tt.wantCalls)
			}
			if tt.wantOK != 0 {
				wantOK(t, resp, tt.wantOK)
				return
			}
			p := wantProblem(t, resp, http.StatusBadGateway, httpapi.TypeBankError, "")
			if p.InteractionID == "" || p.InteractionID != resp.Headers[bankapi.HeaderInteractionID] {
				t.Errorf("interactionId %q, header %q: want the call's", p.InteractionID, resp.Headers[bankapi.HeaderInteractionID])
			}
			if got := f.consent(c.ID); got.Version != before.Version || got.LastAction != "" {
				t.Errorf("consent written: version %d → %d, action %q", before.Version, got.Version, got.LastAction)
			}
			if tokBefore != nil {
				if tk := f.tokens(c.ID); !tk.UsedAt.Equal(tokBefore.UsedAt) {
					t.Errorf("usedAt %v → %v: an unusable answer was counted as a use", tokBefore.UsedAt, tk.UsedAt)
				}
			}
		})
	}
}

// A payment order answered 2xx with no payment order in the body: the bank
// may have made the payment. The order is resent with the same bank key and
// bytes only (the bank refuses a key reused with other bytes), the payment
// stays in doubt (record "sent", never failed) and the app's retry with the
// same Idempotency-Key finishes it. The bank holds exactly one payment.
func TestUnusable2xxOnPaymentOrder(t *testing.T) {
	t.Parallel()
	orders := bankapi.PISPPath + "/domestic-payments"
	made := sandbox.Fault{AnswerAfterProcessing: true, Status: http.StatusCreated, HTML: true, Count: 1}
	t.Run("resent inside the request", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t)
		c := f.paymentConsent(owner, "DP")
		f.env.Bank.ResetRequests()
		f.env.Bank.Fail(orders, made)
		m := wantOK(t, f.call(pay(c, "k-1", "")), http.StatusCreated)
		got := paymentsOf(f.env.Bank, c.ID)
		if len(got) != 1 || got[0].PaymentID != m["paymentId"] {
			t.Errorf("bank payments %+v, answer %v: want exactly one, the one answered", got, m["paymentId"])
		}
		rec, err := f.env.Deps.Store.GetPayment(t.Context(), c.ID, "k-1")
		if err != nil {
			t.Fatal(err)
		}
		if keys := orderKeys(f.env.Bank, orders); len(keys) != 2 || slices.ContainsFunc(keys, func(k string) bool { return k != rec.BankIdempotencyKey }) {
			t.Errorf("bank keys %v, want 2 × %s", keys, rec.BankIdempotencyKey)
		}
	})
	t.Run("in doubt until the app retries", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t)
		c := f.paymentConsent(owner, "DP")
		f.env.Bank.ResetRequests()
		f.env.Bank.Fail(orders, made)
		f.env.Bank.Fail(orders, sandbox.Fault{Status: http.StatusCreated, Empty: true, Count: 100})
		first := f.call(pay(c, "k-1", ""))
		p := wantProblem(t, first, http.StatusBadGateway, httpapi.TypeBankError, "")
		if p.InteractionID == "" {
			t.Error("problem without interactionId")
		}
		if got := first.Headers["Retry-After"]; got != strconv.Itoa(int(payment.SendLease/time.Second)) {
			t.Errorf("Retry-After %q, want the send lease (%v): an earlier retry finds the payment in progress", got, payment.SendLease)
		}
		rec, err := f.env.Deps.Store.GetPayment(t.Context(), c.ID, "k-1")
		if err != nil || rec.State != consent.PaymentSent || rec.BankPaymentID != "" {
			t.Fatalf("payment record %+v, %v: want sent (in doubt) without a bank id", rec, err)
		}
		if keys := orderKeys(f.env.Bank, orders); len(keys) != payAttempts || slices.ContainsFunc(keys, func(k string) bool { return k != rec.BankIdempotencyKey }) {
			t.Errorf("bank keys %v, want %d × %s", keys, payAttempts, rec.BankIdempotencyKey)
		}
		if got := f.consent(c.ID); got.Status != consent.StatusAuthorised {
			t.Errorf("consent %s after an unusable answer, want Authorised", got.Status)
		}
		f.env.Bank.ClearFaults()
		f.env.Bank.Advance(payment.SendLease)
		m := wantOK(t, f.call(pay(c, "k-1", "")), http.StatusCreated)
		got := paymentsOf(f.env.Bank, c.ID)
		if len(got) != 1 || got[0].PaymentID != m["paymentId"] {
			t.Errorf("bank payments %+v, answer %v: want exactly one, the one answered", got, m["paymentId"])
		}
	})
}

func orderKeys(b *sandbox.Bank, path string) []string {
	var keys []string
	for _, r := range b.Requests() {
		if r.Path == path && r.Method == http.MethodPost {
			keys = append(keys, r.IdempotencyKey)
		}
	}
	return keys
}

func balancesReq(c *consent.Consent, _ string) request { return aisGet(c, "/balances", "1001", "") }
func balancesBank(*consent.Consent, string) string     { return balancesPath }

func paymentGetReq(c *consent.Consent, id string) request {
	return request{method: http.MethodGet, route: "/consents/{id}/payments/{paymentId}", who: c.Owner,
		params: map[string]string{"id": c.ID, "paymentId": id}, query: "refresh=true"}
}
func paymentGetBank(_ *consent.Consent, id string) string {
	return bankapi.PISPPath + "/domestic-payments/" + id
}

func pisFundsGet(c *consent.Consent, _ string) request { return pisFundsReq(c) }
func pisFundsBank(c *consent.Consent, _ string) string {
	return bankapi.PISPPath + "/domestic-payment-consents/" + c.ID + "/funds-confirmation"
}

func cbpiiPost(c *consent.Consent, _ string) request {
	return cbpiiReq(c, `{"amount":"10.00","reference":"ref-1"}`)
}
func cbpiiBank(*consent.Consent, string) string { return bankapi.CBPIIPath + "/funds-confirmations" }
