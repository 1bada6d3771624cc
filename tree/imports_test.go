package tree

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/coop-ob/connector"

// TestDeployedCodeImportsNoDev: the packages the functions are built from (shared/... and
// functions/..., without their tests) import nothing under dev/, directly or not. dev/ holds
// the sandbox bank, the local stack and test helpers, none of which belongs in a Lambda
// binary; a helper that tests of several packages share and that needs them lives under dev/
// too (dev/refreshtest).
func TestDeployedCodeImportsNoDev(t *testing.T) {
	t.Parallel()
	cmd := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`,
		"./shared/...", "./functions/...")
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr(err))
	}
	dev := module + "/dev/"
	var bad []string
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		pkg, imports := f[0], f[1:]
		if strings.HasPrefix(pkg, dev) {
			continue
		}
		for _, imp := range imports {
			if strings.HasPrefix(imp, dev) {
				bad = append(bad, pkg+" imports "+imp)
			}
		}
	}
	slices.Sort(bad)
	if len(bad) > 0 {
		t.Errorf("deployed code depends on dev/:\n%s", strings.Join(bad, "\n"))
	}
	if !strings.Contains(string(out), module+"/functions/consents") {
		t.Errorf("go list did not list functions/consents: %s", out)
	}
}

func stderr(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}
