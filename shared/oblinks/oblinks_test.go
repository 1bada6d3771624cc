package oblinks

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRewrite(t *testing.T) {
	t.Parallel()
	bank := "/open-banking/v3.1/aisp/accounts/1001/transactions"
	body := `{"Data":{},"Links":{"Self":"https://bank/x` + bank + `?page=1",` +
		`"Next":"https://bank/x` + bank + `?page=2&fromBookingDateTime=2026-01-01T00:00:00",` +
		`"First":"https://bank/x` + bank + `","Last":"https://elsewhere/other?page=9","Prev":7}}`
	got := string(Rewrite([]byte(body), "/consents/c/accounts/1001/transactions", "page=abc", bank))
	next := EncodePage(url.Values{"page": {"2"}, "fromBookingDateTime": {"2026-01-01T00:00:00"}})
	want := `{"Data":{},"Links":{"First":"/consents/c/accounts/1001/transactions",` +
		`"Next":"/consents/c/accounts/1001/transactions?page=` + next + `",` +
		`"Self":"/consents/c/accounts/1001/transactions?page=abc"}}`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Rewrite (-want +got):\n%s", diff)
	}
	for _, b := range []string{`{"Data":{}}`, `not json`, `{"Links":"x"}`} {
		if got := string(Rewrite([]byte(b), "/own", "", bank)); got != b {
			t.Errorf("Rewrite(%s) = %s, want it unchanged", b, got)
		}
	}
}

func TestDecodePage(t *testing.T) {
	t.Parallel()
	dates := func(name, _ string) bool { return name == "fromBookingDateTime" }
	tests := []struct {
		name   string
		token  string
		accept func(string, string) bool
		ok     bool
	}{
		{"the bank's page", EncodePage(url.Values{"page": {"2"}}), nil, true},
		{"a page and an accepted filter", EncodePage(url.Values{"page": {"2"}, "fromBookingDateTime": {"x"}}), dates, true},
		{"a filter the route does not take", EncodePage(url.Values{"page": {"2"}, "fromBookingDateTime": {"x"}}), nil, false},
		{"an unknown parameter", EncodePage(url.Values{"page": {"2"}, "x": {"1"}}), dates, false},
		{"a repeat", EncodePage(url.Values{"page": {"2", "3"}}), nil, false},
		{"a page value unsafe to send", EncodePage(url.Values{"page": {"a b"}}), nil, false},
		{"not base64url", "!!", nil, false},
		{"empty", "", nil, false},
		{"too long", string(make([]byte, 1025)), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, ok := DecodePage(tt.token, tt.accept); ok != tt.ok {
				t.Errorf("DecodePage ok = %v, want %v", ok, tt.ok)
			}
		})
	}
}
