package ascii

import (
	"regexp"
	"strings"
	"testing"
)

// TestWordIsTheRegexp: Word agrees with the regular expression it replaces on every value of a
// table that probes the length bounds, each allowed and refused character class, non-ASCII
// bytes, and a newline at the end (which Go's $ does not accept either).
func TestWordIsTheRegexp(t *testing.T) {
	t.Parallel()
	rules := []struct {
		min, max int
		extra    string
		re       string
	}{
		{1, 128, "._~-", `^[A-Za-z0-9._~-]{1,128}$`},
		{1, 64, " ._-", `^[A-Za-z0-9 ._-]{1,64}$`},
		{1, 128, "_.[]-", `^[A-Za-z0-9_.\[\]-]{1,128}$`},
		{1, 64, "._:-", `^[A-Za-z0-9._:-]{1,64}$`},
		{1, 40, "-", `^[A-Za-z0-9-]{1,40}$`},
	}
	values := []string{"", "a", "Z9", "abc-DEF_1.2~x", "a b", "a:b", "a[0].b", "é", "a\n", "a/b", "a+b", "a%20",
		strings.Repeat("x", 40), strings.Repeat("x", 41), strings.Repeat("y", 64), strings.Repeat("y", 65),
		strings.Repeat("z", 128), strings.Repeat("z", 129), "\x00", "a\tb", "UK.OBIE.Field.Invalid"}
	for _, r := range rules {
		re := regexp.MustCompile(r.re)
		for _, v := range values {
			if got, want := Word(v, r.min, r.max, r.extra), re.MatchString(v); got != want {
				t.Errorf("Word(%q, %d, %d, %q) = %v, %s says %v", v, r.min, r.max, r.extra, got, r.re, want)
			}
		}
	}
	digits := regexp.MustCompile(`^[0-9]{1,3}$`)
	for _, v := range append(values, "0", "100", "1000", "12a", "-1", "+1", " 1", "٣") {
		if got, want := Digits(v, 1, 3), digits.MatchString(v); got != want {
			t.Errorf("Digits(%q, 1, 3) = %v, the regexp says %v", v, got, want)
		}
	}
}
