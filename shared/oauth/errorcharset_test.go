package oauth

import (
	"regexp"
	"strings"
	"testing"
)

// TestErrorCharsetIsTheRegexp: errorCode accepts exactly what RFC 6749's "error" pattern does.
func TestErrorCharsetIsTheRegexp(t *testing.T) {
	t.Parallel()
	re := regexp.MustCompile(`^[\x20-\x21\x23-\x5B\x5D-\x7E]{1,64}$`)
	for _, v := range []string{"", "invalid_grant", "a b", `a"b`, `a\b`, "a\x7f", "a\x1f", "é", "~!#[]",
		strings.Repeat("x", 64), strings.Repeat("x", 65), "a\n"} {
		if got, want := errorCode.MatchString(v), re.MatchString(v); got != want {
			t.Errorf("errorCode(%q) = %v, the pattern says %v", v, got, want)
		}
	}
}
