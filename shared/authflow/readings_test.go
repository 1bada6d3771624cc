package authflow

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/consent"
)

// readingPayees are real-world payee names (spaces, apostrophes, &, +, /, :,
// commas, accents, the longest name the connector accepts).
var readingPayees = []string{
	"Test Beneficiary", "O'Brien & Sons", "A+B Plumbing", "Smith/Jones: Flat 2, High St.",
	"Café Crème", "x=y Ltd", "100% Organic", strings.Repeat("Ackroyd Bell ", 11)[:140],
}

// TestURLsUnderEachReading builds every authorization URL the connector
// makes (AIS, DP, DSP, DSO, CBPII, the re-authentication of an authorised
// AIS or CBPII consent, an AIS step-up) from a stored consent, under each
// AUTH_URL_VALUES setting, decodes it under each of the bank's possible
// readings, and compares every value with the consent's field. The readings
// a setting promises (authurl.Values.Readers) must give every field back;
// a payee the literal setting cannot carry must be refused on ben_name.
func TestURLsUnderEachReading(t *testing.T) {
	t.Parallel()
	const id = "0b7a2c1e-4b5f-4c7d-9e2a-1f3b5d7c9a11"
	type journey struct {
		name   string
		c      consent.Consent
		stepUp bool
	}
	var journeys []journey
	for _, s := range []string{consent.StatusAwaitingAuthorisation, consent.StatusAuthorised} {
		journeys = append(journeys,
			journey{"AIS " + s, consent.Consent{ID: id, Type: TypeAccounts, Brand: "coop", Status: s}, false},
			journey{"CBPII " + s, consent.Consent{ID: id, Type: TypeFundsConfirmations, Brand: "smile", Status: s}, false})
	}
	journeys = append(journeys,
		journey{"AIS step-up", consent.Consent{ID: id, Type: TypeAccounts, Brand: "coop", Status: consent.StatusAuthorised}, true},
		journey{"DSO", consent.Consent{ID: id, Type: TypePayments, Brand: "smile", Journey: "DSO"}, false})
	for _, payee := range readingPayees {
		journeys = append(journeys,
			journey{"DP " + payee, consent.Consent{ID: id, Type: TypePayments, Brand: "coop", Journey: "DP", BenName: payee, Amount: "10.50"}, false},
			journey{"DSP " + payee, consent.Consent{ID: id, Type: TypePayments, Brand: "smile", Journey: "DSP", BenName: payee,
				Amount: "1000000.01", PaymentDate: "2026-12-15T00:00:00+00:00"}, false})
	}
	for _, values := range []authurl.Values{authurl.ValuesMinimal, authurl.ValuesLiteral} {
		for _, j := range journeys {
			p := Params(&j.c, j.stepUp)
			p.ClientID, p.RedirectURI = "tpp-client 1", "https://tpp.example.com/callback"
			p.State, p.CodeChallenge = strings.Repeat("s", 43), strings.Repeat("c", 43)
			p.Values = values
			u, err := authurl.Build("https://bank.example/openbanking/"+j.c.Brand+"/oauthRedirect", p)
			if values == authurl.ValuesLiteral && strings.ContainsAny(j.c.BenName, "&=") {
				var re *authurl.RuleError
				if err == nil || !asRule(err, &re) || re.Param != authurl.ParamBenName {
					t.Errorf("literal %s: Build error %v, want a rule on ben_name", j.name, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s %s: Build: %v", values, j.name, err)
			}
			parsed, _ := url.Parse(u)
			for _, r := range values.Readers() {
				pairs, err := authurl.DecodeAs(parsed.Query().Get(authurl.ParamData), r)
				if err != nil {
					t.Errorf("%s %s under %s: %v", values, j.name, r, err)
					continue
				}
				got := map[string]string{}
				for _, kv := range pairs {
					got[kv[0]] = kv[1]
				}
				want := map[string]string{
					authurl.ParamDisplay: j.c.ID, authurl.ParamLoginHint: j.c.Brand, authurl.ParamScope: authurl.ScopeFor(j.c.Type),
					authurl.ParamJourney: j.c.Journey, authurl.ParamClientID: p.ClientID, authurl.ParamRedirectURI: p.RedirectURI,
				}
				if j.c.Journey == "DP" || j.c.Journey == "DSP" {
					want[authurl.ParamBenName], want[authurl.ParamAmount] = j.c.BenName, j.c.Amount
				}
				if j.c.Journey == "DSP" {
					want[authurl.ParamPaymentDate] = j.c.PaymentDate
				}
				if j.stepUp {
					want[authurl.ParamStepUp] = authurl.StepUpRequire
				}
				for _, k := range []string{authurl.ParamDisplay, authurl.ParamLoginHint, authurl.ParamScope, authurl.ParamJourney,
					authurl.ParamClientID, authurl.ParamRedirectURI, authurl.ParamBenName, authurl.ParamAmount,
					authurl.ParamPaymentDate, authurl.ParamStepUp} {
					if got[k] != want[k] {
						t.Errorf("%s %s under the %s reading: %s = %q, want the consent's %q", values, j.name, r, k, got[k], want[k])
					}
				}
			}
		}
	}
}

func asRule(err error, re **authurl.RuleError) bool { return errors.As(err, re) }
