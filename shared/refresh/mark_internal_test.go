package refresh

import (
	"context"
	"testing"

	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
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

// markConsent marks only an Authorised consent whose stored tokens are both
// the dead ones: a consent in another status keeps it (Expired stays
// Expired), and a token item where either token was replaced is not the one
// the verdict is about.
func TestMarkConsentLeavesOthersAlone(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	st := env.Deps.Store
	r := &Refresher{Store: st, Logger: env.Deps.Logger}
	for _, tc := range []struct {
		name       string
		status     string // the consent's status before the verdict
		access     string // replaces the stored access token if set
		refresh    string // replaces the stored refresh token if set
		wantStatus string
	}{
		{name: "expired consent, dead tokens", status: consent.StatusExpired, wantStatus: consent.StatusExpired},
		{name: "refresh token replaced", refresh: "refresh-after-reauth", wantStatus: consent.StatusAuthorised},
		{name: "access token replaced", access: "access-after-reauth", wantStatus: consent.StatusAuthorised},
		{name: "dead tokens stored", wantStatus: consent.StatusReauthRequired},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			id := refreshtest.Authorise(t, env)
			dead, err := st.GetTokens(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if tc.access != "" || tc.refresh != "" {
				n := *dead
				if tc.access != "" {
					n.AccessToken = tc.access
				}
				if tc.refresh != "" {
					n.RefreshToken = tc.refresh
				}
				if err := st.PutTokens(ctx, &n); err != nil {
					t.Fatal(err)
				}
			}
			if tc.status != "" {
				c, err := st.GetConsent(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				c.Status = tc.status
				if err := st.UpdateConsent(ctx, c); err != nil {
					t.Fatal(err)
				}
			}

			r.markConsent(ctx, id, consent.StatusReauthRequired, "invalid_grant", dead)
			c, err := st.GetConsent(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if c.Status != tc.wantStatus {
				t.Errorf("consent %s after the verdict, want %s", c.Status, tc.wantStatus)
			}
		})
	}
}
