package main

import (
	"strings"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/httpapi"
)

// TestConsentSignature: the bank's answer to a payment consent creation
// carries a signature that does not verify. Under PIS_SIGNATURE=verify the
// app gets 502 bank-error with the interaction id and nothing is stored;
// under log the consent is created and the failure logged (rule, not the
// signature); with the bank's signature intact both create the consent.
func TestConsentSignature(t *testing.T) {
	for _, mode := range []string{"verify", "log"} {
		t.Run(mode, func(t *testing.T) {
			env := testenv.Start(t, testenv.Options{Env: map[string]string{"PIS_SIGNATURE": mode}})
			f := &fixture{env: env, h: New(env.Deps)}
			body := paymentBody("DP", "Test Beneficiary", "INV-42", "")
			f.create(t, "app-1", body) // a signed answer passes

			items := f.countItems(t)
			env.Bank.Fail(bankapi.PISPPath+"/domestic-payment-consents", sandbox.Fault{CorruptSignature: true})
			resp := f.do(t, routeCreate, "app-1", "", body)
			logs := env.Logs.String()
			if !strings.Contains(logs, `"rule":"signature does not verify over the body"`) {
				t.Errorf("no log of the failed rule")
			}
			if mode == "log" {
				if resp.StatusCode != 201 {
					t.Fatalf("log: POST /consents = %d %s, want 201", resp.StatusCode, resp.Body)
				}
				return
			}
			p := problem(t, resp)
			if resp.StatusCode != 502 || p.Type != httpapi.TypeBankError || p.InteractionID == "" {
				t.Errorf("verify: %d %s, want 502 bank-error with the interaction id", resp.StatusCode, resp.Body)
			}
			if n := f.countItems(t); n != items {
				t.Errorf("table has %d items, want %d: nothing stored", n, items)
			}
		})
	}
}
