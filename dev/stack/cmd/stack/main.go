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
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "stack:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		functions = flag.String("functions", ".build/local", "folder with <function>/bootstrap for every function (make build-local)")
		root      = flag.String("root", ".", "repository root (template.yaml, go.mod)")
		addr      = flag.String("addr", "127.0.0.1:3000", "gateway listen address")
		bankAPI   = flag.String("bank-api", "127.0.0.1:8443", "sandbox bank mTLS API listen address")
		bankPages = flag.String("bank-pages", "127.0.0.1:8444", "sandbox bank consent pages listen address")
		bankAdmin = flag.String("bank-admin", "127.0.0.1:8445", "sandbox bank admin API listen address (loopback)")
		data      = flag.String("data", ".localstack", "folder for the bank's generated material, kept between runs")
		every     = flag.Duration("schedule-every", 0, "run the tokens schedule this often instead of the template's rate (e.g. 30s)")
		emulator  = flag.String("emulator", "", "aws-lambda-rie binary (default: built from go.mod's pinned version)")
		quiet     = flag.Bool("quiet", false, "do not print the functions', bank's and gateway's log lines")
	)
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var logs io.Writer = os.Stderr
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
		GatewayAddr:   *addr,
		EmulatorPath:  *emulator,
		TableName:     "connector",
		SecretName:    "connector-credentials",
	})
	if err != nil {
		if ctx.Err() != nil {
			// Interrupted while starting: Start has stopped what it had started.
			fmt.Fprintln(os.Stderr, "stack: stopped before it was up")
			return nil
		}
		return err
	}
	defer s.Close()

	token, err := s.IssueToken("demo-user", 12*time.Hour)
	if err != nil {
		return err
	}
	fmt.Printf(`
Connector running locally.

  API (gateway):  %[1]s
  Bank admin:     %[3]s
  Functions:      %[4]v

Create a consent (token for sub demo-user, valid 12h):

  curl -s -X POST %[1]s/consents -H "Authorization: Bearer %[2]s" -H 'content-type: application/json' -d '{"brand":"coop","type":"accounts"}'

Open the authorizationUrl it returns in a browser: it is the sandbox bank's consent page
(accept the sandbox CA warning, or import %[5]s), log in as alice / password, and the
bank sends you back through %[1]s/callback to %[1]s/result.

Ctrl-C stops everything.
`, s.APIURL(), token, s.Bank().AdminURL(), s.Functions(), filepath.Join(bankDir, "ca.pem"))

	<-ctx.Done()
	// From here a second signal has its default effect and ends the process at once; the
	// emulators go with it (they are started with a parent-death signal).
	stop()
	fmt.Fprintln(os.Stderr, "stack: stopping")
	if err := s.Close(); err != nil {
		return fmt.Errorf("stop: %w", err)
	}
	fmt.Fprintln(os.Stderr, "stack: stopped")
	return nil
}
