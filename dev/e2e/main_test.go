package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/apicheck"
	"github.com/coop-ob/connector/dev/stack"
)

// repoRoot is the repository root seen from this package's folder (go test runs in it).
const repoRoot = "../.."

// functions are the connector's functions (template.yaml's), each built from
// ./functions/<name>; run reads them.
var functions []string

// st is the one stack of the test binary: starting it builds and runs an emulator per
// function, so every test shares it and uses its own consents (and its own caller, the JWT sub).
var st *stack.Stack

// contract checks every exchange of noRedirect against docs/openapi.yaml.
var contract *apicheck.Transport

// functionsDir holds the functions' bootstraps the stacks run (buildFunctions).
var functionsDir string

// callers counts the callers the tests created: zero when no test ran (benchmarks only).
var callers atomic.Int64

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

// streamRetries is the e2e stack's MaximumRetryAttempts for stream mappings.
var streamRetries = 2

func run(m *testing.M) int {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	dir, err := os.MkdirTemp("", "e2e-functions-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	functionsDir = dir
	// Every exchange of the app's client is judged against the API's contract; a test that sends
	// a bad request on purpose marks it (apicheck.InvalidOnPurpose), and its answer is judged.
	checker, err := apicheck.Load(filepath.Join(repoRoot, "docs", "openapi.yaml"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	contract = &apicheck.Transport{Checker: checker}
	noRedirect.Transport = contract
	tmpl, err := stack.LoadTemplate(filepath.Join(repoRoot, "template.yaml"), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	for _, f := range tmpl.Functions {
		functions = append(functions, f.Name)
	}
	slices.Sort(functions)
	if err := buildFunctions(ctx, dir); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	st, err = stack.Start(ctx, stack.Options{
		Root:         repoRoot,
		FunctionsDir: dir,
		// Only TickSchedule runs the tokens function: a background run must not race a test.
		ScheduleEvery: 24 * time.Hour,
		// A refresh message a worker did not finish comes back in seconds, not the template's 12 minutes.
		QueueVisibilityTimeout: 2 * time.Second,
		// The events publisher's stream mapping: read, batch and retry in tens of milliseconds,
		// and give up on a record after two retries, not the template's production values.
		Streams: stack.StreamSettings{PollInterval: 50 * time.Millisecond, BatchWindow: 50 * time.Millisecond,
			RetryAttempts: &streamRetries, RetryDelay: 50 * time.Millisecond},
		Env: stackEnv,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: start the stack:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "e2e: stack up in %s (gateway %s)\n", time.Since(start).Round(time.Millisecond), st.APIURL())
	code := m.Run()
	if findings, checked := contract.Findings(); len(findings) > 0 {
		fmt.Fprintf(os.Stderr, "e2e: FAIL: %d of %d exchanges break docs/openapi.yaml:\n", len(findings), checked)
		for _, f := range findings {
			fmt.Fprintln(os.Stderr, "  ", f)
		}
		code = 1
	} else {
		fmt.Fprintf(os.Stderr, "e2e: %d exchanges conform to docs/openapi.yaml\n", checked)
	}
	// The log check runs last, over every line of every process of the whole run. A run of
	// benchmarks only (make bench: -run '^$') drives no journey, so there is nothing to check.
	if callers.Load() == 0 {
		fmt.Fprintln(os.Stderr, "e2e: no test drove the stack: log check not applicable")
	} else if err := checkLogs(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: FAIL:", err)
		code = 1
	}
	// The stack enforces each function's template.yaml policy: a denied call is a permission
	// the deployed function would lack in AWS.
	if denied := st.AccessDenied(); len(denied) > 0 {
		fmt.Fprintln(os.Stderr, "e2e: FAIL: calls template.yaml does not grant:", denied)
		code = 1
	}
	fmt.Fprintln(os.Stderr, "e2e: AWS actions used per function:", st.AWSCalls())
	if code != 0 {
		dumpLogs()
	}
	if err := st.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: close the stack:", err)
	}
	fmt.Fprintf(os.Stderr, "e2e: whole run %s\n", time.Since(start).Round(time.Millisecond))
	return code
}

// buildFunctions builds every function's bootstrap for the host into dir/<name>/bootstrap
// (go build -tags lambda.norpc -trimpath), in parallel, as make build-local does.
func buildFunctions(ctx context.Context, dir string) error {
	errs := make([]error, len(functions))
	var wg sync.WaitGroup
	for i, name := range functions {
		wg.Go(func() { errs[i] = stack.BuildFunctions(ctx, repoRoot, dir, name) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, name := range functions {
		if _, err := os.Stat(filepath.Join(dir, name, "bootstrap")); err != nil {
			return err
		}
	}
	return nil
}

// dumpLogs writes every line the stack collected to a file (they hold no secret: the log check
// proves it) and names it, so a failed run can be read after the fact.
func dumpLogs() {
	f, err := os.CreateTemp("", "e2e-logs-*.txt")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: logs not kept:", err)
		return
	}
	defer f.Close()
	for _, l := range st.Logs() {
		fmt.Fprintln(f, l)
	}
	fmt.Fprintln(os.Stderr, "e2e: the stack's logs are in", f.Name())
}
