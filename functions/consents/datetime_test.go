package main

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/coop-ob/connector/shared/httpapi"
)

// TestCreateDateTimesStrict: date-times Go's RFC 3339 parser takes but RFC
// 3339 does not (offset hour 24, minute 60, a comma before the fraction) and
// years outside 2000-2099 are a 400 naming the field, for every date-time of
// POST /consents; nothing is sent or stored. Valid edge values still reach
// the bank, in whole seconds and the offset the app wrote.
func TestCreateDateTimesStrict(t *testing.T) {
	f := newFixture(t)
	bad := []string{
		"2030-01-01T00:00:00+24:00", "2030-01-01T00:00:00+23:60", "2030-01-01T00:00:00-24:00",
		"2030-01-01T00:00:00+24:59", "2100-01-01T00:00:00Z", "1999-12-31T00:00:00Z", "0000-01-01T00:00:00Z",
		"2030-01-01T00:00:00,5Z", "2030-01-01t00:00:00z",
	}
	bodies := map[string]func(v string) string{
		"expirationDateTime": func(v string) string {
			return `{"brand":"coop","type":"accounts","expirationDateTime":"` + v + `"}`
		},
		"transactionFromDateTime": func(v string) string {
			return `{"brand":"coop","type":"accounts","transactionFromDateTime":"` + v + `"}`
		},
		"transactionToDateTime": func(v string) string {
			return `{"brand":"coop","type":"accounts","transactionToDateTime":"` + v + `"}`
		},
		"expirationDateTime (funds)": func(v string) string {
			return `{"brand":"coop","type":"fundsconfirmations","debtorAccount":{"sortCode":"089999","accountNumber":"12345678"},"expirationDateTime":"` + v + `"}`
		},
	}
	before := f.countItems(t)
	f.env.Bank.ResetRequests()
	for name, body := range bodies {
		field, _, _ := strings.Cut(name, " ")
		for _, v := range bad {
			t.Run(name+"/"+v, func(t *testing.T) {
				resp := f.do(t, routeCreate, "alice-app", "", body(v))
				if resp.StatusCode != 400 {
					t.Fatalf("status %d: %s", resp.StatusCode, resp.Body)
				}
				p := problem(t, resp)
				if p.Type != httpapi.TypeInvalidRequest ||
					!slices.ContainsFunc(p.Errors, func(e httpapi.FieldError) bool { return e.Field == field }) {
					t.Errorf("problem %+v does not name %s", p, field)
				}
			})
		}
	}
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("the bank got %d requests", n)
	}
	if n := f.countItems(t); n != before {
		t.Errorf("table has %d items, had %d", n, before)
	}

	out := f.create(t, "alice-app", `{"brand":"coop","type":"accounts","expirationDateTime":"2099-12-31T23:59:59.999-23:59",`+
		`"transactionFromDateTime":"2000-01-01T00:00:00+23:59","transactionToDateTime":"2030-06-30T12:00:00.5Z"}`)
	c, err := f.env.Deps.Store.GetConsent(context.Background(), out.ConsentID)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"ExpirationDateTime":"2099-12-31T23:59:59-23:59"`,
		`"TransactionFromDateTime":"2000-01-01T00:00:00+23:59"`, `"TransactionToDateTime":"2030-06-30T12:00:00+00:00"`} {
		if !strings.Contains(string(c.Request), want) {
			t.Errorf("sent %s, want %s in it", c.Request, want)
		}
	}
}
