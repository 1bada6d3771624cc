package testenv_test

import (
	"context"
	"testing"

	"github.com/coop-ob/connector/dev/testenv"
)

// TestStart proves the environment is wired like production: the secret loads from kumo, the
// token client reaches the sandbox bank over mTLS, and neither secret reaches the logs.
func TestStart(t *testing.T) {
	e := testenv.Start(t, testenv.Options{})
	ctx := context.Background()
	c, err := e.Deps.Credentials.Get(ctx)
	if err != nil {
		t.Fatalf("credentials: %v", err)
	}
	if c.ClientID != e.Bank.ClientID() {
		t.Errorf("client id %q, want the bank's %q", c.ClientID, e.Bank.ClientID())
	}
	tk, err := e.Deps.OAuth.ClientCredentials(ctx, "accounts")
	if err != nil {
		t.Fatalf("client credentials over mTLS: %v", err)
	}
	if tk.AccessToken == "" {
		t.Fatal("no access token")
	}
	e.AssertNoSecrets(t, c.ClientSecret, tk.AccessToken)
}
