package e2e

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/stack"
)

// TestScheduleBacklogDrainsInDeadlineOrder runs its own small stack whose tokens function may
// hand out 3 due entries a run (REFRESH_RATE_LIMIT 1/s × REFRESH_INTERVAL 3 s), so that the
// shared stack's allowance, sized for every other test's consents, stays as it is. Seven
// consents are made due with deadlines (refreshDue) in an order unrelated to the order they
// were created in, a backlog of more than two runs' allowance. Each scheduled run must send the
// three earliest deadlines still waiting to the refresh queue, and the worker (the tokens
// function under the emulator, fed by the stack's event source mapping) must refresh exactly
// those: run 1 the 1st–3rd deadlines, run 2 the 4th–6th, run 3 the 7th. A run that read
// the index shard by shard, or in creation order, or handed out more than its allowance, fails.
func TestScheduleBacklogDrainsInDeadlineOrder(t *testing.T) {
	env := maps.Clone(stackEnv)
	env["REFRESH_RATE_LIMIT"], env["REFRESH_INTERVAL"] = "1", "3s"
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	small, err := stack.Start(ctx, stack.Options{Root: repoRoot, FunctionsDir: functionsDir,
		ScheduleEvery: 24 * time.Hour, QueueVisibilityTimeout: 2 * time.Second, Env: env})
	if err != nil {
		t.Fatalf("start the small stack: %v", err)
	}
	// The helpers (caller, journey, table) use st: the tests run one at a time, so this one
	// points st at its own stack and puts the shared one back.
	shared := st
	st = small
	t.Cleanup(func() {
		// The small stack's logs get the same check as the shared one's at the end.
		if err := checkLogs(context.Background()); err != nil {
			t.Errorf("small stack: %v", err)
		}
		st = shared
		if denied := small.AccessDenied(); len(denied) > 0 {
			t.Errorf("calls template.yaml does not grant: %v", denied)
		}
		if err := small.Close(); err != nil {
			t.Errorf("close the small stack: %v", err)
		}
	})

	c := newCaller(t)
	const n, allowance = 7, 3
	ids := make([]string, n)
	for i := range ids {
		ids[i] = c.authorisedAIS(t)
	}
	// Deadlines in the past (so due now and earlier than any entry a refresh re-schedules),
	// ranked by this permutation of the creation order: ids[rank[k]] has the k-th deadline.
	rank := []int{4, 0, 6, 2, 5, 1, 3}
	store := tableStore()
	base := time.Now().Add(-time.Hour).Truncate(time.Second)
	versions := map[string]int64{}
	for k, i := range rank {
		if err := store.SetRefreshDue(t.Context(), ids[i], base.Add(time.Duration(k)*time.Minute)); err != nil {
			t.Fatal(err)
		}
		tk, err := store.GetTokens(t.Context(), ids[i])
		if err != nil {
			t.Fatal(err)
		}
		versions[ids[i]] = tk.Version
	}

	for run, want := range [][]int{{0, 1, 2}, {3, 4, 5}, {6}} {
		tickAndDrain(t)
		for k, i := range rank {
			id := ids[i]
			tk, err := store.GetTokens(t.Context(), id)
			if err != nil {
				t.Fatal(err)
			}
			refreshed := tk.Version > versions[id]
			wantNow := k >= want[0] && k <= want[len(want)-1]
			versions[id] = tk.Version
			if k < want[0] && n-want[0] < allowance {
				// Refreshed in an earlier run and due again (policy recent, 30-minute
				// lookahead): once fewer seeded deadlines wait than the allowance, the rest
				// of it goes to these, which is not the order under test.
				continue
			}
			switch {
			case refreshed && !wantNow:
				t.Errorf("run %d refreshed the consent with deadline %d, want deadlines %v (created %d of 7)", run+1, k+1, plus1(want), i+1)
			case !refreshed && wantNow:
				t.Errorf("run %d did not refresh the consent with deadline %d, want deadlines %v", run+1, k+1, plus1(want))
			}
		}
	}
	harvest(t)
}

func plus1(ks []int) []int {
	out := make([]int, len(ks))
	for i, k := range ks {
		out[i] = k + 1
	}
	return out
}
