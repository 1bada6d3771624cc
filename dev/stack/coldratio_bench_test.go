package stack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// BenchmarkColdStartRatio measures every function's cold start against a hello-world Lambda
// function (dev/hello) built and started the same way in the same run: each built as make
// build-local builds it, BENCH_COLD_STARTS (40) cold starts of each, interleaved (start i
// runs every variant in turn, the order rotating), each a new emulator and bootstrap process
// with the function's environment from the running stack, invoked once with a representative
// first request:
//
//   - consents: GET /consents/{id} (events/consents-get.json, an unknown consent);
//   - callback: GET /callback with an unknown state (events/callback.json: the error page);
//   - tokens: a scheduled run (events/schedule.json; the stack's table holds one consent);
//   - proxy: GET balances of an authorised consent whose access token is valid (made through
//     the stack's API and the sandbox bank's pages before the loop): a warm-token account read,
//     the cold container opening the sealed tokens (one KMS Decrypt for the data key).
//
// Per variant it prints (stdout) and reports the medians of init (the emulator's INIT REPORT:
// process start to the first request for an event), init + first invoke (the emulator's REPORT
// duration of the first invoke, which this emulator starts before initialising, so it holds
// the init) and the cold penalty (init + first invoke minus the same request warm, in the same
// process right after), each with its ratio to hello-world's; the peak RSS of the bootstrap after
// its two invokes (VmHWM); and the bootstrap's size for the host and for Lambda (linux/arm64,
// make build). With BENCH_COLD_BASELINE set to another checkout, its functions are measured
// too, interleaved, as "before-<name>".
func BenchmarkColdStartRatio(b *testing.B) {
	n := 40
	if v, err := strconv.Atoi(os.Getenv("BENCH_COLD_STARTS")); err == nil && v > 0 {
		n = v
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	dir := b.TempDir()
	hostDir, armDir := filepath.Join(dir, "host"), filepath.Join(dir, "arm64")
	type variant struct {
		name, fn, bootstrap string
		arm, host           int64
	}
	var variants []variant
	build := func(root, pkg, name, fn string) {
		host := filepath.Join(hostDir, name, "bootstrap")
		hs, err := buildPackage(ctx, root, pkg, host, nil)
		if err != nil {
			b.Fatal(err)
		}
		as, err := buildPackage(ctx, root, pkg, filepath.Join(armDir, name, "bootstrap"), []string{"GOOS=linux", "GOARCH=arm64"})
		if err != nil {
			b.Fatal(err)
		}
		variants = append(variants, variant{name: name, fn: fn, bootstrap: host, arm: as, host: hs})
	}
	build(benchRoot, "./dev/hello", "hello", "consents")
	for _, c := range coldStartCases {
		build(benchRoot, "./functions/"+c.name, c.name, c.name)
	}
	if base := os.Getenv("BENCH_COLD_BASELINE"); base != "" {
		for _, c := range coldStartCases {
			build(base, "./functions/"+c.name, "before-"+c.name, c.name)
		}
	}
	s, err := Start(ctx, Options{Root: benchRoot, FunctionsDir: hostDir, EmulatorPath: testEmulator,
		ScheduleEvery: 24 * time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			b.Error(err)
		}
	}()
	events := map[string][]byte{}
	for _, c := range coldStartCases {
		if events[c.name], err = os.ReadFile(filepath.Join(benchRoot, "events", c.event)); err != nil {
			b.Fatal(err)
		}
	}
	if events["proxy"], err = warmReadEvent(ctx, s); err != nil {
		b.Fatal(err)
	}
	events["hello"] = events["consents"]

	type sample struct{ init, first, penalty, rssMB float64 }
	samples := map[string][]sample{}
	seq := 0
	for b.Loop() {
		for i := range n {
			order := slices.Clone(variants)
			k := i % len(order)
			order = append(order[k:], order[:k]...)
			for _, v := range order {
				seq++
				sm, err := coldOnce(ctx, s, fmt.Sprintf("ratio_%s_%d", strings.ReplaceAll(v.name, "-", "_"), seq), v.fn, v.bootstrap, events[strings.TrimPrefix(v.name, "before-")])
				if err != nil {
					b.Fatalf("%s: %v", v.name, err)
				}
				if v.fn == "proxy" && sm.status != http.StatusOK {
					b.Fatalf("%s: status %d, want 200 (a warm-token read)", v.name, sm.status)
				}
				samples[v.name] = append(samples[v.name], sample{sm.init, sm.first, sm.first - sm.warm, sm.rssMB})
			}
		}
	}
	med := func(name string, f func(sample) float64) float64 {
		var v []float64
		for _, s := range samples[name] {
			v = append(v, f(s))
		}
		return median(v)
	}
	hInit, hFirst := med("hello", func(s sample) float64 { return s.init }), med("hello", func(s sample) float64 { return s.first })
	hPen := med("hello", func(s sample) float64 { return s.penalty })
	// The table goes to stdout whole (a benchmark's log keeps only its first lines).
	var table strings.Builder
	fmt.Fprintf(&table, "BenchmarkColdStartRatio: %d cold starts of each, interleaved; medians; ratios to hello-world's in the same run\n", n)
	fmt.Fprintf(&table, "%-16s %10s %10s %8s %6s %8s %6s %8s %6s %7s\n", "variant", "arm64 B", "host B", "init ms", "ratio", "+1st ms", "ratio", "cold ms", "ratio", "RSS MB")
	for _, v := range variants {
		init, first := med(v.name, func(s sample) float64 { return s.init }), med(v.name, func(s sample) float64 { return s.first })
		pen := med(v.name, func(s sample) float64 { return s.penalty })
		rss := med(v.name, func(s sample) float64 { return s.rssMB })
		fmt.Fprintf(&table, "%-16s %10d %10d %8.2f %6.2f %8.2f %6.2f %8.2f %6.2f %7.1f\n", v.name, v.arm, v.host, init, init/hInit, first, first/hFirst, pen, pen/hPen, rss)
		b.ReportMetric(init/hInit, v.name+"-init-ratio")
		b.ReportMetric(first/hFirst, v.name+"-first-ratio")
		b.ReportMetric(pen/hPen, v.name+"-cold-ratio")
		b.ReportMetric(float64(v.arm)/1e6, v.name+"-arm64-MB")
		b.ReportMetric(rss, v.name+"-rss-MB")
	}
	fmt.Print(table.String())
}

// coldResult is one cold start: init, init + first invoke (ms), and the bootstrap's peak RSS.
type coldResult struct {
	init, first, warm, rssMB float64
	status                   int // the HTTP status of an API answer, 0 for another event
}

var reportDuration = regexp.MustCompile(`^(\S+)\| REPORT RequestId: .*\tDuration: ([0-9.]+) ms`)

// coldOnce starts bootstrap under a new emulator with fn's environment, waits for its INIT
// REPORT, invokes it once with event and reads the bootstrap's peak RSS before closing.
func coldOnce(ctx context.Context, s *Stack, name, fn, bootstrap string, event []byte) (coldResult, error) {
	tmpl, err := s.emulator(fn)
	if err != nil {
		return coldResult{}, err
	}
	e, err := startEmulator(ctx, name, emulatorSpec{rie: tmpl.cmd.Path, bootstrap: bootstrap, env: tmpl.cmd.Env, timeout: tmpl.timeout},
		s.logs.writer(name))
	if err != nil {
		return coldResult{}, err
	}
	defer func() { _ = e.close() }()
	var r coldResult
	answer, err := e.invoke(ctx, event)
	if err != nil {
		return r, err
	}
	var status struct{ StatusCode int }
	if isFunctionError(answer) || json.Unmarshal(answer, &status) != nil {
		return r, fmt.Errorf("function error: %.300s", answer)
	}
	r.status = status.StatusCode
	if _, err := e.invoke(ctx, event); err != nil { // the same request warm
		return r, err
	}
	for _, pid := range sessionMembers(e.pid()) {
		if pid != e.pid() {
			r.rssMB = max(r.rssMB, peakRSSMB(pid))
		}
	}
	for deadline := time.Now().Add(5 * time.Second); ; {
		var d []float64
		for _, line := range s.Logs() {
			if m := initReport.FindStringSubmatch(line); m != nil && m[1] == name {
				r.init, _ = strconv.ParseFloat(m[2], 64)
			}
			if m := reportDuration.FindStringSubmatch(line); m != nil && m[1] == name {
				v, _ := strconv.ParseFloat(m[2], 64)
				d = append(d, v)
			}
		}
		if r.init > 0 && len(d) == 2 {
			// This emulator initialises on the first invoke: its REPORT duration holds the init.
			r.first, r.warm = d[0], d[1]
			return r, nil
		}
		if time.Now().After(deadline) {
			for _, l := range s.Logs() {
				if strings.HasPrefix(l, name+"|") {
					fmt.Fprintln(os.Stderr, l)
				}
			}
			return r, fmt.Errorf("no REPORT within 5s")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// peakRSSMB is a process's VmHWM (peak resident set) in MB, 0 when unreadable.
func peakRSSMB(pid int) float64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// buildPackage builds pkg of the checkout at root as the Makefile builds a function (extra
// environment: GOOS, GOARCH) into out and returns the binary's size.
func buildPackage(ctx context.Context, root, pkg, out string, env []string) (int64, error) {
	cmd := exec.CommandContext(ctx, "go", "build", "-tags", "lambda.norpc", "-trimpath",
		"-ldflags=-s -w", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(append(os.Environ(), "CGO_ENABLED=0"), env...)
	if b, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("build %s in %s (%v): %w\n%s", pkg, root, env, err, b)
	}
	fi, err := os.Stat(out)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

// benchOwner is the JWT subject of the events in events/.
const benchOwner = "user-7f3a9c"

// warmReadEvent creates an AIS consent through the stack's API as benchOwner, authorises it
// at the sandbox bank as alice and completes the callback, and returns events/balances.json
// turned into a read of account 1001's balances under that consent.
func warmReadEvent(ctx context.Context, s *Stack) ([]byte, error) {
	token, err := s.IssueToken(benchOwner, time.Hour)
	if err != nil {
		return nil, err
	}
	body := `{"brand":"coop","type":"accounts","permissions":["ReadAccountsDetail","ReadBalances"]}`
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.APIURL()+"/consents", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("content-type", "application/json")
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var created struct{ ConsentID, BankAuthorizationURL string }
	var raw map[string]string
	if err := json.Unmarshal(b, &raw); err != nil || resp.StatusCode != http.StatusCreated {
		return nil, fmt.Errorf("POST /consents: %d %.300s", resp.StatusCode, b)
	}
	created.ConsentID, created.BankAuthorizationURL = raw["consentId"], raw["bankAuthorizationUrl"]
	to, err := s.Bank().Journey(ctx, created.BankAuthorizationURL, sandbox.JourneyOptions{User: "alice", Password: "password"})
	if err != nil {
		return nil, fmt.Errorf("bank journey: %w", err)
	}
	cb, _ := http.NewRequestWithContext(ctx, http.MethodGet, to.String(), nil)
	resp, err = hc.Do(cb)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if loc, _ := url.Parse(resp.Header.Get("Location")); resp.StatusCode != http.StatusFound || loc == nil || loc.Query().Get("outcome") != "authorised" {
		return nil, fmt.Errorf("GET /callback: %d → %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	event, err := os.ReadFile(filepath.Join(benchRoot, "events", "balances.json"))
	if err != nil {
		return nil, err
	}
	var probe struct {
		PathParameters struct{ ID, AccountID string } `json:"pathParameters"`
	}
	if err := json.Unmarshal(event, &probe); err != nil {
		return nil, err
	}
	event = bytes.ReplaceAll(event, []byte(probe.PathParameters.ID), []byte(created.ConsentID))
	event = bytes.ReplaceAll(event, []byte("/accounts/"+probe.PathParameters.AccountID+"/"), []byte("/accounts/1001/"))
	return bytes.ReplaceAll(event, []byte(`"accountId": "`+probe.PathParameters.AccountID+`"`), []byte(`"accountId": "1001"`)), nil
}
