// Package ascii checks short values (codes, ids, keys) against a set of ASCII characters
// without a regular expression. A counted repetition such as [A-Za-z0-9]{1,128} compiles to
// as many copies of its class, so a package-level regexp.MustCompile of one costs a tenth of
// a millisecond or more at every cold start, and a match is slower than this loop.
package ascii

import "strings"

// Word reports whether s is min to max bytes long and each byte is an ASCII letter, an ASCII
// digit or one of extra: ^[A-Za-z0-9<extra>]{min,max}$.
func Word(s string, min, max int, extra string) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !Alnum(c) && strings.IndexByte(extra, c) < 0 {
			return false
		}
	}
	return true
}

// Alnum reports whether c is an ASCII letter or digit.
func Alnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// Rule is ^[A-Za-z0-9<Extra>]{Min,Max}$ as a value that costs nothing to build: its
// MatchString stands in for the regular expression's.
type Rule struct {
	Min, Max int
	Extra    string
}

// MatchString reports whether s follows the rule (Word).
func (r Rule) MatchString(s string) bool { return Word(s, r.Min, r.Max, r.Extra) }

// Digits reports whether s is min to max ASCII digits: ^[0-9]{min,max}$.
func Digits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
