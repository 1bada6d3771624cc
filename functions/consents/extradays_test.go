package main

import (
	"slices"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/httpapi"
)

// TestCreateDSPExtraNonWorkingDay: a day in EXTRA_NON_WORKING_DAYS (a bank holiday proclaimed
// after the release) is refused as a DSP execution date like a bank holiday, with nothing sent
// to the bank; the handler without it takes the same date.
func TestCreateDSPExtraNonWorkingDay(t *testing.T) {
	f := newFixture(t)
	day := workingDay(f.env.Bank.Now(), 10)
	d, _ := time.Parse(time.DateOnly, day)
	body := `{"brand":"coop","type":"payments","journey":"DSP","amount":"12.00","executionDate":"` + day + `",` +
		`"creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}}`

	deps := *f.env.Deps
	deps.Config.ExtraNonWorkingDays = []time.Time{d}
	extra := &fixture{env: f.env, h: New(&deps)}
	f.env.Bank.ResetRequests()
	resp := extra.do(t, routeCreate, "alice-app", "", body)
	if resp.StatusCode != 400 {
		t.Fatalf("status %d: %s", resp.StatusCode, resp.Body)
	}
	if p := problem(t, resp); !slices.Contains(p.Errors, httpapi.FieldError{Field: "executionDate", Message: "must not be a bank holiday"}) {
		t.Errorf("problem %+v, want executionDate: must not be a bank holiday", p)
	}
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("the bank got %d requests", n)
	}
	f.create(t, "alice-app", body)
}
