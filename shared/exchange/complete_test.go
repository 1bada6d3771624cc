package exchange_test

import (
	"context"
	"errors"
	"testing"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/oauth"
)

// exchangerWithHook is newExchanger with a token client that runs hook once
// the token endpoint's whole response has arrived, before Complete sees it
// (testenv.Env.OAuthWithHook).
func exchangerWithHook(env *testenv.Env, hook func()) *exchange.Exchanger {
	e := newExchanger(env)
	e.OAuth = env.OAuthWithHook(hook)
	return e
}

// revokeLocally does what DELETE /consents/{id} does to the store
// (functions/consents revoke.go): status Revoked, then the tokens deleted.
// The bank's consent is left alone, so the bank would still honour the code:
// only the connector can refuse it.
func revokeLocally(t *testing.T, env *testenv.Env, id string) {
	t.Helper()
	ctx := context.Background()
	c, err := env.Deps.Store.GetConsent(ctx, id)
	if err != nil {
		t.Error(err)
		return
	}
	c.Status, c.BankStatus, c.LastAction = consent.StatusRevoked, "Revoked", "revoked"
	if err := env.Deps.Store.UpdateConsent(ctx, c); err != nil {
		t.Error(err)
	}
	if err := env.Deps.Store.DeleteTokens(ctx, id); err != nil {
		t.Error(err)
	}
}

// wantStillRevoked: the consent is Revoked, untouched by the journey, and
// has no tokens.
func wantStillRevoked(t *testing.T, env *testenv.Env, id string) {
	t.Helper()
	ctx := context.Background()
	got, err := env.Deps.Store.GetConsent(ctx, id)
	if err != nil || got.Status != consent.StatusRevoked || got.LastError != "" {
		t.Errorf("consent %+v (%v): want Revoked with no error recorded", got, err)
	}
	if _, err := env.Deps.Store.GetTokens(ctx, id); !errors.Is(err, consent.ErrNotFound) {
		t.Errorf("tokens of the revoked consent: %v, want none", err)
	}
}

// TestCompleteRefusesRevokedConsent: a code arriving after the consent was
// revoked (a late callback, or the tokens function's retry of a pending
// exchange) is not exchanged, and Fail then spends the session without
// recording anything on the consent.
func TestCompleteRefusesRevokedConsent(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	e, ctx := newExchanger(env), t.Context()
	var c consent.Consent
	s, code := journey(t, env, &c, false, alice)
	revokeLocally(t, env, c.ID)
	env.Bank.ResetRequests()

	err := e.Complete(ctx, s, code)
	if !errors.Is(err, exchange.ErrNotAuthorisable) || oauth.IsTransient(err) {
		t.Fatalf("Complete of a revoked consent: %v, want ErrNotAuthorisable", err)
	}
	if n := codeRequests(env); n != 0 {
		t.Errorf("%d token requests for a revoked consent, want none", n)
	}
	wantStillRevoked(t, env, c.ID)

	if err := e.Fail(ctx, s, "failed", true); err != nil {
		t.Fatal(err)
	}
	wantStillRevoked(t, env, c.ID)
	if _, err := env.Deps.Store.ClaimAuthSession(ctx, s.StateHash); !errors.Is(err, consent.ErrSessionUsed) {
		t.Errorf("claim after Fail: %v, want the session spent", err)
	}
}

// TestCompleteRevokedDuringExchange: the consent is revoked while the code
// is at the bank. The tokens the bank issued are discarded: the write-time
// check refuses, and the consent stays Revoked.
func TestCompleteRevokedDuringExchange(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	var c consent.Consent
	e := exchangerWithHook(env, func() { revokeLocally(t, env, c.ID) })
	s, code := journey(t, env, &c, false, alice)
	env.Bank.ResetRequests()

	if err := e.Complete(t.Context(), s, code); !errors.Is(err, exchange.ErrNotAuthorisable) {
		t.Fatalf("Complete revoked mid-exchange: %v, want ErrNotAuthorisable", err)
	}
	if n := codeRequests(env); n != 1 {
		t.Errorf("%d token requests, want 1", n)
	}
	wantStillRevoked(t, env, c.ID)
}

// TestCompleteStoresAfterCallerGaveUp: the caller's context ends right after
// the bank issued the tokens (the callback's budget ran out). The code is
// spent, so the tokens are stored anyway.
func TestCompleteStoresAfterCallerGaveUp(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	e := exchangerWithHook(env, cancel)
	var c consent.Consent
	s, code := journey(t, env, &c, false, alice)

	if err := e.Complete(ctx, s, code); err != nil {
		t.Fatalf("Complete with the caller gone after the token response: %v", err)
	}
	if ctx.Err() == nil {
		t.Fatal("the caller's context was not cancelled: the test proves nothing")
	}
	tk, err := env.Deps.Store.GetTokens(t.Context(), c.ID)
	if err != nil || tk.AccessToken == "" || tk.RefreshToken == "" {
		t.Fatalf("tokens %v, %v: want stored", tk != nil, err)
	}
	got, _ := env.Deps.Store.GetConsent(t.Context(), c.ID)
	if got.Status != consent.StatusAuthorised {
		t.Errorf("consent %s, want Authorised", got.Status)
	}
	raw, err := env.Deps.Store.GetAuthSession(t.Context(), s.StateHash)
	if err != nil || raw.Status != consent.SessionDone || raw.Verifier != "" || raw.Code != "" {
		t.Errorf("session %+v (%v): want done, without verifier or code", raw, err)
	}
}
