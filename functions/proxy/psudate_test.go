package main

import (
	"net/http"
	"slices"
	"testing"

	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/psu"
)

// TestPSUAuthDateStrict: x-psu-auth-date values Go's RFC 3339 parser takes
// but RFC 3339 does not (offset hour 24, minute 60), and years outside
// 2000-2099 in either form, are a 400 naming the header, and the bank is
// not called (the forms the header allows: shared/psu).
func TestPSUAuthDateStrict(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	bad := []string{
		"2025-01-01T00:00:00+24:00",
		"2025-01-01T00:00:00+23:60",
		"2025-01-01T00:00:00-24:00",
		"2025-01-01T00:00:00+24:59",
		"1999-12-31T23:59:59Z",
		"0000-01-01T00:00:00Z",
		"2025-01-01T00:00:00,5Z",
		"2025-01-01t00:00:00z",
		"Fri, 31 Dec 1999 23:59:59 GMT",
	}
	f.env.Bank.ResetRequests()
	for _, v := range bad {
		t.Run(v, func(t *testing.T) {
			p := wantProblem(t, f.call(withHeaders(aisGet(c, "/balances", "1001", ""), psu.HeaderAuthDate, v)),
				http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
			if !slices.ContainsFunc(p.Errors, func(e httpapi.FieldError) bool { return e.Field == psu.HeaderAuthDate }) {
				t.Errorf("errors %+v do not name %s", p.Errors, psu.HeaderAuthDate)
			}
		})
	}
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests for bad input, want 0", n)
	}
}
