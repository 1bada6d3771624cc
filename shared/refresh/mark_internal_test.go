package refresh

import (
	"context"
	"testing"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh/refreshtest"
)

// TestMarkConsentOnlyForDeadTokens: the verdict (ReauthRequired) is written after the lease is
// released, so a re-authorisation may land in between. A consent whose stored tokens are no
// longer the ones the bank refused keeps its status; one still holding them is marked.
func TestMarkConsentOnlyForDeadTokens(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	ctx := context.Background()
	st := env.Deps.Store
	id := refreshtest.Authorise(t, env)
	dead, err := st.GetTokens(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	replaced := *dead
	replaced.AccessToken, replaced.RefreshToken = "access-after-reauth", "refresh-after-reauth"
	if err := st.PutTokens(ctx, &replaced); err != nil {
		t.Fatal(err)
	}
	r := &Refresher{Store: st, Logger: env.Deps.Logger}

	r.markConsent(ctx, id, consent.StatusReauthRequired, "invalid_grant", dead)
	if c, _ := st.GetConsent(ctx, id); c.Status != consent.StatusAuthorised {
		t.Fatalf("a verdict on replaced tokens moved the consent to %s", c.Status)
	}
	r.markConsent(ctx, id, consent.StatusReauthRequired, "invalid_grant", &replaced)
	if c, _ := st.GetConsent(ctx, id); c.Status != consent.StatusReauthRequired || c.LastError != "invalid_grant" {
		t.Fatalf("a verdict on the stored tokens left the consent %s (%q)", c.Status, c.LastError)
	}
}
