package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/aisread"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oblinks"
)

func TestAISRoutes(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, true)
	tests := []struct {
		name, suffix, account, key string
	}{
		{"accounts", "", "", "Account"},
		{"account", "", "1001", "Account"},
		{"balances", "/balances", "1001", "Balance"},
		{"transactions", "/transactions", "1001", "Transaction"},
		{"direct debits", "/direct-debits", "1001", "DirectDebit"},
		{"standing orders", "/standing-orders", "1001", "StandingOrder"},
		{"scheduled payments", "/scheduled-payments", "1001", "ScheduledPayment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := f.call(aisGet(c, tt.suffix, tt.account, ""))
			m := wantOK(t, resp, http.StatusOK)
			data, _ := m["Data"].(map[string]any)
			list, _ := data[tt.key].([]any)
			if len(list) == 0 {
				t.Fatalf("Data.%s is empty: %s", tt.key, resp.Body)
			}
			links, _ := m["Links"].(map[string]any)
			self, _ := links["Self"].(string)
			if want := aisGet(c, tt.suffix, tt.account, "").event().RawPath; self != want {
				t.Errorf("Links.Self = %q, want the connector's own %q", self, want)
			}
			if strings.Contains(resp.Body, f.env.Bank.APIURL()) {
				t.Errorf("the body still names the bank's host")
			}
		})
	}
	f.env.AssertNoSecrets(t, f.tokens(c.ID).AccessToken, f.tokens(c.ID).RefreshToken, f.env.Bank.ClientSecret())
}

// The FAPI headers reach the bank: bearer token, the interaction id the
// app gets back, and the PSU-present headers from x-psu-*.
func TestAISHeaders(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	f.env.Bank.ResetRequests()
	r := aisGet(c, "/balances", "1001", "")
	r.headers = map[string]string{"x-psu-ip-address": "203.0.113.7", "x-psu-auth-date": "Sun, 10 Sep 2017 19:43:31 GMT"}
	resp := f.call(r)
	wantOK(t, resp, http.StatusOK)
	reqs := f.env.Bank.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d bank requests, want 1", len(reqs))
	}
	got := reqs[0]
	if !got.BearerAuth || got.Path != bankapi.AISPPath+"/accounts/1001/balances" {
		t.Errorf("bank request %s bearer=%v", got.Path, got.BearerAuth)
	}
	if got.InteractionID == "" || got.InteractionID != resp.Headers[bankapi.HeaderInteractionID] {
		t.Errorf("interaction id sent %q, returned %q", got.InteractionID, resp.Headers[bankapi.HeaderInteractionID])
	}
	if ip := got.Headers.Get(bankapi.HeaderCustomerIP); ip != "203.0.113.7" {
		t.Errorf("x-fapi-customer-ip-address = %q", ip)
	}
	if d := got.Headers.Get(bankapi.HeaderAuthDate); d != "Sun, 10 Sep 2017 19:43:31 GMT" {
		t.Errorf("x-fapi-auth-date = %q", d)
	}

	// Without the PSU headers, none are sent (the PSU is not present).
	f.env.Bank.ResetRequests()
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
	if h := f.env.Bank.Requests()[0].Headers; h.Get(bankapi.HeaderCustomerIP) != "" || h.Get(bankapi.HeaderAuthDate) != "" {
		t.Errorf("PSU headers sent without the app asking: %v", h)
	}

	// An RFC 3339 auth date is accepted too.
	r.headers = map[string]string{"x-psu-auth-date": "2017-09-10T19:43:31Z"}
	wantOK(t, f.call(r), http.StatusOK)
}

