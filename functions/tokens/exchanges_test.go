package main

import (
	"context"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/shared/consent"
)

func TestPendingExchanges(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, nil)
	ctx := context.Background()
	store := f.env.Deps.Store
	pending := func(j *refreshtest.Journey) {
		t.Helper()
		if err := store.MarkExchangePending(ctx, j.StateHash, j.Code, f.env.Deps.Now()); err != nil {
			t.Fatal(err)
		}
	}
	// Too old: its session outlived AUTH_SESSION_TTL (10 minutes).
	old := refreshtest.StartJourney(t, f.env)
	pending(old)
	f.advance(11 * time.Minute)
	// Young: exchanged by the run.
	young := refreshtest.StartJourney(t, f.env)
	pending(young)
	// Refused: its code was already spent, so the bank answers invalid_grant.
	spent := refreshtest.StartJourney(t, f.env)
	if _, err := f.env.Deps.OAuth.Exchange(ctx, spent.Code, spent.Session.Verifier); err != nil {
		t.Fatal(err)
	}
	pending(spent)

	s := f.run(t)
	if s.ExchangesCompleted != 1 || s.ExchangesFailed != 2 || s.ExchangesRetry != 0 {
		t.Fatalf("summary %+v", s)
	}
	if c := f.consent(t, young.Consent.ID); c.Status != consent.StatusAuthorised {
		t.Errorf("young: %s", c.Status)
	}
	if tk := f.tokens(t, young.Consent.ID); tk.RefreshToken == "" || tk.RefreshDue.IsZero() {
		t.Error("young: tokens not stored or not scheduled")
	}
	for name, j := range map[string]*refreshtest.Journey{"old": old, "spent": spent} {
		c := f.consent(t, j.Consent.ID)
		if c.Status != consent.StatusFailed || c.LastError != "exchange_failed" {
			t.Errorf("%s: %s / %s", name, c.Status, c.LastError)
		}
	}
	// Nothing left pending.
	if s := f.run(t); s.ExchangesCompleted+s.ExchangesFailed+s.ExchangesRetry != 0 {
		t.Errorf("second run: %+v", s)
	}
	f.env.AssertNoSecrets(t, young.Code, young.Session.Verifier, old.Code, spent.Code)
}

func TestPendingExchangeTransient(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, nil)
	ctx := context.Background()
	j := refreshtest.StartJourney(t, f.env)
	if err := f.env.Deps.Store.MarkExchangePending(ctx, j.StateHash, j.Code, f.env.Deps.Now()); err != nil {
		t.Fatal(err)
	}
	f.env.Bank.Fail("/apis/oauth", sandbox.Fault{Status: 503})
	if s := f.run(t); s.ExchangesRetry != 1 {
		t.Fatalf("summary %+v", s)
	}
	if c := f.consent(t, j.Consent.ID); c.Status != consent.StatusAwaitingAuthorisation {
		t.Errorf("status %s", c.Status)
	}
	f.advance(45 * time.Second) // past the retry pause, within the bank's 60 s code lifetime
	if s := f.run(t); s.ExchangesCompleted != 1 {
		t.Fatalf("retry run %+v", s)
	}
	if c := f.consent(t, j.Consent.ID); c.Status != consent.StatusAuthorised {
		t.Errorf("status %s", c.Status)
	}
}

// TestPendingExchangeAnswerLost: the retry of a pending exchange loses the
// bank's answer (the bank issued tokens for the code). The code is not sent
// again: the session ends, the consent is not failed (it stays
// AwaitingAuthorisation for a new journey, lastError exchange_uncertain),
// and later runs make no further code request.
func TestPendingExchangeAnswerLost(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, nil)
	ctx := context.Background()
	store := f.env.Deps.Store
	j := refreshtest.StartJourney(t, f.env)
	if err := store.MarkExchangePending(ctx, j.StateHash, j.Code, f.env.Deps.Now()); err != nil {
		t.Fatal(err)
	}
	codeRequests := func() int {
		n := 0
		for _, r := range f.env.Bank.Requests() {
			if r.GrantType == "authorization_code" {
				n++
			}
		}
		return n
	}
	before := codeRequests()
	f.env.Bank.Fail("/apis/oauth", sandbox.Fault{DropAfterProcessing: true, Count: 10})
	if s := f.run(t); s.ExchangesFailed != 1 || s.ExchangesRetry != 0 || s.ExchangesCompleted != 0 {
		t.Fatalf("summary %+v: want the exchange ended", s)
	}
	if c := f.consent(t, j.Consent.ID); c.Status != consent.StatusAwaitingAuthorisation || c.LastError != "exchange_uncertain" {
		t.Errorf("consent %s / %q: want AwaitingAuthorisation / exchange_uncertain", c.Status, c.LastError)
	}
	s, err := store.GetAuthSession(ctx, j.StateHash)
	if err != nil || s.Status != consent.SessionFailed || s.Code != "" {
		t.Fatalf("session %+v (%v): want failed without its code", s, err)
	}
	f.advance(45 * time.Second) // past any retry pause
	if s := f.run(t); s.ExchangesCompleted+s.ExchangesFailed+s.ExchangesRetry != 0 {
		t.Errorf("second run: %+v", s)
	}
	if n := codeRequests() - before; n != 1 {
		t.Errorf("%d code requests, want exactly 1: the code must not be sent again", n)
	}
	f.env.AssertNoSecrets(t, j.Code, j.Session.Verifier)
}
