package main

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh"
)

// BenchmarkCostPerOperation measures, for one consent at a time, the
// DynamoDB capacity of each operation the cost model in docs/performance.md
// composes (request counts and units, computed from the sizes of the real
// items): a proxy read's two GetItems, a touch, an on-demand refresh (the
// proxy's, under REFRESH_POLICY=ondemand), a scheduled warm refresh (policy
// all: the index read included) and an empty scheduled run (16 shards). The
// sandbox bank's tokens are short (tens of bytes); docs/performance.md adds
// what 1.5 KB bank tokens would.
func BenchmarkCostPerOperation(b *testing.B) {
	// SEAL_PASS_ITEMS=0: the runs measured are the steady state, after the upgrade's sealing
	// pass is done (docs/performance.md counts the pass on its own).
	env := testenv.Start(b, testenv.Options{Env: map[string]string{"REFRESH_POLICY": "all", "REFRESH_SHARDS": "16", "SEAL_PASS_ITEMS": "0"},
		Bank: sandbox.Options{RefreshMode: sandbox.RefreshRotate}})
	c := &capacityDDB{DynamoDBAPI: env.DDB, table: env.Table}
	store := consent.New(c, env.Table)
	store.Now, store.Shards, store.Sealer = env.Deps.Now, env.Deps.Store.Shards, env.Deps.Store.Sealer
	h := New(env.Deps)
	h.metrics = &testenv.SyncBuffer{}
	h.store, h.exchanger.Store = store, store
	ctx := context.Background()
	type cost struct{ wru, iwru, rru, calls float64 }
	totals := map[string]*cost{}
	measure := func(name string, f func()) {
		c.reset()
		f()
		t := totals[name]
		if t == nil {
			t = &cost{}
			totals[name] = t
		}
		c.mu.Lock()
		t.wru += c.wru
		t.iwru += c.iwru
		t.rru += c.rru
		for _, n := range c.calls {
			t.calls += float64(n)
		}
		c.mu.Unlock()
	}
	ondemand := &refresh.Refresher{Store: store, OAuth: env.Deps.OAuth, Now: env.Deps.Now, Holder: "proxy-bench",
		Lookahead: env.Deps.Config.RefreshLookahead, OnDemand: true}
	n := 0
	for b.Loop() {
		n++
		id := refreshtest.Authorise(b, env)
		owner := ""
		if c, err := env.Deps.Store.GetConsent(ctx, id); err == nil {
			owner = c.Owner
		}
		measure("proxyRead", func() { // the proxy's read: consent and tokens in one BatchGetItem
			if _, _, err := store.GetConsentAndTokens(ctx, id, owner); err != nil {
				b.Fatal(err)
			}
		})
		measure("touch", func() {
			if err := store.TouchTokens(ctx, id, env.Deps.Now()); err != nil {
				b.Fatal(err)
			}
		})
		measure("onDemandRefresh", func() {
			if _, err := ondemand.Refresh(ctx, id); err != nil {
				b.Fatal(err)
			}
		})
		// The consent is now due at its keep-alive point; make it due now,
		// as a warm consent is every 20 minutes, and let a run refresh it.
		if err := store.SetRefreshDue(ctx, id, env.Deps.Now().Add(-time.Second)); err != nil {
			b.Fatal(err)
		}
		measure("warmRefresh", func() {
			if s, err := h.Handle(ctx, nil); err != nil || s.Refreshed != 1 {
				b.Fatalf("run: %+v %v", s, err)
			}
		})
		measure("emptyRun", func() {
			if s, err := h.Handle(ctx, nil); err != nil || s.Due != 0 {
				b.Fatalf("run: %+v %v", s, err)
			}
		})
		if err := store.ClearRefreshDue(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
	names := make([]string, 0, len(totals))
	for k := range totals {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		t := totals[k]
		b.ReportMetric(t.calls/float64(n), k+"-requests/op")
		b.ReportMetric(t.wru/float64(n), k+"-WRU/op")
		b.ReportMetric(t.iwru/float64(n), k+"-indexWRU/op")
		b.ReportMetric(t.rru/float64(n), k+"-RRU/op")
	}
}