// Bad input never reaches the bank.
func TestAISBadInput(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, true)
	long := strings.Repeat("1", 41)
	tests := []struct {
		name string
		r    request
	}{
		{"unknown query parameter", aisGet(c, "/balances", "1001", "foo=bar")},
		{"date filter on balances", aisGet(c, "/balances", "1001", "fromBookingDateTime=2025-01-01T00:00:00")},
		{"unknown parameter on transactions", aisGet(c, "/transactions", "1001", "limit=5")},
		{"date with zone", aisGet(c, "/transactions", "1001", "fromBookingDateTime=2025-01-01T00:00:00Z")},
		{"date not a date", aisGet(c, "/transactions", "1001", "toBookingDateTime=yesterday")},
		{"to before from", aisGet(c, "/transactions", "1001", "fromBookingDateTime=2025-02-01T00:00:00&toBookingDateTime=2025-01-01T00:00:00")},
		{"repeated parameter", aisGet(c, "/transactions", "1001", "fromBookingDateTime=2025-02-01T00:00:00&fromBookingDateTime=2025-02-02T00:00:00")},
		{"page not ours", aisGet(c, "/transactions", "1001", "page=bm9wZQ")},
		{"page with filters", aisGet(c, "/transactions", "1001", "page=cGFnZT0y&toBookingDateTime=2025-01-01T00:00:00")},
		{"page smuggling a parameter", aisGet(c, "/transactions", "1001", "page="+oblinks.EncodePage(url.Values{"page": {"2"}, "x": {"1"}}))},
		{"account id too long", aisGet(c, "/balances", long, "")},
		{"account id with a slash", aisGet(c, "/balances", "10%2F01", "")},
		{"account id with dots", aisGet(c, "/balances", "..", "")},
		{"consent id not a uuid", request{method: http.MethodGet, route: "/consents/{id}/accounts", who: owner, params: map[string]string{"id": "abc"}}},
		{"bad PSU ip", withHeaders(aisGet(c, "/balances", "1001", ""), "x-psu-ip-address", "300.1.1.1")},
		{"bad PSU auth date", withHeaders(aisGet(c, "/balances", "1001", ""), "x-psu-auth-date", "last tuesday")},
		{"future PSU auth date", withHeaders(aisGet(c, "/balances", "1001", ""), "x-psu-auth-date", time.Now().Add(time.Hour).UTC().Format(time.RFC3339))},
	}
	f.env.Bank.ResetRequests()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, f.call(tt.r), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
		})
	}
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests for bad input, want 0", n)
	}
}

func withHeaders(r request, kv ...string) request {
	r.headers = map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		r.headers[kv[i]] = kv[i+1]
	}
	return r
}

// Another caller's consent is 404, exactly like a missing one; no identity is 401.
func TestAISOwnership(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	f.env.Bank.ResetRequests()
	other := aisGet(c, "/balances", "1001", "")
	other.who = "someone-else"
	p1 := wantProblem(t, f.call(other), http.StatusNotFound, httpapi.TypeNotFound, "")
	missing := aisGet(&consent.Consent{ID: "6f1c0e0e-0000-4000-8000-000000000000", Owner: owner}, "/balances", "1001", "")
	p2 := wantProblem(t, f.call(missing), http.StatusNotFound, httpapi.TypeNotFound, "")
	if p1.Detail != p2.Detail {
		t.Errorf("another caller's consent (%q) answers differently from a missing one (%q)", p1.Detail, p2.Detail)
	}
	anon := aisGet(c, "/balances", "1001", "")
	anon.who = ""
	wantProblem(t, f.call(anon), http.StatusUnauthorized, httpapi.TypeUnauthorized, "")
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests, want 0", n)
	}
}

// Links point at the connector; following Next pages through every
// transaction of the default window once.
func TestTransactionsPagination(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	seen := map[string]bool{}
	query := ""
	for page := 1; ; page++ {
		if page > 5 {
			t.Fatal("more pages than the bank has")
		}
		m := wantOK(t, f.call(aisGet(c, "/transactions", "1001", query)), http.StatusOK)
		var body struct {
			Data struct {
				Transaction []struct {
					TransactionID string `json:"TransactionId"`
				}
			}
			Links bankapi.Links
		}
		if err := json.Unmarshal([]byte(mustJSON(m)), &body); err != nil {
			t.Fatal(err)
		}
		for _, tx := range body.Data.Transaction {
			if seen[tx.TransactionID] {
				t.Errorf("transaction %s on two pages", tx.TransactionID)
			}
			seen[tx.TransactionID] = true
		}
		if body.Links.Next == "" {
			break
		}
		u, err := url.Parse(body.Links.Next)
		if err != nil || u.Path != "/consents/"+c.ID+"/accounts/1001/transactions" || len(u.Query()) != 1 || u.Query().Get("page") == "" {
			t.Fatalf("Links.Next = %q: want the connector's route with one page parameter", body.Links.Next)
		}
		query = u.RawQuery
	}
	// The sandbox puts 30 transactions in the last 90 days of account 1001.
	if len(seen) != 30 {
		t.Errorf("%d transactions over all pages, want 30", len(seen))
	}
}

