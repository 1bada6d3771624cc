package main

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/refresh"
)

// reconfirmFixture is a fixture whose reconfirmation period is one hour (settings, as in production).
func reconfirmFixture(t *testing.T, mode string, more ...string) *fixture {
	t.Helper()
	env := map[string]string{"RECONFIRM_PERIOD": "1h", "RECONFIRM_WARN": "10m", "RECONFIRM_MODE": mode}
	for i := 0; i+1 < len(more); i += 2 {
		env[more[i]] = more[i+1]
	}
	f := &fixture{t: t, env: testenv.Start(t, testenv.Options{Env: env})}
	f.h = New(f.env.Deps)
	f.h.retry.Sleep = func(context.Context, time.Duration) error { return nil }
	return f
}

// TestReconfirmationEnforced: past reconfirmBy an AIS call answers 403 reconfirmation-required
// (action reconfirm) without touching the consent or the tokens; a late reconfirmation restores
// access, and so does a re-authentication at the bank.
func TestReconfirmationEnforced(t *testing.T) {
	t.Parallel()
	f := reconfirmFixture(t, "enforce")
	c := f.aisConsent(owner, false)
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)

	f.env.Bank.Advance(time.Hour)
	before, tokBefore := f.consent(c.ID), f.tokens(c.ID)
	wantProblem(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusForbidden,
		httpapi.TypeReconfirmationRequired, httpapi.ActionReconfirm)
	wantProblem(t, f.call(aisGet(c, "", "", "")), http.StatusForbidden, httpapi.TypeReconfirmationRequired, httpapi.ActionReconfirm)
	if after := f.consent(c.ID); after.Version != before.Version || after.Status != consent.StatusAuthorised {
		t.Errorf("the refusal wrote the consent (version %d → %d, status %s)", before.Version, after.Version, after.Status)
	}
	// Nor is the use recorded (Tokens.UsedAt, more than touchEvery later); the tokens themselves
	// are unchanged (their schedule is TestReconfirmationStopsWarmRefreshes').
	if tk := f.tokens(c.ID); tk.Version != tokBefore.Version || !tk.UsedAt.Equal(tokBefore.UsedAt) {
		t.Errorf("the refusal wrote the tokens (version %d → %d, usedAt %v → %v)", tokBefore.Version, tk.Version, tokBefore.UsedAt, tk.UsedAt)
	}

	// A late reconfirmation (recorded as POST /consents/{id}/reconfirm does) restores access.
	late := f.consent(c.ID)
	if _, err := consent.Apply(late, consent.Reconfirmed, f.env.Deps.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := f.env.Deps.Store.UpdateConsent(context.Background(), late); err != nil {
		t.Fatal(err)
	}
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)

	// A re-authentication at the bank counts as a reconfirmation.
	f.env.Bank.Advance(time.Hour)
	wantProblem(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusForbidden,
		httpapi.TypeReconfirmationRequired, httpapi.ActionReconfirm)
	f.authorise(f.consent(c.ID), false, nil)
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
}

// TestReconfirmationWarnOnly: under RECONFIRM_MODE=warn access goes on past reconfirmBy.
func TestReconfirmationWarnOnly(t *testing.T) {
	t.Parallel()
	f := reconfirmFixture(t, "warn")
	c := f.aisConsent(owner, false)
	f.env.Bank.Advance(2 * time.Hour)
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
}

// TestReconfirmationStopsWarmRefreshes: under the warm refresh policies a refusal for
// reconfirmation moves the tokens' scheduled refresh to their keep-alive point (no warm
// refresh; the refresh token is still kept alive); after a late reconfirmation the next use
// refreshes on demand and the tokens are kept warm again.
func TestReconfirmationStopsWarmRefreshes(t *testing.T) {
	t.Parallel()
	for _, policy := range []string{"all", "recent"} {
		t.Run(policy, func(t *testing.T) {
			t.Parallel()
			f := reconfirmFixture(t, "enforce", "REFRESH_POLICY", policy, "REFRESH_RECENT_WINDOW", "720h")
			c := f.aisConsent(owner, false)
			warm := func() bool {
				tk := f.tokens(c.ID)
				if tk.RefreshDue.IsZero() {
					t.Fatal("tokens out of the refresh index")
				}
				return tk.RefreshDue.Before(refresh.KeepAlivePoint(tk.RefreshExpiresAt))
			}
			if !warm() {
				t.Fatal("an authorised consent is not kept warm")
			}
			f.env.Bank.Advance(time.Hour)
			wantProblem(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusForbidden,
				httpapi.TypeReconfirmationRequired, httpapi.ActionReconfirm)
			if tk := f.tokens(c.ID); !tk.RefreshDue.Equal(refresh.KeepAlivePoint(tk.RefreshExpiresAt)) {
				t.Fatalf("past reconfirmBy the refresh is due %v, want the keep-alive point %v",
					tk.RefreshDue, refresh.KeepAlivePoint(tk.RefreshExpiresAt))
			}
			late := f.consent(c.ID)
			if _, err := consent.Apply(late, consent.Reconfirmed, f.env.Deps.Now(), ""); err != nil {
				t.Fatal(err)
			}
			if err := f.env.Deps.Store.UpdateConsent(context.Background(), late); err != nil {
				t.Fatal(err)
			}
			f.env.Bank.Advance(45 * time.Minute) // past the access token's 30 minutes
			wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
			if !warm() {
				t.Error("after a reconfirmation and a use the consent is not kept warm again")
			}
		})
	}
}
