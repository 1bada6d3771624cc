package main

import (
	"net/http"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
)

// TestPaymentStatusReplacesRejectedToken: GET payment status ?refresh=true uses a cached client-credentials
// token; a 401 from the bank (token revoked early) gets one new token and one resend.
func TestPaymentStatusReplacesRejectedToken(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.paymentConsent(owner, "DP")
	m := wantOK(t, f.call(pay(c, "order-1", "")), http.StatusCreated)
	id, _ := m["paymentId"].(string)
	status := request{method: http.MethodGet, route: "/consents/{id}/payments/{paymentId}", who: owner,
		params: map[string]string{"id": c.ID, "paymentId": id}, query: "refresh=true"}
	wantOK(t, f.call(status), http.StatusOK) // caches the payments token

	f.env.Bank.ResetRequests()
	f.env.Bank.Fail(bankapi.PISPPath+"/domestic-payments/", sandbox.Fault{Status: http.StatusUnauthorized, Empty: true})
	wantOK(t, f.call(status), http.StatusOK)

	var grants, gets int
	for _, r := range f.env.Bank.Requests() {
		switch {
		case r.GrantType == "client_credentials":
			grants++
		case r.Method == http.MethodGet && r.Path == bankapi.PISPPath+"/domestic-payments/"+id:
			gets++
		}
	}
	if grants != 1 || gets != 2 {
		t.Errorf("after a 401: %d client-credentials grants and %d payment GETs, want 1 and 2", grants, gets)
	}
}