// Step-up: without it, 403 stepUp with a ready URL and no bank request; with
// it (after the PSU completes that URL), 200.
func TestStepUp(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	old := f.env.Bank.Now().AddDate(0, 0, -120).Format(aisread.DateLayout)
	recent := f.env.Bank.Now().AddDate(0, 0, -30).Format(aisread.DateLayout)
	needs := []request{
		aisGet(c, "/direct-debits", "1001", ""),
		aisGet(c, "/standing-orders", "1001", ""),
		aisGet(c, "/scheduled-payments", "1001", ""),
		aisGet(c, "/transactions", "1001", "fromBookingDateTime="+old),
	}
	f.env.Bank.ResetRequests()
	var authURL string
	for _, r := range needs {
		p := wantProblem(t, f.call(r), http.StatusForbidden, httpapi.TypeStepUpRequired, httpapi.ActionStepUp)
		if p.BankAuthorizationURL == "" {
			t.Fatalf("%s: no authorizationUrl", r.route)
		}
		authURL = p.BankAuthorizationURL
	}
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests without step-up, want 0", n)
	}
	if got := f.consent(c.ID); got.LastAction != httpapi.ActionStepUp || got.Status != consent.StatusAuthorised {
		t.Errorf("consent after stepUp: action %q status %q", got.LastAction, got.Status)
	}
	// Recent transactions need no step-up.
	wantOK(t, f.call(aisGet(c, "/transactions", "1001", "fromBookingDateTime="+recent)), http.StatusOK)

	// The PSU completes the step-up URL the problem carried (OTP page included).
	c = f.complete(c.ID, authURL, nil)
	if c.StepUpAt.IsZero() || !f.tokens(c.ID).StepUp {
		t.Fatal("the step-up journey did not record step-up")
	}
	for _, r := range needs {
		wantOK(t, f.call(r), http.StatusOK)
	}
}

// A 403 Reauthenticate from the bank on a step-up route is a step-up. Here
// the store claims a step-up the bank's grant does not carry, so the proxy
// calls and the bank refuses.
func TestStepUpFromBank(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	ctx := context.Background()
	tk := f.tokens(c.ID)
	tk.StepUp = true
	if err := f.env.Deps.Store.PutTokens(ctx, tk); err != nil {
		t.Fatal(err)
	}
	c.StepUpAt = f.env.Bank.Now()
	if err := f.env.Deps.Store.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	f.env.Bank.ResetRequests()
	p := wantProblem(t, f.call(aisGet(c, "/standing-orders", "1001", "")), http.StatusForbidden, httpapi.TypeStepUpRequired, httpapi.ActionStepUp)
	if p.BankAuthorizationURL == "" || p.InteractionID == "" {
		t.Errorf("problem %+v: want authorizationUrl and interactionId", p)
	}
	if n := resourceCalls(f.env.Bank, bankapi.AISPPath); n != 1 {
		t.Errorf("%d bank calls, want 1", n)
	}
	if got := f.consent(c.ID); got.Status != consent.StatusAuthorised || got.LastAction != httpapi.ActionStepUp {
		t.Errorf("consent status %q action %q, want Authorised and stepUp", got.Status, got.LastAction)
	}
}

// One mTLS client per container: warm calls open no new TLS connection.
func TestWarmCallsReuseTheConnection(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK) // warm-up
	before := f.env.Bank.Handshakes()
	for range 10 {
		wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
	}
	if d := f.env.Bank.Handshakes() - before; d != 0 {
		t.Errorf("%d new TLS handshakes over 10 warm calls, want 0", d)
	}
}

