package main

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/shared/consent"
)

func TestDueRefreshedOthersUntouched(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, nil)
	a := refreshtest.Authorise(t, f.env)
	f.advance(25 * time.Minute) // A's access token expires in 5 minutes: due
	b := refreshtest.Authorise(t, f.env)
	a0, b0 := f.tokens(t, a), f.tokens(t, b)

	s := f.run(t)
	want := Summary{Due: 1, Refreshed: 1}
	if diff := cmp.Diff(want, pick(s)); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	a1, b1 := f.tokens(t, a), f.tokens(t, b)
	if a1.AccessToken == a0.AccessToken || a1.Version != a0.Version+1 {
		t.Error("consent A not refreshed")
	}
	if !a1.RefreshDue.Equal(a1.AccessExpiresAt.Add(-10 * time.Minute)) {
		t.Errorf("A's next due %v, want access expiry %v - 10m", a1.RefreshDue, a1.AccessExpiresAt)
	}
	if b1.Version != b0.Version || b1.AccessToken != b0.AccessToken {
		t.Error("consent B (not due) was touched")
	}
	if n, _ := refreshtest.RefreshGrants(f.env.Bank); n != 1 {
		t.Errorf("%d refresh calls, want 1", n)
	}
	// A second run finds nothing due.
	if s := f.run(t); s.Due != 0 || s.Refreshed != 0 {
		t.Errorf("second run: %+v", s)
	}
	// The summary: one log line and EMF metrics per run.
	runs := f.logLines(t, "tokens run")
	if len(runs) != 2 || runs[0]["refreshed"] != 1.0 || runs[0]["due"] != 1.0 {
		t.Errorf("summary log lines: %v", runs)
	}
	var summaries int
	for _, m := range f.emfLines(t) {
		if _, ok := m["Refreshed"]; ok {
			summaries++
			aws := m["_aws"].(map[string]any)["CloudWatchMetrics"].([]any)[0].(map[string]any)
			if aws["Namespace"] != "CoopConnector" || !cmp.Equal(aws["Dimensions"], []any{[]any{"Environment"}}) || m["Environment"] != "sandbox" {
				t.Errorf("namespace %v dimensions %v Environment %v; want CoopConnector, [[Environment]], sandbox", aws["Namespace"], aws["Dimensions"], m["Environment"])
			}
			for _, k := range []string{"Due", "RetryLater", "ReauthRequired", "Expired", "Skipped", "ExchangesCompleted", "ExchangesFailed", "DurationMs"} {
				if _, ok := m[k]; !ok {
					t.Errorf("summary EMF lacks %s", k)
				}
			}
		}
	}
	if summaries != 2 {
		t.Errorf("%d summary EMF lines, want 2", summaries)
	}
	f.env.AssertNoSecrets(t, a0.AccessToken, a0.RefreshToken, a1.AccessToken, b0.RefreshToken)
}

// pick keeps the counters a test compares.
func pick(s Summary) Summary {
	return Summary{Due: s.Due, Refreshed: s.Refreshed, RetryLater: s.RetryLater, ReauthRequired: s.ReauthRequired,
		Expired: s.Expired, Skipped: s.Skipped, Remaining: s.Remaining, Errors: s.Errors}
}

func TestRotationPersisted(t *testing.T) {
	t.Parallel()
	for _, mode := range []sandbox.RefreshMode{sandbox.RefreshRotate, sandbox.RefreshRotateOneTime} {
		t.Run(mode.String(), func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, mode, nil)
			id := refreshtest.Authorise(t, f.env)
			prev := f.tokens(t, id)
			for i := range 3 {
				f.advance(25 * time.Minute)
				if s := f.run(t); s.Refreshed != 1 {
					t.Fatalf("run %d: %+v", i, pick(s))
				}
				cur := f.tokens(t, id)
				if cur.RefreshToken == prev.RefreshToken {
					t.Errorf("run %d: rotated refresh token not stored", i)
				}
				prev = cur
			}
			if n, by := refreshtest.RefreshGrants(f.env.Bank); n != 3 || by[200] != 3 {
				t.Errorf("bank refresh grants %d %v, want 3 × 200", n, by)
			}
		})
	}
}

func TestConcurrentRuns(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshRotateOneTime, map[string]string{"REFRESH_CONCURRENCY": "2"})
	const n = 6
	var ids []string
	for range n {
		ids = append(ids, refreshtest.Authorise(t, f.env))
	}
	f.advance(25 * time.Minute)
	var wg sync.WaitGroup
	sums := make([]Summary, 2)
	errs := make([]error, 2)
	for i := range sums {
		wg.Go(func() { sums[i], errs[i] = f.h.Handle(context.Background(), json.RawMessage(`{}`)) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := sums[0].Refreshed + sums[1].Refreshed; got != n {
		t.Errorf("refreshed %d in total, want %d: %+v %+v", got, n, pick(sums[0]), pick(sums[1]))
	}
	if total, by := refreshtest.RefreshGrants(f.env.Bank); total != n || by[200] != n {
		t.Errorf("bank refresh grants %d %v, want exactly one per consent", total, by)
	}
	// Every stored refresh token is the live one.
	f.advance(25 * time.Minute)
	if s := f.run(t); s.Refreshed != n {
		t.Errorf("next run: %+v", pick(s))
	}
	for _, id := range ids {
		if c := f.consent(t, id); c.Status != consent.StatusAuthorised {
			t.Errorf("consent %s: %s", id, c.Status)
		}
	}
}
