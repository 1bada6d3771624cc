package main

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh"
)

// idleFixture is a fixture under REFRESH_POLICY=recent with one authorised
// consent left idle for longer than the recent window: after one run it sits
// at its keep-alive point. It returns the consent id and its tokens then.
func idleFixture(t *testing.T, mode sandbox.RefreshMode) (*fixture, string, *consent.Tokens) {
	t.Helper()
	f := newFixture(t, mode, map[string]string{"REFRESH_POLICY": "recent", "REFRESH_RECENT_WINDOW": "72h"})
	id := refreshtest.Authorise(t, f.env)
	f.advance(73 * time.Hour)
	if s := f.run(t); s.Due != 1 || s.Skipped != 1 || s.Refreshed != 0 {
		t.Fatalf("idle run: summary %+v", pick(s))
	}
	tk := f.tokens(t, id)
	if want := refresh.KeepAlivePoint(tk.RefreshExpiresAt); tk.RefreshExpiresAt.IsZero() || !tk.RefreshDue.Equal(want) {
		t.Fatalf("idle consent due %v, want its keep-alive point %v (not removed from the index)", tk.RefreshDue, want)
	}
	if n, _ := refreshtest.RefreshGrants(f.env.Bank); n != 0 {
		t.Fatalf("%d bank refreshes for an idle consent before its keep-alive point", n)
	}
	return f, id, tk
}

// advanceTo moves the shared clock just past at.
func (f *fixture) advanceTo(at time.Time) {
	if d := at.Sub(f.env.Deps.Now()); d > 0 {
		f.advance(d + time.Second)
	}
}

// quiet checks that a run half an hour later finds nothing due and calls the bank for nothing.
func (f *fixture) quiet(t *testing.T, why string) {
	t.Helper()
	before, _ := refreshtest.RefreshGrants(f.env.Bank)
	f.advance(31 * time.Minute)
	s := f.run(t)
	if after, _ := refreshtest.RefreshGrants(f.env.Bank); s.Due != 0 || after != before {
		t.Errorf("%s: a run 31 minutes later read %d due and made %d bank refreshes, want none", why, s.Due, after-before)
	}
}

func TestKeepAliveRotating(t *testing.T) {
	t.Parallel()
	f, id, first := idleFixture(t, sandbox.RefreshRotateOneTime)
	f.quiet(t, "idle before its keep-alive point")
	prev := first
	for i := range 2 {
		f.advanceTo(prev.RefreshDue)
		if s := f.run(t); s.Due != 1 || s.Refreshed != 1 {
			t.Fatalf("keep-alive %d: summary %+v", i, pick(s))
		}
		tk := f.tokens(t, id)
		if tk.RefreshToken == prev.RefreshToken || !tk.RefreshExpiresAt.After(prev.RefreshExpiresAt) {
			t.Errorf("keep-alive %d: refresh token rotated %v, expiry %v → %v", i, tk.RefreshToken != prev.RefreshToken,
				prev.RefreshExpiresAt, tk.RefreshExpiresAt)
		}
		// Still idle: due at the new refresh token's keep-alive point, not every 30 minutes.
		if want := refresh.KeepAlivePoint(tk.RefreshExpiresAt); !tk.RefreshDue.Equal(want) || !tk.UsedAt.Equal(first.UsedAt) {
			t.Errorf("keep-alive %d: due %v, want %v; usedAt %v → %v", i, tk.RefreshDue, want, first.UsedAt, tk.UsedAt)
		}
		f.quiet(t, "after a keep-alive refresh")
		prev = tk
	}
	// Past the first refresh token's 30 days the consent lives on.
	if now := f.env.Deps.Now(); !now.After(first.RefreshExpiresAt) {
		t.Fatalf("clock %v not past the first refresh token's expiry %v", now, first.RefreshExpiresAt)
	}
	if c := f.consent(t, id); c.Status != consent.StatusAuthorised {
		t.Errorf("status %q, want Authorised", c.Status)
	}
	if total, by := refreshtest.RefreshGrants(f.env.Bank); total != 2 || by[200] != 2 {
		t.Errorf("bank refresh grants %d %v, want 2 answered 200", total, by)
	}
}

func TestKeepAliveKeptRefreshToken(t *testing.T) {
	t.Parallel()
	f, id, first := idleFixture(t, sandbox.RefreshKeep)
	f.advanceTo(first.RefreshDue)
	if s := f.run(t); s.Due != 1 || s.Refreshed != 1 {
		t.Fatalf("keep-alive: summary %+v", pick(s))
	}
	tk := f.tokens(t, id)
	if tk.RefreshToken != first.RefreshToken || !tk.RefreshExpiresAt.Equal(first.RefreshExpiresAt) {
		t.Errorf("kept refresh token changed: same %v, expiry %v → %v", tk.RefreshToken == first.RefreshToken,
			first.RefreshExpiresAt, tk.RefreshExpiresAt)
	}
	// Not extended: the next due point is the expiry itself, not the keep-alive point again.
	if !tk.RefreshDue.Equal(tk.RefreshExpiresAt) {
		t.Errorf("due %v, want the refresh token's expiry %v", tk.RefreshDue, tk.RefreshExpiresAt)
	}
	f.quiet(t, "after a keep-alive refresh that did not extend the refresh token")
	f.advanceTo(tk.RefreshExpiresAt.Add(-time.Hour))
	f.quiet(t, "an hour before the refresh token lapses")

	f.advanceTo(tk.RefreshExpiresAt)
	if s := f.run(t); s.Due != 1 || s.Expired != 1 {
		t.Fatalf("at expiry: summary %+v", pick(s))
	}
	if total, _ := refreshtest.RefreshGrants(f.env.Bank); total != 1 {
		t.Errorf("%d bank refreshes, want the one keep-alive (none at expiry)", total)
	}
	if c := f.consent(t, id); c.Status != consent.StatusExpired || c.LastAction != refresh.ActionReauthenticate {
		t.Errorf("consent %q action %q, want Expired, reauthenticate", c.Status, c.LastAction)
	}
	// The Expired consent's tokens are deleted with its status write.
	if _, err := f.env.Deps.Store.GetTokens(context.Background(), id); !errors.Is(err, consent.ErrNotFound) {
		t.Errorf("expired tokens: %v, want erased", err)
	}
}
