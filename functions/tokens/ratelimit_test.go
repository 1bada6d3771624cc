package main

import (
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
)

// TestBacklogDrainsInDeadlineOrder: a backlog larger than one run's allowance
// (REFRESH_RATE_LIMIT × REFRESH_INTERVAL = 2 entries) is worked over several
// runs, and across the index's shards the refresh token that lapses soonest
// always goes first.
func TestBacklogDrainsInDeadlineOrder(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshRotate, map[string]string{"REFRESH_POLICY": "ondemand",
		"REFRESH_RATE_LIMIT": "1", "REFRESH_INTERVAL": "2s", "REFRESH_SHARDS": "4"})
	// Five consents whose refresh tokens lapse an hour apart, authorised in
	// an order that is not their shards' order.
	var ids []string
	for range 5 {
		ids = append(ids, refreshtest.Authorise(t, f.env))
		f.advance(time.Hour)
	}
	lapse := make(map[string]time.Time)
	for _, id := range ids {
		lapse[id] = f.tokens(t, id).RefreshExpiresAt
	}
	// Past every keep-alive point, before any lapse.
	f.advance(30*24*time.Hour - 48*time.Hour + time.Hour)
	var order []string
	for run, want := range []int{2, 2, 1} {
		s := f.run(t)
		if s.Refreshed != want {
			t.Fatalf("run %d: %+v, want %d refreshed", run, pick(s), want)
		}
		if want == 2 && (!s.RateLimited || s.Deferred == 0 || s.LapseMarginMinutes <= 0) {
			t.Errorf("run %d: not reported as rate limited: rateLimited %v deferred %d margin %d",
				run, s.RateLimited, s.Deferred, s.LapseMarginMinutes)
		}
		for _, id := range ids {
			if !contains(order, id) && f.tokens(t, id).RefreshExpiresAt.After(lapse[id]) {
				order = append(order, id)
			}
		}
		if len(order) != 2*run+min(want, 2) {
			t.Fatalf("run %d: %d consents kept alive so far, want %d", run, len(order), 2*run+want)
		}
	}
	published := 0
	for _, line := range f.emfLines(t) {
		if m, ok := line["LapseMarginMinutes"].(float64); ok && m > 0 && line["Deferred"] != nil {
			published++
		}
	}
	if published != 2 {
		t.Errorf("%d runs published LapseMarginMinutes and Deferred, want the 2 rate-limited ones", published)
	}
	for i, id := range ids {
		if order[i] != id {
			t.Fatalf("kept alive in order %v, want deadline order %v", order, ids)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
