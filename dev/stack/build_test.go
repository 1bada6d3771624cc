package stack

import (
	"os"
	"path/filepath"
	"testing"
)

func TestBuildFunctions(t *testing.T) {
	dir := t.TempDir()
	if err := BuildFunctions(t.Context(), "../..", dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range makefileFunctions(t) {
		fi, err := os.Stat(filepath.Join(dir, name, "bootstrap"))
		if err != nil || fi.Mode()&0o111 == 0 {
			t.Errorf("%s/bootstrap: %v, mode %v; want an executable", name, err, fi)
		}
	}
}
