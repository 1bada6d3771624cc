package main

import (
	"context"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/shared/refresh"
)

func TestRefreshPolicy(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		policy             string
		refreshed, skipped int
	}{
		// The touch of "used" (after its tokens were issued) is in the unprojected
		// lastUse: the index still shows it idle, so this run finds the use under
		// the lease, keeps it due and records the use; the next run refreshes it.
		{"recent", 1, 3},
		{"all", 4, 0},
		// Nothing kept warm, used or not: every entry moves to its keep-alive point.
		{"ondemand", 0, 4},
	} {
		t.Run(tc.policy, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, sandbox.RefreshKeep, map[string]string{"REFRESH_POLICY": tc.policy, "REFRESH_RECENT_WINDOW": "72h"})
			ctx := context.Background()
			store := f.env.Deps.Store
			used := refreshtest.Authorise(t, f.env)
			idle := refreshtest.Authorise(t, f.env)
			// Tokens written before Tokens.UsedAt existed: judged by the consent.
			legacyUsed, legacyIdle := refreshtest.Authorise(t, f.env), refreshtest.Authorise(t, f.env)
			for _, id := range []string{legacyUsed, legacyIdle} {
				tk := f.tokens(t, id)
				tk.UsedAt = time.Time{}
				if err := store.PutTokens(ctx, tk); err != nil {
					t.Fatal(err)
				}
			}
			f.advance(73 * time.Hour)
			usedAt := f.env.Deps.Now().Add(-time.Hour).Truncate(time.Second)
			if err := store.TouchTokens(ctx, used, usedAt); err != nil {
				t.Fatal(err)
			}
			c := f.consent(t, legacyUsed)
			c.LastUsedAt = f.env.Deps.Now().Add(-time.Hour)
			if err := store.UpdateConsent(ctx, c); err != nil {
				t.Fatal(err)
			}
			s := f.run(t)
			if s.Due != 4 || s.Refreshed != tc.refreshed || s.Skipped != tc.skipped {
				t.Errorf("summary %+v", pick(s))
			}
			if tc.policy == "recent" {
				if s := f.run(t); s.Refreshed != 1 || s.Due != 1 {
					t.Errorf("second run: %+v, want the touched consent refreshed", pick(s))
				}
			}
			for _, id := range []string{idle, legacyIdle} {
				tk := f.tokens(t, id)
				switch {
				case tc.policy == "all" && (tk.RefreshDue.IsZero() || tk.AccessExpiresAt.Before(f.env.Deps.Now())):
					t.Errorf("idle consent %s not kept warm under policy all", id)
				case tc.policy != "all" && !tk.RefreshDue.Equal(refresh.KeepAlivePoint(tk.RefreshExpiresAt)):
					// Still in the index, at the keep-alive point: it must not lapse unused.
					t.Errorf("idle consent %s due %v, want its keep-alive point %v (refresh token expires %v)",
						id, tk.RefreshDue, refresh.KeepAlivePoint(tk.RefreshExpiresAt), tk.RefreshExpiresAt)
				}
			}
			for _, id := range []string{used, legacyUsed} {
				if tk := f.tokens(t, id); tc.policy == "ondemand" {
					if !tk.RefreshDue.Equal(refresh.KeepAlivePoint(tk.RefreshExpiresAt)) {
						t.Errorf("used consent %s due %v under ondemand, want its keep-alive point", id, tk.RefreshDue)
					}
					continue
				}
				if tk := f.tokens(t, id); tk.RefreshDue.IsZero() || tk.AccessExpiresAt.Before(f.env.Deps.Now()) {
					t.Errorf("used consent %s not refreshed and rescheduled", id)
				}
			}
			if tk := f.tokens(t, used); !tk.UsedAt.Equal(usedAt) {
				t.Errorf("refresh moved usedAt to %v", tk.UsedAt)
			}
		})
	}
}

// TestOnDemandRefreshSchedulesKeepAlive: under REFRESH_POLICY=ondemand a
// refresh the proxy makes for a call (Refresher.OnDemand) schedules the tokens
// at their keep-alive point, so the schedule does not keep them warm after it.
func TestOnDemandRefreshSchedulesKeepAlive(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshRotate, map[string]string{"REFRESH_POLICY": "ondemand"})
	id := refreshtest.Authorise(t, f.env)
	d := f.env.Deps
	ref := &refresh.Refresher{Store: d.Store, OAuth: d.OAuth, Now: d.Now, Holder: "proxy-test",
		Lookahead: d.Config.RefreshLookahead, OnDemand: true}
	tk, err := ref.Refresh(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.tokens(t, id); !got.RefreshDue.Equal(refresh.KeepAlivePoint(tk.RefreshExpiresAt)) || got.RefreshDue.IsZero() {
		t.Errorf("due %v after an on-demand refresh, want the keep-alive point %v", got.RefreshDue, refresh.KeepAlivePoint(tk.RefreshExpiresAt))
	}
	if s := f.run(t); s.Refreshed != 0 || s.Due != 0 {
		t.Errorf("the schedule worked a consent refreshed on demand: %+v", pick(s))
	}
}
