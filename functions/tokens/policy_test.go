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
		{"recent", 2, 2},
		{"all", 4, 0},
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
			for _, id := range []string{idle, legacyIdle} {
				tk := f.tokens(t, id)
				switch {
				case tc.policy == "all" && (tk.RefreshDue.IsZero() || tk.AccessExpiresAt.Before(f.env.Deps.Now())):
					t.Errorf("idle consent %s not kept warm under policy all", id)
				case tc.policy == "recent" && !tk.RefreshDue.Equal(refresh.KeepAlivePoint(tk.RefreshExpiresAt)):
					// Still in the index, at the keep-alive point: it must not lapse unused.
					t.Errorf("idle consent %s due %v, want its keep-alive point %v (refresh token expires %v)",
						id, tk.RefreshDue, refresh.KeepAlivePoint(tk.RefreshExpiresAt), tk.RefreshExpiresAt)
				}
			}
			for _, id := range []string{used, legacyUsed} {
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
