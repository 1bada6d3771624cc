package exchange_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/oauth"
	"github.com/coop-ob/connector/shared/refresh"
)

const tokenPath = "/apis/oauth/v1/oauth2/token"

// journey creates an AIS consent at the bank and locally, a session, drives
// the bank's pages with o, claims the session as the callback does, and
// returns it with the bank's redirect query values.
func journey(t *testing.T, env *testenv.Env, c *consent.Consent, stepUp bool, o sandbox.JourneyOptions) (*consent.AuthSession, string) {
	t.Helper()
	return journeyTo(t, env, c, stepUp, o, env.Deps.Config.RedirectURI)
}

// journeyTo is journey with the redirect URI the URL and the session carry.
func journeyTo(t *testing.T, env *testenv.Env, c *consent.Consent, stepUp bool, o sandbox.JourneyOptions, redirect string) (*consent.AuthSession, string) {
	t.Helper()
	ctx, d := t.Context(), env.Deps
	if c.ID == "" {
		tok, err := d.OAuth.ClientCredentials(ctx, "accounts")
		if err != nil {
			t.Fatal(err)
		}
		resp, err := d.Bank.Do(ctx, bankapi.Request{Method: http.MethodPost, Path: bankapi.AISPPath + "/account-access-consents",
			AccessToken: tok.AccessToken, Body: []byte(`{"Data":{"Permissions":["ReadAccountsDetail","ReadBalances"]},"Risk":{}}`)})
		if err != nil {
			t.Fatal(err)
		}
		var out struct{ Data struct{ ConsentId string } }
		if err := json.Unmarshal(resp.Body, &out); err != nil {
			t.Fatal(err)
		}
		*c = consent.Consent{ID: out.Data.ConsentId, Owner: "owner-1", Brand: "coop", Type: "accounts",
			BankStatus: consent.StatusAwaitingAuthorisation, Status: consent.StatusAwaitingAuthorisation}
		if err := d.Store.CreateConsent(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	state, _ := authurl.NewState()
	verifier, challenge := authurl.NewPKCE()
	stored, err := d.Store.GetConsent(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	s := &consent.AuthSession{StateHash: consent.HashState(state), ConsentID: c.ID, Owner: c.Owner, Brand: c.Brand,
		Verifier: verifier, StepUp: stepUp, Reauth: stored.Status == consent.StatusAuthorised,
		RedirectURI: redirect, TTL: d.Now().Add(10 * time.Minute)}
	if err := d.Store.CreateAuthSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	creds, err := d.Credentials.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	u, err := authurl.Build(d.Config.AuthURL("coop"), authurl.Params{ClientID: creds.ClientID, RedirectURI: redirect,
		Scope: authurl.ScopeAccounts, State: state, CodeChallenge: challenge, LoginHint: "coop", ConsentID: c.ID, StepUp: stepUp})
	if err != nil {
		t.Fatal(err)
	}
	back, err := env.Bank.Journey(ctx, u, o)
	if err != nil {
		t.Fatal(err)
	}
	claimed, err := d.Store.ClaimAuthSession(ctx, s.StateHash)
	if err != nil {
		t.Fatal(err)
	}
	return claimed, back.Query().Get("code")
}

func newExchanger(env *testenv.Env) *exchange.Exchanger {
	d := env.Deps
	return &exchange.Exchanger{Store: d.Store, OAuth: d.OAuth, Now: d.Now, Logger: d.Logger, Lookahead: 7 * time.Minute}
}

var alice = sandbox.JourneyOptions{User: "alice", Password: "password"}

func codeRequests(env *testenv.Env) int {
	n := 0
	for _, r := range env.Bank.Requests() {
		if r.Path == tokenPath && r.GrantType == "authorization_code" {
			n++
		}
	}
	return n
}

func TestCompleteStoresTokensAndAuthorises(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	e, ctx := newExchanger(env), t.Context()
	var c consent.Consent
	s, code := journey(t, env, &c, false, alice)
	before := env.Bank.Now()
	if err := e.Complete(ctx, s, code); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	tk, err := env.Deps.Store.GetTokens(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Owner != "owner-1" || tk.StepUp || tk.RefreshToken == "" || !tk.RefreshDue.Equal(tk.AccessExpiresAt.Add(-7*time.Minute)) ||
		tk.AccessExpiresAt.Before(before.Add(30*time.Minute).Truncate(time.Second)) {
		t.Errorf("tokens: owner %q step-up %v refresh %v due %v access expiry %v", tk.Owner, tk.StepUp, tk.RefreshToken != "", tk.RefreshDue, tk.AccessExpiresAt)
	}
	got, _ := env.Deps.Store.GetConsent(ctx, c.ID)
	if got.Status != consent.StatusAuthorised || !got.StepUpAt.IsZero() {
		t.Errorf("consent %s step-up %v", got.Status, got.StepUpAt)
	}

	// A step-up: StepUpAt recorded, tokens replaced and marked step-up.
	s2, code2 := journey(t, env, &c, true, alice)
	at := env.Bank.Now()
	if err := e.Complete(ctx, s2, code2); err != nil {
		t.Fatalf("step-up Complete: %v", err)
	}
	tk2, _ := env.Deps.Store.GetTokens(ctx, c.ID)
	got, _ = env.Deps.Store.GetConsent(ctx, c.ID)
	if !tk2.StepUp || tk2.AccessToken == tk.AccessToken || got.StepUpAt.Before(at) {
		t.Errorf("step-up: tokens step-up %v replaced %v, consent step-up at %v (after %v)", tk2.StepUp, tk2.AccessToken != tk.AccessToken, got.StepUpAt, at)
	}
	env.AssertNoSecrets(t, code, code2, s.Verifier, tk.AccessToken, tk.RefreshToken, tk2.AccessToken)
}

// TestCompleteMakesOneAttempt: Complete never retries (the caller's policy);
// its errors classify with oauth.IsTransient and oauth.IsInvalidGrant.
func TestCompleteMakesOneAttempt(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	e, ctx := newExchanger(env), t.Context()
	var c consent.Consent
	s, code := journey(t, env, &c, false, alice)
	env.Bank.Fail(tokenPath, sandbox.Fault{Status: 503, Count: 5})
	err := e.Complete(ctx, s, code)
	if !oauth.IsTransient(err) || oauth.IsInvalidGrant(err) || codeRequests(env) != 1 {
		t.Fatalf("503: err %v, %d requests: want one transient failure", err, codeRequests(env))
	}
	env.Bank.ClearFaults()
	env.Bank.Advance(2 * time.Minute) // the code expires
	err = e.Complete(ctx, s, code)
	if !oauth.IsInvalidGrant(err) || oauth.IsTransient(err) {
		t.Fatalf("expired code: err %v, want invalid_grant", err)
	}
	if _, err := env.Deps.Store.GetTokens(ctx, c.ID); !errors.Is(err, consent.ErrNotFound) {
		t.Errorf("tokens after failed exchanges: %v, want none", err)
	}
	if err := e.Fail(ctx, s, "failed", true); err != nil {
		t.Fatal(err)
	}
	got, _ := env.Deps.Store.GetConsent(ctx, c.ID)
	if got.Status != consent.StatusFailed || got.LastError != "failed" {
		t.Errorf("consent %s %q, want Failed", got.Status, got.LastError)
	}
	if err := e.Complete(ctx, s, code); err == nil {
		t.Error("Complete of a failed session succeeded")
	}
}

func TestFailKeepsAnAuthorisedConsent(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	e, ctx := newExchanger(env), context.Background()
	var c consent.Consent
	s, code := journey(t, env, &c, false, alice)
	if err := e.Complete(ctx, s, code); err != nil {
		t.Fatal(err)
	}
	s2, _ := journey(t, env, &c, true, sandbox.JourneyOptions{User: "alice", Password: "password", OTP: "999999"})
	if err := e.Fail(ctx, s2, "step_up_failed", true); err != nil {
		t.Fatal(err)
	}
	got, _ := env.Deps.Store.GetConsent(ctx, c.ID)
	if got.Status != consent.StatusAuthorised || got.LastError != "step_up_failed" {
		t.Errorf("consent %s %q: want Authorised with the error recorded", got.Status, got.LastError)
	}
	if err := e.Fail(ctx, s2, "again", true); !errors.Is(err, consent.ErrConflict) {
		t.Errorf("second Fail of a spent session: %v, want a conflict", err)
	}
}

// TestCompleteOnDemandSchedulesKeepAlive: under REFRESH_POLICY=ondemand new
// tokens wait in the refresh index at their keep-alive point, so no scheduled
// run has to move them there.
func TestCompleteOnDemandSchedulesKeepAlive(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	e, ctx := newExchanger(env), t.Context()
	e.KeepAlivePoint = refresh.KeepAlivePoint
	var c consent.Consent
	s, code := journey(t, env, &c, false, alice)
	if err := e.Complete(ctx, s, code); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	tk, err := env.Deps.Store.GetTokens(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p := refresh.KeepAlivePoint(tk.RefreshExpiresAt); p.IsZero() || !tk.RefreshDue.Equal(p) {
		t.Errorf("due %v, want the keep-alive point %v", tk.RefreshDue, p)
	}
}
