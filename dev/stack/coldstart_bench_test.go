package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// benchRoot is the repository root seen from this package's folder (go test runs in it).
const benchRoot = "../.."

// coldStartCases are the connector's functions, each with a harmless event from events/: an
// unknown consent, an unknown state, a scheduled run over an empty table.
var coldStartCases = []struct{ name, event string }{
	{"consents", "consents-get.json"},
	{"callback", "callback.json"},
	{"tokens", "schedule.json"},
	{"proxy", "balances.json"},
	{"events", "dynamodb-stream.json"},
}

// coldStart is what one function's first invocation gave.
type coldStart struct {
	armSize, hostSize int64
	coldMS            float64 // first invocation, as the invoker saw it
	initMS            float64 // the emulator's INIT REPORT duration, or -1 when it logged none
	event             []byte
}

// BenchmarkColdStart reports, for every function, the size of the bootstrap Lambda runs
// (linux/arm64, built as make build does) and of the host build the emulator runs (make
// build-local), the init time of its first invocation under the Lambda Runtime Interface
// Emulator (from the emulator's INIT REPORT log line; cold latency minus warm latency when it
// logs none), the latency of the first (cold) invocation and of warm invocations. The stack is
// started once per run of the benchmark, so every function starts cold exactly once.
func BenchmarkColdStart(b *testing.B) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	dir := b.TempDir()
	armDir, hostDir := filepath.Join(dir, "arm64"), filepath.Join(dir, "host")
	sizes, err := buildBenchFunctions(ctx, armDir, hostDir)
	if err != nil {
		b.Fatal(err)
	}
	s, err := Start(ctx, Options{Root: benchRoot, FunctionsDir: hostDir, EmulatorPath: testEmulator,
		// Only the benchmark invokes the tokens function: a scheduled run would start it cold.
		ScheduleEvery: 24 * time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			b.Error(err)
		}
	}()

	// Every function starts cold once, before any sub-benchmark runs: a sub-benchmark's body
	// may be called several times.
	cold := map[string]*coldStart{}
	for _, c := range coldStartCases {
		event, err := os.ReadFile(filepath.Join(benchRoot, "events", c.event))
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := invokeOK(ctx, s, c.name, event); err != nil {
			b.Fatal(err)
		}
		cs := &coldStart{armSize: sizes[c.name][0], hostSize: sizes[c.name][1], event: event,
			coldMS: msSince(start)}
		if cs.initMS, err = reportedInit(ctx, s, c.name); err != nil {
			b.Fatal(err)
		}
		cold[c.name] = cs
	}

	for _, c := range coldStartCases {
		cs := cold[c.name]
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := invokeOK(ctx, s, c.name, cs.event); err != nil {
					b.Fatal(err)
				}
			}
			warm := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / 1e6
			initMS := cs.initMS
			if initMS < 0 {
				initMS = max(0, cs.coldMS-warm)
			}
			b.ReportMetric(float64(cs.armSize), "bytes-arm64")
			b.ReportMetric(float64(cs.hostSize), "bytes-host")
			b.ReportMetric(initMS, "init-ms")
			b.ReportMetric(cs.coldMS, "cold-ms")
			b.ReportMetric(warm, "warm-ms")
		})
	}
}

// invokeOK invokes a function and fails on a transport error, a function error or a timeout.
func invokeOK(ctx context.Context, s *Stack, function string, event []byte) error {
	answer, err := s.Invoke(ctx, function, event)
	if err != nil {
		return err
	}
	if isFunctionError(answer) {
		return fmt.Errorf("%s: function error: %.300s", function, answer)
	}
	return nil
}

// initReport matches the line the emulator logs when a function's init phase ends:
// "INIT REPORT(durationMs: 4.892000)", or in the managed-instances mode
// "INIT REPORT(initType: …, durationMs: 4.89, …)". The duration runs from the bootstrap's start
// to its first call for the next event, which is what Lambda bills as Init Duration. The
// "Init Duration" of this emulator's REPORT line is not used: it times only the hand-off of
// the init request (about 0.02 ms), not the function's init.
var initReport = regexp.MustCompile(`^(\w+)\| .*INIT REPORT\((?:[^)]*?, )?durationMs: ([0-9.]+)`)

// reportedInit waits briefly for the emulator's report of function's init phase and returns
// its duration in ms, or -1 when the emulator finished the first invocation (its REPORT line)
// without logging one.
func reportedInit(ctx context.Context, s *Stack, function string) (float64, error) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		sawReport := false
		for _, line := range s.Logs() {
			if m := initReport.FindStringSubmatch(line); m != nil && m[1] == function {
				return strconv.ParseFloat(m[2], 64)
			}
			if strings.HasPrefix(line, function+"| REPORT RequestId: ") {
				sawReport = true
			}
		}
		if sawReport {
			return -1, nil
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("%s: the emulator logged no REPORT line within 5s", function)
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// buildBenchFunctions builds every function twice, as the Makefile does: for Lambda
// (linux/arm64, make build) into armDir and for the host (make build-local) into hostDir, both
// CGO_ENABLED=0 with -tags lambda.norpc -trimpath -ldflags='-s -w'. It returns each
// bootstrap's size in bytes, arm64 then host. The builds run one after the other: concurrent
// first builds of the same packages for another platform can fail in the build cache.
func buildBenchFunctions(ctx context.Context, armDir, hostDir string) (map[string][2]int64, error) {
	sizes := map[string][2]int64{}
	for _, c := range coldStartCases {
		arm, err := buildBootstrap(ctx, filepath.Join(armDir, c.name, "bootstrap"), c.name,
			[]string{"GOOS=linux", "GOARCH=arm64"})
		if err != nil {
			return nil, err
		}
		host, err := buildBootstrap(ctx, filepath.Join(hostDir, c.name, "bootstrap"), c.name, nil)
		if err != nil {
			return nil, err
		}
		sizes[c.name] = [2]int64{arm, host}
	}
	return sizes, nil
}

// buildBootstrap runs the Makefile's build of ./functions/<name> into out with extra
// environment (GOOS, GOARCH) and returns the binary's size.
func buildBootstrap(ctx context.Context, out, name string, env []string) (int64, error) {
	cmd := exec.CommandContext(ctx, "go", "build", "-tags", "lambda.norpc", "-trimpath",
		"-ldflags=-s -w", "-o", out, "./functions/"+name)
	cmd.Dir = benchRoot
	cmd.Env = append(append(os.Environ(), "CGO_ENABLED=0"), env...)
	if b, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("build %s (%v): %w\n%s", name, env, err, b)
	}
	fi, err := os.Stat(out)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

func msSince(t time.Time) float64 {
	return float64(time.Since(t).Nanoseconds()) / 1e6
}
