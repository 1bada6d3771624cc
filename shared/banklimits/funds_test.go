package banklimits

import (
	"strings"
	"testing"
)

func TestFundsReference(t *testing.T) {
	for s, ok := range map[string]bool{
		"Purchase 42": true, strings.Repeat("é", 35): true, strings.Repeat("x", 35): true,
		"": false, strings.Repeat("x", 36): false, "tab\there": false, "del\x7f": false, "nl\n": false,
	} {
		if err := FundsReference(s); (err == nil) != ok {
			t.Errorf("FundsReference(%q) = %v, want ok %v", s, err, ok)
		}
	}
}
