package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Built once for the whole test binary: the emulator, the echo function (testdata/echofn) in
// <functionsDir>/echo/bootstrap and the test publisher (testdata/pubfn) in <functionsDir>/pub/bootstrap.
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
	for name, pkg := range map[string]string{"echo": "./testdata/echofn", "pub": "./testdata/pubfn"} {
		cmd := exec.Command("go", "build", "-tags", "lambda.norpc", "-o",
			filepath.Join(testFunctionsDir, name, "bootstrap"), pkg)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "build %s: %v\n%s", pkg, err, out)
			return 1
		}
	}
	return m.Run()
}
