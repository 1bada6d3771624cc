package main

import (
	"net/http"
	"slices"
	"testing"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// Every route answers another caller's consent exactly like an unknown one
// (404, same body), before any bank call, and writes nothing.
func TestEveryRouteOwnership(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ais := f.aisConsent(owner, true)
	pis := f.paymentConsent(owner, "DP")
	funds := f.fundsConsent(owner)
	const unknown = "6f1c0e0e-0000-4000-8000-000000000000"
	acct := map[string]string{"accountId": "1001"}
	tests := []struct {
		method, route string
		c             *consent.Consent
		params        map[string]string
		headers       map[string]string
		body          string
	}{
		{http.MethodGet, "/consents/{id}/accounts", ais, nil, nil, ""},
		{http.MethodGet, "/consents/{id}/accounts/{accountId}", ais, acct, nil, ""},
		{http.MethodGet, "/consents/{id}/accounts/{accountId}/balances", ais, acct, nil, ""},
		{http.MethodGet, "/consents/{id}/accounts/{accountId}/transactions", ais, acct, nil, ""},
		{http.MethodGet, "/consents/{id}/accounts/{accountId}/direct-debits", ais, acct, nil, ""},
		{http.MethodGet, "/consents/{id}/accounts/{accountId}/standing-orders", ais, acct, nil, ""},
		{http.MethodGet, "/consents/{id}/accounts/{accountId}/scheduled-payments", ais, acct, nil, ""},
		{http.MethodPost, "/consents/{id}/payments", pis, nil, map[string]string{"idempotency-key": "k-1"}, ""},
		{http.MethodGet, "/consents/{id}/payments/{paymentId}", pis, map[string]string{"paymentId": "p-1"}, nil, ""},
		{http.MethodGet, "/consents/{id}/funds-confirmation", pis, nil, nil, ""},
		{http.MethodPost, "/consents/{id}/funds-confirmations", funds, nil, nil, `{"amount":"1.00","reference":"r"}`},
	}
	var covered []string
	for _, tt := range tests {
		key := tt.method + " " + tt.route
		covered = append(covered, key)
		t.Run(key, func(t *testing.T) {
			mk := func(id, who string) request {
				params := map[string]string{"id": id}
				for k, v := range tt.params {
					params[k] = v
				}
				return request{method: tt.method, route: tt.route, who: who, params: params, headers: tt.headers, body: tt.body}
			}
			before := f.consent(tt.c.ID)
			f.env.Bank.ResetRequests()
			other := f.call(mk(tt.c.ID, "someone-else"))
			missing := f.call(mk(unknown, owner))
			wantProblem(t, other, http.StatusNotFound, httpapi.TypeNotFound, "")
			if other.StatusCode != missing.StatusCode || other.Body != missing.Body {
				t.Errorf("another caller's consent answers %d %s, an unknown one %d %s", other.StatusCode, other.Body, missing.StatusCode, missing.Body)
			}
			if n := len(f.env.Bank.Requests()); n != 0 {
				t.Errorf("%d bank requests, want 0", n)
			}
			if after := f.consent(tt.c.ID); after.Version != before.Version {
				t.Errorf("consent written: version %d → %d", before.Version, after.Version)
			}
		})
	}
	if _, err := f.env.Deps.Store.GetPayment(t.Context(), pis.ID, "k-1"); err == nil {
		t.Error("another caller's payment request left a payment record")
	}
	for key := range f.h.table {
		if !slices.Contains(covered, key) {
			t.Errorf("route %s not covered", key)
		}
	}
}
