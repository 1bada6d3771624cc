package stack

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLineWriter(t *testing.T) {
	var out strings.Builder
	c := newLogCollector(&out)
	w := c.writer("fn")
	for _, chunk := range []string{"one\ntw", "o\r\n", "", "three\nfo", "ur"} {
		if _, err := w.Write([]byte(chunk)); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff([]string{"fn| one", "fn| two", "fn| three"}, c.snapshot()); diff != "" {
		t.Errorf("before Close (-want +got):\n%s", diff)
	}
	_ = w.Close()
	want := []string{"fn| one", "fn| two", "fn| three", "fn| four"}
	if diff := cmp.Diff(want, c.snapshot()); diff != "" {
		t.Errorf("after Close (-want +got):\n%s", diff)
	}
	if out.String() != strings.Join(want, "\n")+"\n" {
		t.Errorf("writer got %q", out.String())
	}
}
