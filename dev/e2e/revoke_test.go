package e2e

import (
	"net/http"
	"testing"

	"github.com/coop-ob/connector/client"
)

// TestRevoke revokes an authorised consent through the whole stack: the bank's consent is
// deleted, the connector's status is Revoked, the proxy refuses it, and a second DELETE is
// harmless. (It also runs the consents function's DeleteItem grant under the stack's IAM check.)
func TestRevoke(t *testing.T) {
	c := newCaller(t)
	id := c.authorisedAIS(t)
	if v := c.consent(t, id); v.Accounts == nil || len(*v.Accounts) != 3 {
		t.Errorf("before DELETE: shared accounts %v, want the 3 ticked", v.Accounts)
	}

	if res := c.revoke(t, id); res.StatusCode() != http.StatusNoContent {
		t.Fatalf("DELETE consent = %d %s, want 204", res.StatusCode(), res.Body)
	}
	info, err := st.Bank().Consent(id)
	if err != nil {
		t.Fatal(err)
	}
	if info.Status != "Revoked" || info.LiveGrants != 0 {
		t.Errorf("bank's view after DELETE: status %s, %d live grants", info.Status, info.LiveGrants)
	}
	if got := c.consent(t, id); got.Status != client.Revoked || got.Accounts != nil {
		t.Errorf("after DELETE: status %q, accounts %v; want Revoked and the accounts gone", got.Status, got.Accounts)
	}
	p := problemOf(t, c.get(t, "/consents/"+id+"/accounts"), http.StatusConflict)
	if p.Action != "reconsent" {
		t.Errorf("accounts of a revoked consent: action %q, want reconsent", p.Action)
	}
	if res := c.revoke(t, id); res.StatusCode() != http.StatusNoContent {
		t.Errorf("second DELETE = %d %s, want 204", res.StatusCode(), res.Body)
	}
}
