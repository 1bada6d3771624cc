package main

import (
	"strings"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/httpapi"
)

// TestBankTextNeverInProblem: a bank refusal reaches the app as field paths
// and error codes only; the bank's Message (free text, "injected fault" in
// the sandbox's error bodies) is in no problem, for any status.
func TestBankTextNeverInProblem(t *testing.T) {
	f := newFixture(t)
	const marker = "injected fault" // the sandbox's Message (top level and Errors[]) for an injected fault
	dp := `{"brand":"coop","type":"payments","journey":"DP","amount":"10.00","creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}}`
	ais := `{"brand":"coop","type":"accounts"}`
	tests := []struct {
		name, prefix, body string
		status, want       int
	}{
		{"PIS 400", bankapi.PISPPath + "/domestic-payment-consents", dp, 400, 400},
		{"AIS 400", bankapi.AISPPath + "/account-access-consents", ais, 400, 400},
		{"AIS 403", bankapi.AISPPath + "/account-access-consents", ais, 403, 502},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.env.Bank.Fail(tt.prefix, sandbox.Fault{Status: tt.status})
			resp := f.do(t, routeCreate, "alice-app", "", tt.body)
			if resp.StatusCode != tt.want {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.want, resp.Body)
			}
			if strings.Contains(resp.Body, marker) {
				t.Errorf("the bank's Message reached the app: %s", resp.Body)
			}
			p := problem(t, resp)
			if p.Type != httpapi.TypeBankError {
				t.Errorf("type %s", p.Type)
			}
			for _, e := range p.Errors {
				if e.Message != "UK.OBIE.Field.Invalid" {
					t.Errorf("error %+v: message is not the bank's code", e)
				}
			}
			if tt.want == 400 && len(p.Errors) == 0 {
				t.Errorf("no field errors: %+v", p)
			}
		})
	}
}
