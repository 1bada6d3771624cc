package obconsent

import (
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
)

// TestBuild: each type gets its scope, path and signing; the local consent carries what the
// view shows; an invalid request returns every field error and no consent.
func TestBuild(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	days := banklimits.NewCalendar()
	creditor := &Account{Name: "A&B Ltd", SortCode: "089999", AccountNumber: "66374958"}
	tests := []struct {
		name         string
		r            Request
		scope, path  string
		signed       bool
		bodyContains string
	}{
		{"accounts", Request{Brand: "coop", Type: "accounts", Permissions: []string{"ReadAccountsBasic"}},
			"accounts", bankapi.AISPPath + "/account-access-consents", false, `"ReadAccountsBasic"`},
		{"funds", Request{Brand: "smile", Type: "fundsconfirmations", DebtorAccount: creditor},
			"fundsconfirmations", bankapi.CBPIIPath + "/funds-confirmation-consents", false, `"Identification":"08999966374958"`},
		{"domestic payment", Request{Brand: "coop", Type: "payments", Journey: "DP", Amount: "10.00", Creditor: creditor},
			"payments", bankapi.PISPPath + "/domestic-payment-consents", true, `"Name":"A&B Ltd"`},
	}
	for _, tt := range tests {
		c, invalid, err := Build(&tt.r, now, days)
		if err != nil || len(invalid) > 0 {
			t.Fatalf("%s: Build = %v, %v", tt.name, invalid, err)
		}
		if c.Scope != tt.scope || c.Path != tt.path || c.Signed != tt.signed || !strings.Contains(string(c.Body), tt.bodyContains) {
			t.Errorf("%s: %s %s signed %v body %s", tt.name, c.Scope, c.Path, c.Signed, c.Body)
		}
		if c.Local.Brand != tt.r.Brand || c.Local.Type != tt.r.Type {
			t.Errorf("%s: local %+v", tt.name, c.Local)
		}
	}

	c, invalid, err := Build(&Request{Brand: "coop", Type: "payments", Journey: "DP", Amount: "1.234", Permissions: []string{"x"}}, now, days)
	fields := map[string]bool{}
	for _, f := range invalid {
		fields[f.Field] = true
	}
	if c != nil || err != nil || !fields["amount"] || !fields["creditor"] || !fields["permissions"] {
		t.Errorf("invalid payment: %+v, %v, %v", c, invalid, err)
	}
}
