package e2e

import (
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// TestJourneyOutcomes ends the bank journey in each of the bank's error redirects
// (docs/bank-rules.md §Redirect errors) and checks the outcome code the result page gets, and that the
// consent was not authorised.
func TestJourneyOutcomes(t *testing.T) {
	c := newCaller(t)
	for _, tc := range []struct {
		name    string
		o       sandbox.JourneyOptions
		outcome string
	}{
		{"consent declined", sandbox.JourneyOptions{User: "alice", Password: "password", Decline: true}, "consent_declined"},
		{"login cancelled", sandbox.JourneyOptions{Cancel: true}, "authentication_declined"},
		{"locked out", sandbox.JourneyOptions{User: "locked", Password: "password"}, "locked_out"},
		{"must reset credentials", sandbox.JourneyOptions{User: "reset", Password: "password"}, "reset_credentials"},
		{"no eligible accounts", sandbox.JourneyOptions{User: "nobody", Password: "password"}, "no_eligible_accounts"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cr := c.createConsent(t, aisBody())
			expectOutcome(t, journey(t, cr.AuthorizationUrl, tc.o), cr.ConsentId, tc.outcome)
			if s := c.consent(t, cr.ConsentId).Status; s == "Authorised" {
				t.Errorf("consent is %s after %s", s, tc.name)
			}
			// One event tells the app the journey failed, with its outcome.
			expectEvents(t, cr.ConsentId, "Consent Created", "Consent Authorisation Failed / "+tc.outcome)
		})
	}
}
