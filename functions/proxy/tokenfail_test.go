package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// tokenPath is the sandbox bank's token endpoint (every grant).
const tokenPath = "/apis/oauth/v1/oauth2/token"

// tokenFaults are the token endpoint's answers other than invalid_grant
// and a transient failure, with what the app gets for them.
var tokenFaults = []struct {
	name   string
	fault  sandbox.Fault
	status int    // 502 bank-error or 503 retry-later
	typ    string // problem type
}{
	{"401 empty", sandbox.Fault{Status: http.StatusUnauthorized, Empty: true}, http.StatusBadGateway, httpapi.TypeBankError},
	{"400 OB error body", sandbox.Fault{Status: http.StatusBadRequest}, http.StatusBadGateway, httpapi.TypeBankError},
	{"403 HTML", sandbox.Fault{Status: http.StatusForbidden, HTML: true}, http.StatusBadGateway, httpapi.TypeBankError},
	{"200 HTML", sandbox.Fault{Status: http.StatusOK, HTML: true}, http.StatusServiceUnavailable, httpapi.TypeRetryLater},
	{"200 empty", sandbox.Fault{Status: http.StatusOK, Empty: true}, http.StatusServiceUnavailable, httpapi.TypeRetryLater},
	{"200 JSON without a token", sandbox.Fault{Status: http.StatusOK, JSON: `{"token_type":"Bearer"}`}, http.StatusServiceUnavailable, httpapi.TypeRetryLater},
}

// A refusal of the on-demand refresh other than invalid_grant is a bank
// error (logged as a configuration fault), and an unusable 200 a retry:
// never 500, never a re-authentication, and the consent and its tokens are
// left as they were.
func TestRefreshRefusedOnDemand(t *testing.T) {
	t.Parallel()
	for _, tt := range tokenFaults {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c := f.aisConsent(owner, false)
			f.env.Bank.Advance(31 * time.Minute) // the access token has expired: the call refreshes first
			before, tokBefore := f.consent(c.ID), f.tokens(c.ID)
			f.env.Bank.ResetRequests()
			f.env.Bank.Fail(tokenPath, tt.fault)
			resp := f.call(aisGet(c, "/balances", "1001", ""))
			action := ""
			if tt.status == http.StatusServiceUnavailable {
				action = httpapi.ActionRetryLater
				if resp.Headers["Retry-After"] == "" {
					t.Error("no Retry-After header")
				}
			}
			wantProblem(t, resp, tt.status, tt.typ, action)
			if n := refreshGrants(f.env.Bank); n != 1 {
				t.Errorf("%d refresh grants, want 1", n)
			}
			if n := resourceCalls(f.env.Bank, balancesPath); n != 0 {
				t.Errorf("%d resource calls without a token, want 0", n)
			}
			got, tk := f.consent(c.ID), f.tokens(c.ID)
			if got.Version != before.Version || got.Status != consent.StatusAuthorised || got.LastAction != "" {
				t.Errorf("consent %s action %q version %d → %d: want it untouched", got.Status, got.LastAction, before.Version, got.Version)
			}
			if tk.RefreshToken != tokBefore.RefreshToken || tk.AccessToken != tokBefore.AccessToken {
				t.Error("tokens replaced after a failed refresh")
			}
			configFault := strings.Contains(f.env.Logs.String(), "token endpoint refused the connector")
			if configFault != (tt.status == http.StatusBadGateway) {
				t.Errorf("configuration fault logged: %v, want %v", configFault, tt.status == http.StatusBadGateway)
			}
			f.env.AssertNoSecrets(t, tokBefore.AccessToken, tokBefore.RefreshToken, f.env.Bank.ClientSecret())
		})
	}
}

// The payment status read needs a client-credentials token: the token
// endpoint's refusal is a bank error and an unusable 200 a retry, never 500.
func TestPaymentStatusTokenRefused(t *testing.T) {
	t.Parallel()
	for _, tt := range tokenFaults {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c := f.paymentConsent(owner, "DP")
			id, _ := wantOK(t, f.call(pay(c, "k-1", "")), http.StatusCreated)["paymentId"].(string)
			// Drop the cached client-credentials token: the read fetches a new one.
			cc, err := f.env.Deps.OAuth.ClientCredentials(context.Background(), "payments")
			if err != nil {
				t.Fatal(err)
			}
			f.env.Deps.OAuth.ForgetClientCredentials(cc)
			before := f.consent(c.ID)
			f.env.Bank.ResetRequests()
			f.env.Bank.Fail(tokenPath, tt.fault)
			resp := f.call(paymentGetReq(c, id))
			action := ""
			if tt.status == http.StatusServiceUnavailable {
				action = httpapi.ActionRetryLater
			}
			wantProblem(t, resp, tt.status, tt.typ, action)
			if got := f.consent(c.ID); got.Version != before.Version {
				t.Errorf("consent written: version %d → %d", before.Version, got.Version)
			}
			// The endpoint answers again: the same read succeeds.
			wantOK(t, f.call(paymentGetReq(c, id)), http.StatusOK)
		})
	}
}
