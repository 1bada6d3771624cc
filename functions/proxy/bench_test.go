package main

import (
	"context"
	"net/http"
	"slices"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/seal"
	"github.com/coop-ob/connector/shared/setup"
)

// countingKMS counts the KMS requests of the benchmark.
type countingKMS struct {
	seal.KMS
	n atomic.Int64
}

func (c *countingKMS) GenerateDataKey(ctx context.Context, in *kms.GenerateDataKeyInput, o ...func(*kms.Options)) (*kms.GenerateDataKeyOutput, error) {
	c.n.Add(1)
	return c.KMS.GenerateDataKey(ctx, in, o...)
}

func (c *countingKMS) Decrypt(ctx context.Context, in *kms.DecryptInput, o ...func(*kms.Options)) (*kms.DecryptOutput, error) {
	c.n.Add(1)
	return c.KMS.Decrypt(ctx, in, o...)
}

// BenchmarkBalances measures GET balances through Handle against the local
// sandbox bank (real mTLS, kumo for the store) and, in the same run, the
// same call made directly with bankapi.Client.Do and the same token.
// ns/op, B/op and allocs/op are the proxy call only (the direct call runs
// with the timer stopped). Everything runs in one process: the bank's and
// kumo's server-side work is inside these figures, and the difference
// between the proxy and direct metrics is the proxy's own cost plus its
// DynamoDB reads (GetItem consent, GetItem tokens), which are timed alone
// as store-reads-p50-µs. kms-requests/1000-reads counts the KMS requests
// (GenerateDataKey and Decrypt) of the timed proxy calls per 1,000: zero once
// the container's data key is cached. In the same loop, untimed, a proxy
// without sealing (SEAL_KEY_ID empty: its own store, another consent whose
// tokens are stored plain) makes the same call: plain-overhead-p50-µs is its
// overhead over the direct call, and sealing-cost-p50-µs the difference
// between the two overheads, measured interleaved. Also interleaved, a third
// proxy whose store client lacks BatchGetItem reads the consent and its tokens
// with two GetItems, as every proxy did before (the store's fallback):
// tworeads-overhead-p50/p99-µs is its overhead, the "before" of the one-request
// read, and store-tworeads-p50-µs its two reads alone beside store-reads-p50-µs
// (one BatchGetItem).
func BenchmarkBalances(b *testing.B) {
	f := newFixture(b)
	kmsCalls := &countingKMS{KMS: f.env.KMS}
	cfg := f.env.Deps.Config
	f.env.Deps.Store.Sealer = seal.New(kmsCalls, cfg.SealKeyID, seal.Context(cfg.TableName, setup.SealPurpose), seal.Settings{})
	c := f.aisConsent(owner, false)
	token := f.tokens(c.ID).AccessToken
	req := aisGet(c, "/balances", "1001", "").event()
	sealer := f.env.Deps.Store.Sealer
	plainDeps := *f.env.Deps
	plainStore := *f.env.Deps.Store
	plainStore.Sealer = nil
	plainDeps.Store = &plainStore
	f.env.Deps.Store.Sealer = nil // the plain consent's tokens are written plain
	cp := f.aisConsent(owner, false)
	f.env.Deps.Store.Sealer = sealer
	plainH := New(&plainDeps)
	twoDeps, err := setup.NewWith(cfg, struct{ consent.DynamoDBAPI }{f.env.DDB}, f.env.SM, f.env.Deps.Logger)
	if err != nil {
		b.Fatal(err)
	}
	twoDeps.UseSealer(f.env.KMS)
	twoDeps.SetClock(f.env.Bank.Now)
	twoDeps.Metrics = f.env.Deps.Metrics // not stdout
	twoH := New(twoDeps)
	plainReq := aisGet(cp, "/balances", "1001", "").event()
	ctx := context.Background()
	direct := bankapi.Request{Method: http.MethodGet, Path: balancesPath, AccessToken: token}
	// Warm both paths (TLS connection, token cache, the tokens' usedAt write).
	for range 3 {
		if resp, _ := f.h.Handle(ctx, req); resp.StatusCode != http.StatusOK {
			b.Fatalf("proxy status %d: %s", resp.StatusCode, resp.Body)
		}
		if _, err := f.env.Deps.Bank.Do(ctx, direct); err != nil {
			b.Fatal(err)
		}
		if resp, _ := plainH.Handle(ctx, plainReq); resp.StatusCode != http.StatusOK {
			b.Fatalf("plain proxy status %d: %s", resp.StatusCode, resp.Body)
		}
		if resp, _ := twoH.Handle(ctx, req); resp.StatusCode != http.StatusOK {
			b.Fatalf("two-reads proxy status %d: %s", resp.StatusCode, resp.Body)
		}
	}
	var proxyLat, directLat, storeLat, plainLat, twoLat, twoStoreLat []time.Duration
	var proxyCPU, directCPU time.Duration
	kmsBefore := kmsCalls.n.Load()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c0, t0 := cpuTime(), time.Now()
		resp, _ := f.h.Handle(ctx, req)
		proxyLat = append(proxyLat, time.Since(t0))
		proxyCPU += cpuTime() - c0
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("proxy status %d", resp.StatusCode)
		}
		b.StopTimer()
		c0, t0 = cpuTime(), time.Now()
		_, err := f.env.Deps.Bank.Do(ctx, direct)
		directLat = append(directLat, time.Since(t0))
		directCPU += cpuTime() - c0
		if err != nil {
			b.Fatal(err)
		}
		t0 = time.Now()
		if _, _, err := f.env.Deps.Store.GetConsentAndTokens(ctx, c.ID, owner); err != nil {
			b.Fatal(err)
		}
		storeLat = append(storeLat, time.Since(t0))
		t0 = time.Now()
		if _, err := twoDeps.Store.GetConsentForOwner(ctx, c.ID, owner); err != nil {
			b.Fatal(err)
		}
		if _, err := twoDeps.Store.GetTokens(ctx, c.ID); err != nil {
			b.Fatal(err)
		}
		twoStoreLat = append(twoStoreLat, time.Since(t0))
		t0 = time.Now()
		if resp, _ := twoH.Handle(ctx, req); resp.StatusCode != http.StatusOK {
			b.Fatalf("two-reads proxy status %d", resp.StatusCode)
		}
		twoLat = append(twoLat, time.Since(t0))
		t0 = time.Now()
		if resp, _ := plainH.Handle(ctx, plainReq); resp.StatusCode != http.StatusOK {
			b.Fatalf("plain proxy status %d", resp.StatusCode)
		}
		plainLat = append(plainLat, time.Since(t0))
		b.StartTimer()
	}
	n := float64(len(proxyLat))
	b.ReportMetric(float64(kmsCalls.n.Load()-kmsBefore)*1000/n, "kms-requests/1000-reads")
	us := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
	b.ReportMetric(us(pct(proxyLat, 50)), "proxy-p50-µs")
	b.ReportMetric(us(pct(proxyLat, 99)), "proxy-p99-µs")
	b.ReportMetric(us(pct(directLat, 50)), "direct-p50-µs")
	b.ReportMetric(us(pct(directLat, 99)), "direct-p99-µs")
	b.ReportMetric(us(pct(proxyLat, 50)-pct(directLat, 50)), "overhead-p50-µs")
	b.ReportMetric(us(pct(proxyLat, 99)-pct(directLat, 99)), "overhead-p99-µs")
	b.ReportMetric(us(pct(twoLat, 50)-pct(directLat, 50)), "tworeads-overhead-p50-µs")
	b.ReportMetric(us(pct(twoLat, 99)-pct(directLat, 99)), "tworeads-overhead-p99-µs")
	b.ReportMetric(us(pct(storeLat, 50)), "store-reads-p50-µs")
	b.ReportMetric(us(pct(twoStoreLat, 50)), "store-tworeads-p50-µs")
	b.ReportMetric(us(pct(plainLat, 50)-pct(directLat, 50)), "plain-overhead-p50-µs")
	b.ReportMetric(us(pct(proxyLat, 50)-pct(plainLat, 50)), "sealing-cost-p50-µs")
	b.ReportMetric(us(proxyCPU)/n, "proxy-cpu-µs/op")
	b.ReportMetric(us(directCPU)/n, "direct-cpu-µs/op")
}

// pct returns the p-th percentile (nearest rank) of ds.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(0, min(len(s)-1, i-1))]
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
