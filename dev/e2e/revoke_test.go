package e2e

import (
	"net/http"
	"testing"
)

// TestRevoke revokes an authorised consent through the whole stack: the bank's consent is
// deleted, the connector's status is Revoked, the proxy refuses it, and a second DELETE is
// harmless. (It also runs the consents function's DeleteItem grant under the stack's IAM check.)
func TestRevoke(t *testing.T) {
	c := newCaller(t)
	id := c.authorisedAIS(t)

	mustStatus(t, c.call(t, http.MethodDelete, "/consents/"+id, nil, nil), http.StatusNoContent, "DELETE consent")
	info, err := st.Bank().Consent(id)
	if err != nil {
		t.Fatal(err)
	}
	if info.Status != "Revoked" || info.LiveGrants != 0 {
		t.Errorf("bank's view after DELETE: status %s, %d live grants", info.Status, info.LiveGrants)
	}
	var got struct{ Status string }
	r := c.get(t, "/consents/"+id)
	mustStatus(t, r, http.StatusOK, "GET consent after DELETE")
	r.decode(t, &got)
	if got.Status != "Revoked" {
		t.Errorf("status after DELETE = %q, want Revoked", got.Status)
	}
	p := problemOf(t, c.get(t, "/consents/"+id+"/accounts"), http.StatusConflict)
	if p.Action != "reconsent" {
		t.Errorf("accounts of a revoked consent: action %q, want reconsent", p.Action)
	}
	mustStatus(t, c.call(t, http.MethodDelete, "/consents/"+id, nil, nil), http.StatusNoContent, "second DELETE")
}
