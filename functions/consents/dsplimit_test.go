package main

import (
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
)

// TestCreateDSPTwoYearsAhead: the last execution date the two-year rule
// allows is accepted, sent to the bank and stored as the authorization URL's
// pymt_dt. TestCreateBadInput has dates past the limit.
func TestCreateDSPTwoYearsAhead(t *testing.T) {
	f := newFixture(t)
	// Move the shared clock (connector and bank) until the limit itself is a
	// working day, so that the test pins the boundary and not a day before it.
	for !isWorkingDay(twoYearsAhead(f.env.Bank.Now())) {
		f.env.Bank.Advance(24 * time.Hour)
	}
	last := twoYearsAhead(f.env.Bank.Now()).Format(time.DateOnly)
	f.env.Bank.ResetRequests()
	out := f.create(t, "alice-app", `{"brand":"coop","type":"payments","journey":"DSP","amount":"12.00","executionDate":"`+last+`",`+
		`"creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}}`)
	posts := f.requestsTo(bankapi.PISPPath + "/domestic-scheduled-payment-consents")
	if len(posts) != 1 || posts[0].Status != 201 {
		t.Fatalf("bank consent POSTs = %+v, want one 201", posts)
	}
	c, err := f.env.Deps.Store.GetConsent(t.Context(), out.ConsentID)
	if err != nil {
		t.Fatal(err)
	}
	if want := last + "T00:00:00+00:00"; c.PaymentDate != want {
		t.Errorf("stored payment date %q, want %q", c.PaymentDate, want)
	}
	if _, p := params(t, out.BankAuthorizationURL); p["pymt_dt"] != c.PaymentDate {
		t.Errorf("pymt_dt %q, want %q", p["pymt_dt"], c.PaymentDate)
	}
}
