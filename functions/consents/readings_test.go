package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
)

// apiPayees are payee names and references as apps send them: spaces,
// apostrophes, &, +, /, :, commas, brackets, and the longest name the
// connector accepts (140 characters). Accents are refused by the payee rules
// (docs/bank-rules.md §PIS limits); shared/authflow's table test covers them.
var apiPayees = []struct{ name, reference string }{
	{"Test Beneficiary", "INV-42"},
	{"O'Brien & Sons", "Ref: 12/34, A+B"},
	{"A+B Plumbing", "Job (7) 'urgent'"},
	{"Smith/Jones: Flat 2, High St.", "Rent Dec 2026"},
	{"Dr. J. Smith-Jones (Trustee)", "ORDER?123"},
	{strings.Repeat("Ackroyd Bell & Co ", 8)[:140], "LONG-NAME"},
}

func paymentBody(journey, payee, reference, executionDate string) string {
	name, _ := json.Marshal(payee)
	ref, _ := json.Marshal(reference)
	body := `{"brand":"coop","type":"payments","journey":"` + journey + `","amount":"10.50",` +
		`"creditor":{"name":` + string(name) + `,"sortCode":"080800","accountNumber":"21325698"},"reference":` + string(ref)
	if journey == "DSP" {
		body += `,"executionDate":"` + executionDate + `"`
	}
	return body + "}"
}

// TestAuthorizationValuesPairedRuns: the connector's DP and DSP
// authorization URLs, for every payee of the corpus, pass the sandbox bank
// read each way the setting promises: the default (minimal) encoding under
// the form and percent readings, AUTH_URL_VALUES=literal under the literal
// reading. Each journey reaches the redirect with a code, so the bank found
// ben_name, amount and pymt_dt equal to the consent's.
func TestAuthorizationValuesPairedRuns(t *testing.T) {
	runs := []struct {
		values   string
		decoding sandbox.Decoding
	}{
		{"minimal", sandbox.DecodeForm},
		{"minimal", sandbox.DecodePercent},
		{"literal", sandbox.DecodeLiteral},
	}
	for _, run := range runs {
		t.Run(run.values+"/"+string(run.decoding), func(t *testing.T) {
			env := testenv.Start(t, testenv.Options{Bank: sandbox.Options{Decoding: run.decoding},
				Env: map[string]string{"AUTH_URL_VALUES": run.values}})
			f := &fixture{env: env, h: New(env.Deps)}
			date := workingDay(env.Bank.Now(), 7)
			carried := 0
			for _, p := range apiPayees {
				if run.values == "literal" && strings.ContainsAny(p.name, "&=") {
					continue // TestLiteralRefusesBeforeTheBank
				}
				carried++
				for _, journey := range []string{"DP", "DSP"} {
					created := f.create(t, "app-1", paymentBody(journey, p.name, p.reference, date))
					if _, got := params(t, created.BankAuthorizationURL); run.values == "minimal" && got["ben_name"] != p.name {
						t.Errorf("%s %q: ben_name read back as %q", journey, p.name, got["ben_name"])
					}
					f.journey(t, created.BankAuthorizationURL)
				}
			}
			if carried < 4 {
				t.Errorf("%s run carried %d payees, want at least 4", run.values, carried)
			}
		})
	}
}

// TestLiteralRefusesBeforeTheBank: under AUTH_URL_VALUES=literal a payee name
// with & cannot travel in the authorization URL; POST /consents answers 400
// naming creditor.name, and the bank is not called and nothing is stored.
func TestLiteralRefusesBeforeTheBank(t *testing.T) {
	env := testenv.Start(t, testenv.Options{Bank: sandbox.Options{Decoding: sandbox.DecodeLiteral},
		Env: map[string]string{"AUTH_URL_VALUES": "literal"}})
	f := &fixture{env: env, h: New(env.Deps)}
	items := f.countItems(t)
	for _, journey := range []string{"DP", "DSP"} {
		resp := f.do(t, routeCreate, "app-1", "", paymentBody(journey, "O'Brien & Sons", "INV-42", workingDay(env.Bank.Now(), 7)))
		p := problem(t, resp)
		if resp.StatusCode != 400 || len(p.Errors) != 1 || p.Errors[0].Field != "creditor.name" {
			t.Errorf("%s: %d %s, want 400 naming creditor.name", journey, resp.StatusCode, resp.Body)
		}
	}
	if n := len(env.Bank.Requests()); n != 0 {
		t.Errorf("the bank got %d requests, want none", n)
	}
	if n := f.countItems(t); n != items {
		t.Errorf("table has %d items, want %d", n, items)
	}
}

// TestLiteralAfterTheFact: a payment consent created under the default
// encoding with a payee holding &, then authorised again after the switch to
// AUTH_URL_VALUES=literal, answers 409 conflict (not a 500): its URL cannot
// carry the payee literally.
func TestLiteralAfterTheFact(t *testing.T) {
	env := testenv.Start(t, testenv.Options{})
	f := &fixture{env: env, h: New(env.Deps)}
	created := f.create(t, "app-1", paymentBody("DP", "O'Brien & Sons", "INV-42", ""))
	literal := *env.Deps
	literal.Config.AuthURLValues = "literal"
	g := &fixture{env: env, h: New(&literal)}
	resp := g.do(t, routeAuthorize, "app-1", created.ConsentID, "")
	if p := problem(t, resp); resp.StatusCode != 409 || !strings.Contains(p.Detail, "AUTH_URL_VALUES=literal") {
		t.Errorf("authorize = %d %s, want 409 naming AUTH_URL_VALUES=literal", resp.StatusCode, resp.Body)
	}
}