// A call records the use on the tokens (Tokens.UsedAt, which the refresh
// index carries), at most once per touchEvery, without a new token version
// and without writing the consent.
func TestTokensUsedAt(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	// Under the default policy, ondemand, nothing reads the use: no write.
	c0 := f.aisConsent(owner, false)
	issued0 := f.tokens(c0.ID)
	f.env.Bank.Advance(touchEvery + time.Minute)
	wantOK(t, f.call(aisGet(c0, "/balances", "1001", "")), http.StatusOK)
	if got := f.tokens(c0.ID); !got.UsedAt.Equal(issued0.UsedAt) {
		t.Errorf("a use under REFRESH_POLICY ondemand was written (UsedAt %v → %v)", issued0.UsedAt, got.UsedAt)
	}
	f.h.touchUses = true // as under REFRESH_POLICY recent or all
	c := f.aisConsent(owner, false)
	issued := f.tokens(c.ID)
	if issued.UsedAt.IsZero() {
		t.Fatal("new tokens without UsedAt")
	}
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
	if again := f.tokens(c.ID); !again.UsedAt.Equal(issued.UsedAt) {
		t.Errorf("a call within %s of the last use moved UsedAt (%v → %v)", touchEvery, issued.UsedAt, again.UsedAt)
	}
	f.env.Bank.Advance(touchEvery + time.Minute)
	before := f.consent(c.ID)
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
	later := f.tokens(c.ID)
	if !later.UsedAt.After(issued.UsedAt) {
		t.Errorf("UsedAt not moved after %s", touchEvery)
	}
	if later.Version != issued.Version || later.AccessToken != issued.AccessToken {
		t.Errorf("the touch wrote new tokens (version %d → %d)", issued.Version, later.Version)
	}
	if after := f.consent(c.ID); after.Version != before.Version || !after.LastUsedAt.IsZero() {
		t.Errorf("a use wrote the consent (version %d → %d, lastUsedAt %v)", before.Version, after.Version, after.LastUsedAt)
	}
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
	if again := f.tokens(c.ID); !again.UsedAt.Equal(later.UsedAt) {
		t.Errorf("a second call within %s moved UsedAt again", touchEvery)
	}
}

// A consent the bank no longer accepts leaves the refresh index with its
// status (the tokens function does not read consents); one that stays
// Authorised stays scheduled.
func TestLeavingAuthorisedUnschedules(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name      string
		provoke   func(b *sandbox.Bank, consentID string) error
		status    string
		scheduled bool
	}{
		{"rejected", func(b *sandbox.Bank, id string) error { return b.RejectConsent(id) }, consent.StatusRejected, false},
		{"revoked tokens", func(b *sandbox.Bank, id string) error { return b.RevokeTokens(id) }, consent.StatusReauthRequired, false},
		{"account closed", func(b *sandbox.Bank, _ string) error { return b.CloseAccount("1001") }, consent.StatusAuthorised, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c := f.aisConsent(owner, false)
			if f.tokens(c.ID).RefreshDue.IsZero() {
				t.Fatal("authorised consent not scheduled")
			}
			f.env.PutAccounts(t, c.ID)
			if err := tt.provoke(f.env.Bank, c.ID); err != nil {
				t.Fatal(err)
			}
			f.call(aisGet(c, "/balances", "1001", ""))
			if got := f.consent(c.ID); got.Status != tt.status {
				t.Fatalf("consent status %q, want %q", got.Status, tt.status)
			}
			// Erased only when the consent ended (Rejected); ReauthRequired keeps them.
			if kept := f.env.AccountsStored(t, c.ID); kept == consent.Ended(tt.status) {
				t.Errorf("status %s: shared accounts stored = %v", tt.status, kept)
			}
			if tk := f.tokens(c.ID); tk.RefreshDue.IsZero() == tt.scheduled || (tk.RefreshShard == "") == tt.scheduled {
				t.Errorf("scheduled = %v (due %v, shard %q), want %v", !tk.RefreshDue.IsZero(), tk.RefreshDue, tk.RefreshShard, tt.scheduled)
			}
		})
	}
}
