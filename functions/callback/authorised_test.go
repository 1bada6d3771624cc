package main

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/oauth"
	"github.com/coop-ob/connector/shared/refresh"
)

func TestAuthorisedStoresTokensAndRedirects(t *testing.T) {
	t.Parallel()
	for _, typ := range []string{typeAIS, typePIS, typeCBPII} {
		t.Run(typ, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c := f.createConsent(typ)
			j := f.start(c, false)
			back := f.drive(j, alice)
			code := back.Query().Get("code")
			if code == "" {
				t.Fatalf("the bank redirected without a code: %s", back.Query().Get("error"))
			}
			before := f.env.Bank.Now()
			resp := f.callback(back)
			after := f.env.Bank.Now()
			f.wantResult(resp, c.ID, OutcomeAuthorised)

			got := f.consent(c.ID)
			if got.Status != consent.StatusAuthorised || got.BankStatus != "Authorised" || !got.StepUpAt.IsZero() || got.LastError != "" {
				t.Errorf("consent status %s/%s, step-up %v, last error %q: want Authorised, no step-up, no error",
					got.Status, got.BankStatus, got.StepUpAt, got.LastError)
			}
			tk := f.tokens(c.ID)
			if tk.AccessToken == "" || tk.StepUp || tk.Owner != owner {
				t.Errorf("tokens: access %t, step-up %v, owner %q", tk.AccessToken != "", tk.StepUp, tk.Owner)
			}
			// The bank's lifetimes: access 30 minutes; refresh 30 days (no expiry in its response).
			if !between(tk.AccessExpiresAt, before.Add(30*time.Minute), after.Add(30*time.Minute)) {
				t.Errorf("access expires %v, want 30 min after %v", tk.AccessExpiresAt, before)
			}
			if typ == typePIS {
				if tk.RefreshToken != "" || !tk.RefreshExpiresAt.IsZero() || !tk.RefreshDue.IsZero() {
					t.Errorf("payment tokens: refresh %t, expiry %v, due %v: want no refresh token and no refresh schedule",
						tk.RefreshToken != "", tk.RefreshExpiresAt, tk.RefreshDue)
				}
			} else {
				if tk.RefreshToken == "" || !between(tk.RefreshExpiresAt, before.Add(oauth.DefaultRefreshLifetime), after.Add(oauth.DefaultRefreshLifetime)) {
					t.Errorf("refresh token %t expiring %v: want one valid 30 days", tk.RefreshToken != "", tk.RefreshExpiresAt)
				}
				// Under the default REFRESH_POLICY, ondemand, new tokens wait at their keep-alive point.
				if want := refresh.KeepAlivePoint(tk.RefreshExpiresAt); !tk.RefreshDue.Equal(want) {
					t.Errorf("refresh due %v, want the keep-alive point, %v", tk.RefreshDue, want)
				}
				due, _, err := f.env.Deps.Store.DueForRefresh(f.ctx, f.env.Deps.Store.Shard(c.ID), tk.RefreshDue, 100, consent.Cursor{})
				if err != nil || !slices.ContainsFunc(due, func(d consent.DueToken) bool { return d.ConsentID == c.ID }) {
					t.Errorf("refresh index at the due time: %v (%v), want the consent listed", due, err)
				}
			}
			s := f.session(j)
			if s.Status != consent.SessionDone || s.Code != "" {
				t.Errorf("session %s with code %t, want done and no code", s.Status, s.Code != "")
			}
			if typ == typeAIS {
				if st := f.accountsStatus(tk.AccessToken); st != http.StatusOK {
					t.Errorf("GET /accounts with the stored token: %d", st)
				}
			}

			reqs := f.codeRequests()
			if len(reqs) != 1 || reqs[0].RedirectURI != testenv.RedirectURI || !slices.Contains(reqs[0].FormFields, "code_verifier") {
				t.Errorf("%d code requests (%+v): want one with the redirect URI and a PKCE verifier", len(reqs), reqs)
			}
			f.checkTokenRequests()
			creds, err := f.env.Deps.Credentials.Get(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			f.env.AssertNoSecrets(t, code, j.state, j.verifier, tk.AccessToken, tk.RefreshToken, creds.ClientSecret)
			assertNotInResponse(t, resp.Headers["Location"]+resp.Body, code, j.state, j.verifier, tk.AccessToken, tk.RefreshToken, creds.ClientSecret)
		})
	}
}

func TestStepUpRecordsTimeAndReplacesTokens(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c, old := f.authorised(typeAIS)
	j := f.start(c, true)
	back := f.drive(j, alice) // login, then the one-time passcode page (123456)
	before := f.env.Bank.Now()
	f.wantResult(f.callback(back), c.ID, OutcomeAuthorised)
	after := f.env.Bank.Now()

	got := f.consent(c.ID)
	if got.Status != consent.StatusAuthorised || !between(got.StepUpAt, before, after) {
		t.Errorf("consent %s step-up at %v: want Authorised with the step-up time in [%v, %v]", got.Status, got.StepUpAt, before, after)
	}
	tk := f.tokens(c.ID)
	if !tk.StepUp || tk.AccessToken == old.AccessToken || tk.RefreshToken == old.RefreshToken {
		t.Errorf("tokens step-up %v, replaced %v/%v: want new step-up tokens", tk.StepUp,
			tk.AccessToken != old.AccessToken, tk.RefreshToken != old.RefreshToken)
	}
	if tk.Version <= old.Version {
		t.Errorf("token version %d after %d: want it bumped so a refresher holding the old version fails", tk.Version, old.Version)
	}
}

func TestReauthenticationReplacesTokens(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c, old := f.authorised(typeAIS)
	if st := f.accountsStatus(old.AccessToken); st != http.StatusOK {
		t.Fatalf("first token: GET /accounts %d", st)
	}
	j := f.start(c, false)
	if s := f.session(j); !s.Reauth {
		t.Fatal("the second journey of an Authorised consent is not a re-authentication")
	}
	f.wantResult(f.callback(f.drive(j, alice)), c.ID, OutcomeAuthorised)

	tk := f.tokens(c.ID)
	if tk.AccessToken == old.AccessToken || tk.RefreshToken == old.RefreshToken || tk.StepUp {
		t.Fatalf("tokens not replaced by the re-authentication")
	}
	if st := f.accountsStatus(old.AccessToken); st != http.StatusUnauthorized {
		t.Errorf("old access token: GET /accounts %d, want 401 (superseded by the re-authentication)", st)
	}
	if st := f.accountsStatus(tk.AccessToken); st != http.StatusOK {
		t.Errorf("new access token: GET /accounts %d, want 200", st)
	}
	if got := f.consent(c.ID); got.Status != consent.StatusAuthorised || !got.StepUpAt.IsZero() {
		t.Errorf("consent %s step-up %v: want Authorised without step-up", got.Status, got.StepUpAt)
	}
}
