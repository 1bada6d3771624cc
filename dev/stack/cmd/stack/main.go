// Command stack runs the whole connector locally against the sandbox bank: kumo, the bank,
// every function under the Lambda Runtime Interface Emulator, the HTTP gateway and the
// schedule (package stack). Build the functions first (make build-local; make run does both).
//
//	go build -o .build/stack ./dev/stack/cmd/stack && .build/stack -functions .build/local
//
// Ctrl-C (SIGINT) or SIGTERM stops everything it started; the command then exits 0, and
// non-zero only when starting or stopping the stack failed. A second signal while it stops
// ends it at once. Run the built binary rather than go run: the go command exits 1 whenever it
// receives SIGINT itself, whatever its child's exit status (golang/go#40467), so under go run
// a clean Ctrl-C still looks like a failure.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/stack"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, stop, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run starts the stack with args, prints how to use it and waits for ctx; stop restores the
// default signal handling. Its errors are ready to print ("stack: ...").
func run(ctx context.Context, stop func(), args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("stack", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		functions = fs.String("functions", ".build/local", "folder with <function>/bootstrap for every function (make build-local)")
		root      = fs.String("root", ".", "repository root (template.yaml, go.mod)")
		addr      = fs.String("addr", "127.0.0.1:3000", "gateway listen address")
		bankAPI   = fs.String("bank-api", "127.0.0.1:8443", "sandbox bank mTLS API listen address")
		bankPages = fs.String("bank-pages", "127.0.0.1:8444", "sandbox bank consent pages listen address")
		bankAdmin = fs.String("bank-admin", "127.0.0.1:8445", "sandbox bank admin API listen address (loopback)")
		data      = fs.String("data", ".localstack", "folder for the bank's generated material, kept between runs")
		every     = fs.Duration("schedule-every", 0, "run the tokens schedule this often instead of the template's rate (e.g. 30s)")
		emulator  = fs.String("emulator", "", "aws-lambda-rie binary (default: built from go.mod's pinned version)")
		quiet     = fs.Bool("quiet", false, "do not print the functions', bank's and gateway's log lines")
	)
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return fmt.Errorf("stack: %w", err)
	}

	var logs io.Writer = stderr
	if *quiet {
		logs = nil
	}
	bankDir := filepath.Join(*data, "bank")
	s, err := stack.Start(ctx, stack.Options{
		Root:          *root,
		FunctionsDir:  *functions,
		Bank:          sandbox.Options{Dir: bankDir, APIAddr: *bankAPI, PagesAddr: *bankPages, AdminAddr: *bankAdmin},
		ScheduleEvery: *every,
		Logs:          logs,
		Events:        stdout,
		GatewayAddr:   *addr,
		EmulatorPath:  *emulator,
		TableName:     "connector",
		SecretName:    "connector-credentials",
	})
	if err != nil {
		if ctx.Err() != nil {
			// Interrupted while starting: Start has stopped what it had started.
			fmt.Fprintln(stderr, "stack: stopped before it was up")
			return nil
		}
		return startError(err, map[string]string{"addr": *addr, "bank-api": *bankAPI,
			"bank-pages": *bankPages, "bank-admin": *bankAdmin})
	}
	defer s.Close()

	token, err := s.IssueToken("demo-user", 12*time.Hour)
	if err != nil {
		return fmt.Errorf("stack: %w", err)
	}
	ca, err := filepath.Abs(filepath.Join(bankDir, "ca.pem"))
	if err != nil {
		return fmt.Errorf("stack: %w", err)
	}
	spki, err := s.BankPagesSPKI(ctx)
	if err != nil {
		return fmt.Errorf("stack: the bank's pages certificate: %w", err)
	}
	fmt.Fprintf(stdout, `
Connector running locally.

  API (gateway):  %[1]s
  API reference:  %[1]s/docs (the spec: %[1]s/openapi.yaml)
  Bank admin:     %[3]s
  Functions:      %[4]v

Create a consent for every account route (token for sub demo-user, valid 12h):

  curl -s -X POST %[1]s/consents -H "Authorization: Bearer %[2]s" -H 'content-type: application/json' -d '%[5]s'

Open the authorizationUrl it returns in a browser: the connector's journey link, which binds
the journey to that browser and redirects to the sandbox bank's consent page. Log in as
alice / password, tick the accounts, press Confirm, and the bank sends you back through
%[1]s/callback (in the same browser) to %[1]s/result.

%[6]s
Each lifecycle event the connector publishes to its EventBridge bus is printed here as it is
published: "event <time> <detail-type> <detail>" (ids and statuses only).

Ctrl-C stops everything.
`, s.APIURL(), token, s.Bank().AdminURL(), s.Functions(), quickstartConsent, certHelp(ca, spki))

	<-ctx.Done()
	// From here a second signal has its default effect and ends the process at once; the
	// emulators go with it (they are started with a parent-death signal).
	stop()
	fmt.Fprintln(stderr, "stack: stopping")
	if err := s.Close(); err != nil {
		return fmt.Errorf("stack: stop: %w", err)
	}
	fmt.Fprintln(stderr, "stack: stopped")
	return nil
}
