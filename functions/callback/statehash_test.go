package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestStateHashSyntaxIsTheRegexp: stateHashSyntax accepts exactly ^[0-9a-f]{64}$.
func TestStateHashSyntaxIsTheRegexp(t *testing.T) {
	t.Parallel()
	re := regexp.MustCompile(`^[0-9a-f]{64}$`)
	for _, v := range []string{"", strings.Repeat("a", 64), strings.Repeat("0", 63), strings.Repeat("f", 65),
		strings.Repeat("A", 64), strings.Repeat("g", 64), strings.Repeat("9", 63) + "\n", strings.Repeat("ab", 32)} {
		if got, want := stateHashSyntax.MatchString(v), re.MatchString(v); got != want {
			t.Errorf("stateHashSyntax(%q) = %v, the pattern says %v", v, got, want)
		}
	}
}
