package banklimits

import (
	"strings"
	"testing"
)

func TestPaymentFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		check func(string) error
		ok    []string
		bad   []string
	}{
		{"Amount", Amount, []string{"10", "10.5", "10.50", "0.01", "9999999999999.99"},
			[]string{"", "0", "0.00", "-1", "1.234", "1e3", "10,50", "12345678901234"}},
		{"CurrencyCode", CurrencyCode, []string{"GBP"}, []string{"EUR", "gbp", ""}},
		{"SortCode", SortCode, []string{"080800"}, []string{"08-08-00", "08080", "0808000"}},
		{"AccountNumber", AccountNumber, []string{"21325698"}, []string{"2132569", "2132569X"}},
		{"Name", Name, []string{"Bob", "A&B (Ltd), 1/2: O'Neil+Co."}, []string{" Bob", "Bob ", "   ", "Bob!", strings.Repeat("a", 141)}},
		{"Reference", Reference, []string{"INV-2026/01?", strings.Repeat("r", 18)}, []string{strings.Repeat("r", 19), "a&b", " R"}},
		{"Frequency", Frequency, []string{"IntrvlWkDay:01:01", "IntrvlWkDay:04:07", "IntrvlMnthDay:12:31", "IntrvlMnthDay:03:01"},
			[]string{"IntrvlWkDay:03:01", "IntrvlWkDay:01:08", "IntrvlMnthDay:04:01", "IntrvlMnthDay:01:32", "EvryDay"}},
		{"PaymentContextCode", PaymentContextCode, []string{"BillPayment", "PartyToParty"}, []string{"Gift", ""}},
	}
	for _, tt := range tests {
		for _, v := range tt.ok {
			if err := tt.check(v); err != nil {
				t.Errorf("%s(%q) = %v, want nil", tt.name, v, err)
			}
		}
		for _, v := range tt.bad {
			if err := tt.check(v); err == nil {
				t.Errorf("%s(%q) = nil, want an error", tt.name, v)
			} else if v != "" && strings.Contains(err.Error(), v) {
				t.Errorf("%s(%q): error %q repeats the value", tt.name, v, err)
			}
		}
	}
	for n, ok := range map[int]bool{0: false, 1: true, 998: true, 999: true, 1000: false, -1: false} {
		if err := NumberOfPayments(n); (err == nil) != ok {
			t.Errorf("NumberOfPayments(%d) = %v", n, err)
		}
	}
}
