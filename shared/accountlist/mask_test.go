package accountlist

import "testing"

// TestMask: only the last four characters of an identification are kept.
func TestMask(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"08080021325698": "••••5698", " 12345 ": "••••2345", "1234": "••••", "": ""} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}
