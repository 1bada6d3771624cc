package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// riePackage is the emulator's command, pinned as a tool in the root go.mod.
const riePackage = "github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie"

// BuildEmulator builds aws-lambda-rie at the version go.mod pins into dir and returns its
// path. The Go build cache makes a repeat build cheap; the binary is written under a
// temporary name and renamed, so concurrent builds never see a half-written file.
func BuildEmulator(ctx context.Context, root, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	out := filepath.Join(dir, "aws-lambda-rie")
	tmp, err := os.CreateTemp(dir, ".aws-lambda-rie-*")
	if err != nil {
		return "", err
	}
	_ = tmp.Close()
	defer os.Remove(tmp.Name())
	cmd := exec.CommandContext(ctx, "go", "build", "-o", tmp.Name(), riePackage)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %w\n%s", riePackage, err, b)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return "", err
	}
	return out, nil
}

// BuildFunctions builds ./functions/<name> for the host into dir/<name>/bootstrap, as
// make build-local does, for every function of root's template.yaml when names is empty.
func BuildFunctions(ctx context.Context, root, dir string, names ...string) error {
	if len(names) == 0 {
		t, err := LoadTemplate(filepath.Join(root, "template.yaml"), nil)
		if err != nil {
			return err
		}
		for _, f := range t.sortedFunctions() {
			names = append(names, f.Name)
		}
	}
	for _, name := range names {
		cmd := exec.CommandContext(ctx, "go", "build", "-tags", "lambda.norpc", "-trimpath",
			"-o", filepath.Join(dir, name, "bootstrap"), "./functions/"+name)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("build function %s: %w\n%s", name, err, b)
		}
	}
	return nil
}
