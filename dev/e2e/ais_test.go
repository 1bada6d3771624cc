package e2e

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/client"
)

// consent reads GET /consents/{id} with the generated client.
func (c caller) consent(t *testing.T, id string) client.Consent {
	t.Helper()
	res, err := c.api(t).GetConsentWithResponse(t.Context(), id)
	if err != nil {
		t.Fatalf("GET /consents/%s: %v", id, err)
	}
	if res.JSON200 == nil {
		t.Fatalf("GET /consents/%s = %d %s", id, res.StatusCode(), res.Body)
	}
	if res.JSON200.Id != id {
		t.Fatalf("GET /consents/%s answered consent %q: %s", id, res.JSON200.Id, res.Body)
	}
	return *res.JSON200
}

// mustContain fails t unless the 200 answer's body contains every want.
func mustContain(t *testing.T, r reply, what string, want ...string) {
	t.Helper()
	mustStatus(t, r, http.StatusOK, what)
	for _, w := range want {
		if !strings.Contains(string(r.body), w) {
			t.Errorf("%s: body lacks %q: %.400s", what, w, r.body)
		}
	}
}

// TestAIS is the account-information journey end to end in Chromium: consent, log in as
// alice, approve two accounts, the callback's redirect to the result page, the data, and
// the step-up journey (OTP) that standing orders need.
func TestAIS(t *testing.T) {
	c := newCaller(t)
	cr := c.createConsent(t, aisBody())
	id := cr.ConsentId
	if s := c.consent(t, id).Status; s != "AwaitingAuthorisation" {
		t.Errorf("status before the journey = %q, want AwaitingAuthorisation", s)
	}
	tab := newBrowser(t)

	t.Run("consent journey in the browser", func(t *testing.T) {
		q := browserJourney(t, tab, cr.AuthorizationUrl, browserSteps{user: "alice", password: "password", accounts: []string{"1001", "1002"}})
		expectOutcome(t, q, id, "authorised")
		if s := c.consent(t, id).Status; s != "Authorised" {
			t.Errorf("status after the journey = %q, want Authorised", s)
		}
		info, err := st.Bank().Consent(id)
		if err != nil || info.Status != "Authorised" || !slices.Equal(info.Accounts, []string{"1001", "1002"}) {
			t.Errorf("the bank's consent = %+v, %v; want Authorised on 1001 and 1002", info, err)
		}
		// The dashboard fields: the accounts ticked on the bank's page, when access was granted,
		// the reconfirmation deadline and the next action.
		v := c.consent(t, id)
		var shared []string
		if v.Accounts != nil {
			for _, a := range *v.Accounts {
				shared = append(shared, a.AccountId)
				if a.Identification == nil || !strings.HasPrefix(*a.Identification, "••••") {
					t.Errorf("account %s identification %v, want masked", a.AccountId, a.Identification)
				}
			}
		}
		if !slices.Equal(shared, []string{"1001", "1002"}) {
			t.Errorf("GET /consents/{id} accounts = %v, want the ticked 1001 and 1002", shared)
		}
		if v.AuthorisedAt == nil || v.ReconfirmBy == nil || !v.ReconfirmBy.After(*v.AuthorisedAt) || v.NextAction == nil || v.ActionBy == nil {
			t.Errorf("dashboard fields: authorisedAt %v reconfirmBy %v nextAction %v actionBy %v", v.AuthorisedAt, v.ReconfirmBy, v.NextAction, v.ActionBy)
		}
	})
	if t.Failed() {
		t.FailNow()
	}

	t.Run("reconfirm", func(t *testing.T) {
		before := c.consent(t, id)
		if before.LastConfirmedAt == nil {
			t.Fatalf("no lastConfirmedAt after the journey")
		}
		api := c.api(t)
		res, err := api.ReconfirmConsentWithResponse(t.Context(), id, client.ReconfirmRequest{
			ReconfirmedAt: *before.LastConfirmedAt, Channel: client.ReconfirmRequestChannelApp})
		if err != nil || res.JSON200 == nil || res.JSON200.ReconfirmBy == nil {
			t.Fatalf("POST reconfirm = %v %v", res, err)
		}
		future, err := api.ReconfirmConsentWithResponse(t.Context(), id, client.ReconfirmRequest{
			ReconfirmedAt: time.Now().Add(time.Hour), Channel: client.ReconfirmRequestChannelApp})
		if err != nil || future.StatusCode() != http.StatusBadRequest {
			t.Errorf("POST reconfirm in the future = %v %v, want 400", future, err)
		}
	})
	t.Run("accounts", func(t *testing.T) {
		r := c.get(t, "/consents/"+id+"/accounts")
		mustContain(t, r, "GET accounts", "1001", "1002")
		if strings.Contains(string(r.body), `"1003"`) {
			t.Errorf("GET accounts shows account 1003 the PSU did not choose: %.400s", r.body)
		}
		mustContain(t, c.get(t, "/consents/"+id+"/accounts/1001"), "GET account 1001", "1001")
	})
	t.Run("balances", func(t *testing.T) {
		mustContain(t, c.get(t, "/consents/"+id+"/accounts/1001/balances"), "GET balances", "1001", "Amount")
	})
	t.Run("transactions", func(t *testing.T) {
		mustContain(t, c.get(t, "/consents/"+id+"/accounts/1001/transactions"), "GET transactions", "T1001-")
	})
	t.Run("an account not in the consent", func(t *testing.T) {
		r := c.get(t, "/consents/"+id+"/accounts/1003/balances")
		if r.status < 400 || r.status >= 500 {
			t.Errorf("GET balances of 1003 (not consented) = %s, want a 4xx problem", r)
		}
	})
	t.Run("another caller", func(t *testing.T) {
		other := newCaller(t)
		for _, p := range []string{"/consents/" + id, "/consents/" + id + "/accounts"} {
			if r := other.get(t, p); r.status != http.StatusNotFound {
				t.Errorf("GET %s by another caller = %s, want 404", p, r)
			}
		}
	})

	t.Run("step-up for standing orders", func(t *testing.T) {
		path := "/consents/" + id + "/accounts/1001/standing-orders"
		p := problemOf(t, c.get(t, path), http.StatusForbidden)
		if p.Action != "stepUp" {
			t.Fatalf("standing orders without step-up: action %q, want stepUp: %+v", p.Action, p)
		}
		u := p.AuthorizationURL
		if u == "" {
			t.Errorf("the stepUp problem has no authorizationUrl: %+v", p)
			u = c.authorize(t, id, true).AuthorizationUrl
		}
		checkAuthURL(t, u, id)
		harvest(t)
		q := browserJourney(t, tab, u, browserSteps{user: "alice", password: "password", otp: "123456"})
		expectOutcome(t, q, id, "authorised")
		if v := c.consent(t, id); v.Status != "Authorised" || v.StepUp == nil || !*v.StepUp {
			t.Errorf("after the step-up journey: %+v, want Authorised with stepUp", v)
		}
		mustContain(t, c.get(t, path), "GET standing orders after step-up", "SO-1001-1")
		mustContain(t, c.get(t, "/consents/"+id+"/accounts/1001/balances"), "GET balances after step-up", "1001")
	})

	t.Run("re-authentication", func(t *testing.T) {
		if err := st.Bank().RevokeTokens(id); err != nil {
			t.Fatal(err)
		}
		p := problemOf(t, c.get(t, "/consents/"+id+"/accounts"), http.StatusForbidden)
		if p.Action != "reauthenticate" {
			t.Fatalf("after the bank revoked the tokens: action %q, want reauthenticate: %+v", p.Action, p)
		}
		harvest(t)
		expectOutcome(t, journey(t, p.AuthorizationURL, alice), id, "authorised")
		mustContain(t, c.get(t, "/consents/"+id+"/accounts"), "GET accounts after re-authentication", "1001")
	})
	t.Run("revoke", func(t *testing.T) {
		if res := c.revoke(t, id); res.StatusCode() != http.StatusNoContent {
			t.Fatalf("DELETE consent = %d %s, want 204", res.StatusCode(), res.Body)
		}
	})

	// The app learns each change from one event, in order: the journey, the step-up asked and
	// granted, the bank's refusal of the revoked tokens and the re-authentication, the
	// revocation. A reconfirmation at the time already recorded changes nothing: no event.
	t.Run("lifecycle events", func(t *testing.T) {
		expectEvents(t, id, "Consent Created", "Consent Authorised", "Consent Step-Up Required / step-up not held",
			"Consent Step-Up Granted", "Consent Reauthentication Required / UK.OBIE.Reauthenticate", "Consent Authorised", "Consent Revoked")
	})
}
