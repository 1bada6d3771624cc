package e2e

import (
	"net/http"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// authorisedAIS creates an AIS consent and authorises it for all of alice's accounts
// through the bank's pages (HTTP journey) and the connector's callback.
func (c caller) authorisedAIS(t *testing.T) string {
	t.Helper()
	cr := c.createConsent(t, aisBody())
	q := journey(t, cr.AuthorizationUrl, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001", "1002", "1003"}})
	expectOutcome(t, q, cr.ConsentId, "authorised")
	mustStatus(t, c.get(t, "/consents/"+cr.ConsentId+"/accounts"), http.StatusOK, "GET accounts before the scenario")
	return cr.ConsentId
}

// TestErrorScenarios runs each of the bank's error scenarios (General specifications,
// "Error scenarios") through the whole stack and checks the action the app is given.
func TestErrorScenarios(t *testing.T) {
	c := newCaller(t)
	b := st.Bank()

	t.Run("revoked tokens: reauthenticate the same consent", func(t *testing.T) {
		id := c.authorisedAIS(t)
		if err := b.RevokeTokens(id); err != nil {
			t.Fatal(err)
		}
		p := problemOf(t, c.get(t, "/consents/"+id+"/accounts"), http.StatusForbidden)
		if p.Action != "reauthenticate" {
			t.Fatalf("after the bank revoked the tokens: action %q, want reauthenticate: %+v", p.Action, p)
		}
		checkAuthURL(t, p.AuthorizationURL, id)
		harvest(t)
		q := journey(t, p.AuthorizationURL, alice)
		expectOutcome(t, q, id, "authorised")
		mustContain(t, c.get(t, "/consents/"+id+"/accounts"), "GET accounts after re-authentication", "1001")
		// One event asks for the re-authentication (the bank's code), the next says it is done.
		expectEvents(t, id, "Consent Created", "Consent Authorised", "Consent Reauthentication Required / UK.OBIE.Reauthenticate", "Consent Authorised")
	})

	t.Run("refresh refused by the bank: reauthenticate", func(t *testing.T) {
		id := c.authorisedAIS(t)
		if err := b.RevokeTokens(id); err != nil {
			t.Fatal(err)
		}
		// The schedule's refresh (the tokens are due at once: REFRESH_LOOKAHEAD) meets invalid_grant.
		tickAndDrain(t)
		p := problemOf(t, c.get(t, "/consents/"+id+"/accounts"), http.StatusForbidden)
		if p.Action != "reauthenticate" {
			t.Fatalf("after the refused refresh: action %q, want reauthenticate: %+v", p.Action, p)
		}
		expectEvents(t, id, "Consent Created", "Consent Authorised", "Consent Reauthentication Required / invalid_grant")
	})

	for _, sc := range []struct {
		name  string
		do    func(id string) error
		event string
	}{
		// The bank answers both with the same code: the connector cannot tell them apart.
		{"rejected consent: reconsent", b.RejectConsent, "Consent Rejected / UK.OBIE.Resource.InvalidConsentStatus"},
		{"expired consent: reconsent", b.ExpireConsent, "Consent Rejected / UK.OBIE.Resource.InvalidConsentStatus"},
	} {
		t.Run(sc.name, func(t *testing.T) {
			id := c.authorisedAIS(t)
			if err := sc.do(id); err != nil {
				t.Fatal(err)
			}
			p := problemOf(t, c.get(t, "/consents/"+id+"/accounts"), http.StatusConflict)
			if p.Action != "reconsent" {
				t.Errorf("action %q, want reconsent: %+v", p.Action, p)
			}
			if p.AuthorizationURL != "" {
				t.Errorf("a reconsent problem carries an authorizationUrl for a dead consent: %+v", p)
			}
			expectEvents(t, id, "Consent Created", "Consent Authorised", sc.event)
		})
	}

	for _, sc := range []struct {
		name, account, action, event string
		do                           func(string) error
	}{
		{"closed account: reconsent", "1002", "reconsent", "Consent Reconsent Required / UK.OBIE.Resource.NotFound", b.CloseAccount},
		{"barred account: accountUnavailable", "1003", "accountUnavailable", "Consent Account Unavailable / UK.OBIE.Resource.NotFound", b.BarAccount},
	} {
		t.Run(sc.name, func(t *testing.T) {
			id := c.authorisedAIS(t)
			if err := sc.do(sc.account); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = b.ReopenAccount(sc.account) })
			p := problemOf(t, c.get(t, "/consents/"+id+"/accounts/"+sc.account+"/balances"), http.StatusConflict)
			if p.Action != sc.action {
				t.Errorf("action %q, want %s: %+v", p.Action, sc.action, p)
			}
			// The consent's other accounts still answer.
			mustContain(t, c.get(t, "/consents/"+id+"/accounts/1001/balances"), "GET balances of 1001", "1001")
			expectEvents(t, id, "Consent Created", "Consent Authorised", sc.event)
		})
	}
}
