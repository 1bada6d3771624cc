package main

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/config"
)

// BenchmarkRefreshThroughput: refreshes per minute of one scheduled run with
// 1, 4 and 16 refreshes in flight (REFRESH_CONCURRENCY) when the sandbox
// bank's token endpoint answers after 500 ms, as a real bank's does. BENCH_DUE
// (32) consents are due in every run. The goal is linear scaling within 20 %:
// the run's own work (index reads, leases, writes) must not be what limits it.
func BenchmarkRefreshThroughput(b *testing.B) {
	due := benchSize("BENCH_DUE", 32)
	env := testenv.Start(b, testenv.Options{Env: map[string]string{"REFRESH_POLICY": "all", "SEAL_PASS_ITEMS": "0"},
		Bank: sandbox.Options{RefreshMode: sandbox.RefreshRotate}})
	for range due {
		refreshtest.Authorise(b, env)
	}
	h := New(env.Deps)
	h.metrics = &testenv.SyncBuffer{}
	h.cfg.RefreshPolicy = config.RefreshAll
	for _, workers := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			h.cfg.RefreshConcurrency = workers
			var refreshed int
			var elapsed time.Duration
			for b.Loop() {
				b.StopTimer()
				env.Bank.Advance(25 * time.Minute) // every consent is due again
				env.Bank.Fail("/apis/oauth", sandbox.Fault{Delay: 500 * time.Millisecond, Count: due})
				b.StartTimer()
				t0 := time.Now()
				s, err := h.Handle(context.Background(), json.RawMessage(`{}`))
				elapsed += time.Since(t0)
				if err != nil || s.Refreshed != due {
					b.Fatalf("run: %v %+v", err, s)
				}
				refreshed += s.Refreshed
				env.Bank.ClearFaults()
			}
			b.ReportMetric(float64(refreshed)/elapsed.Minutes(), "refreshes/min")
		})
	}
}
