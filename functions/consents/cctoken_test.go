package main

import (
	"net/http"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
)

// TestRejectedClientCredentialsTokenReplaced: the bank may revoke a cached client-credentials
// token before it expires. Its 401 makes the connector fetch a new token and send the consent
// once more, instead of failing every consent until the cached token runs out.
func TestRejectedClientCredentialsTokenReplaced(t *testing.T) {
	f := newFixture(t)
	f.create(t, "app", `{"brand":"coop","type":"accounts"}`) // caches the accounts token
	f.env.Bank.ResetRequests()
	f.env.Bank.Fail(bankapi.AISPPath+"/account-access-consents", sandbox.Fault{Status: http.StatusUnauthorized, Empty: true})

	f.create(t, "app", `{"brand":"coop","type":"accounts"}`)

	var grants, posts int
	for _, r := range f.env.Bank.Requests() {
		switch {
		case r.GrantType == "client_credentials":
			grants++
		case r.Method == http.MethodPost && r.Path == bankapi.AISPPath+"/account-access-consents":
			posts++
		}
	}
	if grants != 1 || posts != 2 {
		t.Errorf("after a 401: %d client-credentials grants and %d consent POSTs, want 1 and 2", grants, posts)
	}
}
