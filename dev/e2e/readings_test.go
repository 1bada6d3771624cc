package e2e

import (
	"testing"
	"time"

	"github.com/coop-ob/connector/client"
	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// TestAuthorizationReadings drives DP and DSP journeys through the stack's
// own binaries, with payee names holding spaces, &, +, apostrophes, / and :,
// while the bank reads the authorization values as a form decoder and as a
// percent decoder: the default encoding passes both (docs/bank-rules.md
// §Authorization URL). The literal setting is covered by functions/consents'
// paired runs, which need a stack configured for it.
func TestAuthorizationReadings(t *testing.T) {
	c := newCaller(t)
	b := st.Bank()
	t.Cleanup(func() { b.SetDecoding(sandbox.DecodeForm) })
	for _, d := range []sandbox.Decoding{sandbox.DecodeForm, sandbox.DecodePercent} {
		b.SetDecoding(d)
		for _, payee := range []string{"O'Brien & Sons + Co", "Smith/Jones: Flat 2, High St."} {
			for _, jrn := range []string{"DP", "DSP"} {
				p := client.PaymentsConsentRequest{Brand: client.Coop, Type: client.PaymentsConsentRequestTypePayments,
					Journey: client.Journey(jrn), Amount: "1.50", Currency: ptr(client.GBP), Reference: ptr("E2E-READ"),
					Creditor: client.Creditor{Name: payee, SortCode: creditor.SortCode, AccountNumber: creditor.AccountNumber}}
				if jrn == "DSP" {
					p.ExecutionDate = ptr(nextWorkingDay(b.Now(), 7).Format(time.DateOnly))
				}
				cr := c.createConsent(t, consentBody(p))
				q := journey(t, cr.AuthorizationUrl, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001"}})
				expectOutcome(t, q, cr.ConsentId, "authorised")
			}
		}
	}
}
