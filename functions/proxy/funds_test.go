package main

import (
	"net/http"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

func pisFundsReq(c *consent.Consent) request {
	return request{method: http.MethodGet, route: "/consents/{id}/funds-confirmation", who: c.Owner, params: map[string]string{"id": c.ID}}
}

func cbpiiReq(c *consent.Consent, body string) request {
	return request{method: http.MethodPost, route: "/consents/{id}/funds-confirmations", who: c.Owner,
		params: map[string]string{"id": c.ID}, body: body}
}

func TestPISFundsConfirmation(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.paymentConsent(owner, "DP")
	m := wantOK(t, f.call(pisFundsReq(c)), http.StatusOK)
	if m["fundsAvailable"] != true || m["checkedAt"] == "" {
		t.Errorf("funds confirmation %v", m)
	}
	dso := f.paymentConsent(owner, "DSO")
	f.env.Bank.ResetRequests()
	wantProblem(t, f.call(pisFundsReq(dso)), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests for a DSO consent, want 0", n)
	}
	// Once the consent is used the connector says so without calling the bank.
	wantOK(t, f.call(pay(c, "k", "")), http.StatusCreated)
	wantProblem(t, f.call(pisFundsReq(c)), http.StatusConflict, httpapi.TypePaymentNotAllowed, "")
}

func TestCBPIIFundsConfirmation(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.fundsConsent(owner)
	f.env.Bank.ResetRequests()
	m := wantOK(t, f.call(cbpiiReq(c, `{"amount":"12.34","reference":"Purchase 42"}`)), http.StatusCreated)
	if m["fundsAvailable"] != true || m["fundsConfirmationId"] == "" || m["createdAt"] == "" {
		t.Errorf("answer %v", m)
	}
	m = wantOK(t, f.call(cbpiiReq(c, `{"amount":"999999.00","reference":"Big"}`)), http.StatusCreated)
	if m["fundsAvailable"] != false {
		t.Errorf("a large amount: %v", m)
	}
	if n := resourceCalls(f.env.Bank, bankapi.CBPIIPath+"/funds-confirmations"); n != 2 {
		t.Errorf("%d bank calls, want 2", n)
	}

	// Barred account: accountUnavailable.
	if err := f.env.Bank.BarAccount("1001"); err != nil {
		t.Fatal(err)
	}
	wantProblem(t, f.call(cbpiiReq(c, `{"amount":"1.00","reference":"x"}`)), http.StatusConflict, httpapi.TypeAccountUnavailable, httpapi.ActionAccountUnavailable)
}

func TestCBPIIBadInput(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.fundsConsent(owner)
	bad := []string{
		``, `{}`, `{"amount":"0","reference":"r"}`, `{"amount":"0.00","reference":"r"}`, `{"amount":"-1","reference":"r"}`,
		`{"amount":"1.234","reference":"r"}`, `{"amount":1,"reference":"r"}`, `{"amount":"1.00"}`,
		`{"amount":"1.00","reference":"123456789012345678901234567890123456"}`, `{"amount":"1.00","reference":"r","currency":"EUR"}`,
		`{"amount":"1.00","reference":"r"} x`,
	}
	f.env.Bank.ResetRequests()
	for _, body := range bad {
		wantProblem(t, f.call(cbpiiReq(c, body)), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
	}
	q := cbpiiReq(c, `{"amount":"1.00","reference":"r"}`)
	q.query = "debug=1"
	wantProblem(t, f.call(q), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests, want 0", n)
	}
	// A revoked CBPII consent can be re-authenticated (same consent).
	if err := f.env.Bank.RevokeTokens(c.ID); err != nil {
		t.Fatal(err)
	}
	p := wantProblem(t, f.call(cbpiiReq(c, `{"amount":"1.00","reference":"r"}`)), http.StatusForbidden, httpapi.TypeReauthenticationRequired, httpapi.ActionReauthenticate)
	if p.BankAuthorizationURL == "" {
		t.Error("no authorizationUrl")
	}
	f.complete(c.ID, p.BankAuthorizationURL, []string{"1001"})
	wantOK(t, f.call(cbpiiReq(c, `{"amount":"1.00","reference":"r"}`)), http.StatusCreated)
}

// The CBPII POST has no idempotency key in OB v3.1, so a resend could make a
// second confirmation: it is sent once, and a 503 or a lost answer is
// retryLater for the app to decide.
func TestCBPIINotResent(t *testing.T) {
	t.Parallel()
	path := bankapi.CBPIIPath + "/funds-confirmations"
	tests := []struct {
		name   string
		fault  sandbox.Fault
		status int
	}{
		{"503", sandbox.Fault{Status: http.StatusServiceUnavailable, Count: 3}, http.StatusServiceUnavailable},
		{"answer lost", sandbox.Fault{DropAfterProcessing: true, Count: 3}, http.StatusBadGateway},
	}
	f := newFixture(t)
	c := f.fundsConsent(owner)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.env.Bank.ResetRequests()
			f.env.Bank.Fail(path, tt.fault)
			defer f.env.Bank.ClearFaults()
			wantProblem(t, f.call(cbpiiReq(c, `{"amount":"1.00","reference":"r"}`)), tt.status, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
			if n := resourceCalls(f.env.Bank, path); n != 1 {
				t.Errorf("%d bank requests, want exactly 1", n)
			}
		})
	}
	if w := f.recordedWaits(); len(w) != 0 {
		t.Errorf("waits %v, want none", w)
	}
}
