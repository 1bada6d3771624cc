package main

import (
	"context"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank"
	"github.com/coop-ob/connector/shared/refresh/refreshtest"
)

func TestRefreshPolicy(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		policy             string
		refreshed, skipped int
		idleScheduled      bool
	}{
		{"recent", 1, 1, false},
		{"all", 2, 0, true},
	} {
		t.Run(tc.policy, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, bank.RefreshKeep, map[string]string{"REFRESH_POLICY": tc.policy, "REFRESH_RECENT_WINDOW": "72h"})
			used := refreshtest.Authorise(t, f.env)
			idle := refreshtest.Authorise(t, f.env)
			f.advance(73 * time.Hour)
			c := f.consent(t, used)
			c.LastUsedAt = f.env.Deps.Now().Add(-time.Hour)
			if err := f.env.Deps.Store.UpdateConsent(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			s := f.run(t)
			if s.Due != 2 || s.Refreshed != tc.refreshed || s.Skipped != tc.skipped {
				t.Errorf("summary %+v", pick(s))
			}
			if tk := f.tokens(t, idle); tk.RefreshDue.IsZero() == tc.idleScheduled {
				t.Errorf("idle consent scheduled = %v, want %v", !tk.RefreshDue.IsZero(), tc.idleScheduled)
			}
			if tk := f.tokens(t, used); tk.RefreshDue.IsZero() || tk.AccessExpiresAt.Before(f.env.Deps.Now()) {
				t.Error("used consent not refreshed and rescheduled")
			}
		})
	}
}
