package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkColdStartSealing compares the proxy's init time with sealing on (SEAL_KEY_ID set,
// as the template sets it: the KMS client and the sealer are built at cold start) and off
// (SEAL_KEY_ID empty), the same bootstrap (built as make build-local does) under the Lambda
// Runtime Interface Emulator, BENCH_COLD_STARTS (30) cold starts each, interleaved: start i
// runs the variants in turn, the first alternating, so load on the machine falls on both
// alike. With BENCH_COLD_BASELINE set to a checkout of the release before sealing, its proxy
// is a third variant ("before"). Each cold start is a new emulator with a new bootstrap
// process, invoked once with events/balances.json (an unknown consent: no KMS request). It
// reports the medians of the emulator's INIT REPORT duration and the ratio sealed / plain.
func BenchmarkColdStartSealing(b *testing.B) {
	n := 30
	if v, err := strconv.Atoi(os.Getenv("BENCH_COLD_STARTS")); err == nil && v > 0 {
		n = v
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	dir := b.TempDir()
	if _, err := buildBootstrap(ctx, filepath.Join(dir, "host", "proxy", "bootstrap"), "proxy", nil); err != nil {
		b.Fatal(err)
	}
	bootstraps := map[string]string{"sealed": filepath.Join(dir, "host", "proxy", "bootstrap")}
	bootstraps["plain"] = bootstraps["sealed"]
	variants := []string{"sealed", "plain"}
	if base := os.Getenv("BENCH_COLD_BASELINE"); base != "" {
		out := filepath.Join(dir, "before", "bootstrap")
		if err := buildBootstrapIn(ctx, base, out); err != nil {
			b.Fatal(err)
		}
		bootstraps["before"] = out
		variants = append(variants, "before")
	}
	// The other functions must exist for the stack to start; only the proxy is measured.
	for _, c := range coldStartCases {
		if c.name == "proxy" {
			continue
		}
		if _, err := buildBootstrap(ctx, filepath.Join(dir, "host", c.name, "bootstrap"), c.name, nil); err != nil {
			b.Fatal(err)
		}
	}
	s, err := Start(ctx, Options{Root: benchRoot, FunctionsDir: filepath.Join(dir, "host"), EmulatorPath: testEmulator,
		ScheduleEvery: 24 * time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			b.Error(err)
		}
	}()
	proxy, err := s.emulator("proxy")
	if err != nil {
		b.Fatal(err)
	}
	event, err := os.ReadFile(filepath.Join(benchRoot, "events", "balances.json"))
	if err != nil {
		b.Fatal(err)
	}
	envOf := func(variant string) []string {
		env := slices.Clone(proxy.cmd.Env)
		if variant == "plain" {
			for i, kv := range env {
				if strings.HasPrefix(kv, "SEAL_KEY_ID=") {
					env[i] = "SEAL_KEY_ID="
				}
			}
		}
		return env
	}
	rie := proxy.cmd.Path
	inits := map[string][]float64{}
	seq := 0
	for b.Loop() {
		for i := range n {
			order := slices.Clone(variants)
			if i%2 == 1 {
				slices.Reverse(order)
			}
			for _, v := range order {
				seq++
				name := fmt.Sprintf("cold%s%d", v, seq)
				e, err := startEmulator(ctx, name, emulatorSpec{rie: rie, bootstrap: bootstraps[v], env: envOf(v), timeout: proxy.timeout},
					s.logs.writer(name))
				if err != nil {
					b.Fatal(err)
				}
				err = invokeEmulatorOK(ctx, e, event)
				var ms float64
				if err == nil {
					ms, err = reportedInit(ctx, s, name)
				}
				if cerr := e.close(); err == nil {
					err = cerr
				}
				if err != nil {
					b.Fatal(err)
				}
				if ms >= 0 {
					inits[v] = append(inits[v], ms)
				}
			}
		}
	}
	for _, v := range variants {
		if len(inits[v]) == 0 {
			b.Fatalf("%s: the emulator reported no init time", v)
		}
		b.ReportMetric(median(inits[v]), v+"-init-ms")
	}
	b.ReportMetric(median(inits["sealed"])/median(inits["plain"]), "sealed/plain")
	if _, ok := inits["before"]; ok {
		b.ReportMetric(median(inits["sealed"])/median(inits["before"]), "sealed/before")
	}
	b.Logf("cold starts: sealed %d, plain %d, before %d", len(inits["sealed"]), len(inits["plain"]), len(inits["before"]))
}

// invokeEmulatorOK invokes one emulator and fails as invokeOK does.
func invokeEmulatorOK(ctx context.Context, e *emulator, event []byte) error {
	answer, err := e.invoke(ctx, event)
	if err != nil {
		return err
	}
	if isFunctionError(answer) {
		return fmt.Errorf("%s: function error: %.300s", e.name, answer)
	}
	return nil
}

func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// buildBootstrapIn builds ./functions/proxy of the checkout at root as make build-local does.
func buildBootstrapIn(ctx context.Context, root, out string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-tags", "lambda.norpc", "-trimpath",
		"-ldflags=-s -w", "-o", out, "./functions/proxy")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("build the baseline proxy in %s: %w\n%s", root, err, b)
	}
	return nil
}
