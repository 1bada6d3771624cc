package main

import (
	"errors"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain runs the command itself when the tests start their own binary with STACK_MAIN=1
// (kumo's state is per process, so each start gets a process of its own).
func TestMain(m *testing.M) {
	if os.Getenv("STACK_MAIN") == "1" {
		os.Args = append(os.Args[:1], strings.Fields(os.Getenv("STACK_ARGS"))...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestPortTaken: a listen address already in use stops make run (exit 1) with a message that
// names the flag moving it and shows how to pass it through make, with "stack: " said once.
func TestPortTaken(t *testing.T) {
	for _, flagName := range []string{"addr", "bank-pages"} {
		t.Run(flagName, func(t *testing.T) {
			taken, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer taken.Close()
			addr := taken.Addr().String()
			args := []string{"-root", "../../../..", "-functions", t.TempDir(), "-data", t.TempDir(), "-quiet",
				"-addr", "127.0.0.1:0", "-bank-api", "127.0.0.1:0", "-bank-pages", "127.0.0.1:0", "-bank-admin", "127.0.0.1:0",
				"-" + flagName, addr}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "STACK_MAIN=1", "STACK_ARGS="+strings.Join(args, " "))
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 1 {
				t.Fatalf("exit %v, want 1 (output %s)", err, out)
			}
			msg := string(out)
			for _, want := range []string{"stack: cannot listen on " + addr + " (-" + flagName + ")",
				"address already in use", "RUN_ARGS='-" + flagName + " 127.0.0.1:"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q, want it to contain %q", msg, want)
				}
			}
			if !strings.HasPrefix(msg, "stack: ") || strings.Contains(msg, "stack: stack:") {
				t.Errorf("message %q, want one leading \"stack: \"", msg)
			}
		})
	}
}

func TestStartErrorOther(t *testing.T) {
	t.Parallel()
	err := startError(errorString("stack: template: no such file"), map[string]string{"addr": "127.0.0.1:3000"})
	if got := err.Error(); got != "stack: template: no such file" {
		t.Errorf("message %q, want the error once prefixed", got)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
