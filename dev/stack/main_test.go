package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Built once for the whole test binary: the emulator and the echo function (testdata/echofn)
// in <functionsDir>/echo/bootstrap.
var (
	testEmulator     string
	testFunctionsDir string
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "stack-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if testEmulator, err = BuildEmulator(context.Background(), ".", filepath.Join(dir, "bin")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	testFunctionsDir = filepath.Join(dir, "functions")
	cmd := exec.Command("go", "build", "-tags", "lambda.norpc", "-o",
		filepath.Join(testFunctionsDir, "echo", "bootstrap"), "./testdata/echofn")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build echofn: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}
