package sandbox

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func dpInitiation(debtor map[string]any) map[string]any {
	in := map[string]any{"InstructionIdentification": "ACME412", "EndToEndIdentification": "FRESCO.21302.GFX.20",
		"InstructedAmount":      map[string]any{"Amount": "165.88", "Currency": "GBP"},
		"CreditorAccount":       map[string]any{"SchemeName": "UK.OBIE.SortCodeAccountNumber", "Identification": "08080021325698", "Name": "Test Beneficiary"},
		"RemittanceInformation": map[string]any{"Reference": "FRESCO-101"}}
	if debtor != nil {
		in["DebtorAccount"] = debtor
	}
	return in
}

// nextWeekday is a valid scheduled date: after today, not a weekend or fixed holiday.
func nextWeekday(now time.Time) time.Time {
	d := now.Truncate(24*time.Hour).AddDate(0, 0, 3)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || (d.Month() == 12 && d.Day() >= 25) || (d.Month() == 1 && d.Day() == 1) {
		d = d.AddDate(0, 0, 1)
	}
	return d.Add(10 * time.Hour)
}

// createPIS posts a payment consent of kind k and returns its id and initiation.
func (f *fixture) createPIS(k kind, in map[string]any) string {
	f.t.Helper()
	data := map[string]any{"Initiation": in}
	if k != kindDP {
		data["Permission"] = "Create"
	}
	body := mustJSON(f.t, map[string]any{"Data": data, "Risk": map[string]any{"PaymentContextCode": "EcommerceGoods"}})
	s, raw := f.signedPost(pispBase+"/"+pisPaths[k].consents, f.ccToken("payments"), randomHex(8), body)
	if s != http.StatusCreated {
		f.t.Fatalf("%s consent: %d %s", k, s, raw)
	}
	return consentID(f.t, raw)
}

func (f *fixture) dspInitiation() map[string]any {
	in := dpInitiation(nil)
	delete(in, "EndToEndIdentification")
	in["RequestedExecutionDateTime"] = obTime(nextWeekday(f.b.Now()))
	return in
}

func dsoInitiation(first time.Time) map[string]any {
	return map[string]any{"Frequency": "IntrvlMnthDay:01:15", "Reference": "RENT", "NumberOfPayments": "12",
		"FirstPaymentDateTime": obTime(first), "FirstPaymentAmount": map[string]any{"Amount": "500.00", "Currency": "GBP"},
		"CreditorAccount": map[string]any{"SchemeName": "UK.OBIE.SortCodeAccountNumber", "Identification": "40400411223344", "Name": "Landlord"}}
}

func TestAuthorizationRules(t *testing.T) {
	f := newFixture(t)
	ais := f.createAIS()
	dp := f.createPIS(kindDP, dpInitiation(nil))
	dsp := f.createPIS(kindDSP, f.dspInitiation())
	pay := func(id, jrn string) authParams {
		p := f.params(id, "payments").set("jrn_typ", jrn)
		if jrn != "DSO" {
			p = p.set("ben_name", "Test Beneficiary").set("amount", "165.88")
		}
		if jrn == "DSP" {
			p = p.set("pymt_dt", f.b.st.consents[dsp].pay.RequestedExecutionDateTime)
		}
		return p
	}
	valid := f.params(ais, "accounts+offline")
	const drop = "\x00"
	tests := []struct {
		name string
		url  string
		rule string
	}{
		{"no data", f.b.AuthURL("coop"), "data"},
		{"padded base64", f.b.AuthURL("coop") + "?data=" + valid.encode() + "==", "data"},
		{"duplicate parameter", f.authURL(append(valid, [2]string{"state", "x"})), "parameters"},
		{"unknown parameter", f.authURL(valid.set("nonce", "n")), "parameters"},
		{"response_type missing", f.authURL(valid.set("response_type", drop)), "response_type"},
		{"response_type token", f.authURL(valid.set("response_type", "token")), "response_type"},
		{"client_id missing", f.authURL(valid.set("client_id", drop)), "client_id"},
		{"client_id wrong", f.authURL(valid.set("client_id", "someone")), "client_id"},
		{"redirect_uri missing", f.authURL(valid.set("redirect_uri", drop)), "redirect_uri"},
		{"redirect_uri encoded", f.authURL(valid.set("redirect_uri", "http%3A%2F%2F127.0.0.1%3A3000%2Fcallback")), "redirect_uri"},
		{"redirect_uri other", f.authURL(valid.set("redirect_uri", "http://127.0.0.1:3000/other")), "redirect_uri"},
		{"scope missing", f.authURL(valid.set("scope", drop)), "scope"},
		{"scope encoded", f.authURL(valid.set("scope", "accounts%2Boffline")), "scope"},
		{"scope without offline", f.authURL(valid.set("scope", "accounts")), "scope"},
		{"state missing", f.authURL(valid.set("state", drop)), "state"},
		{"login_hint missing", f.authURL(valid.set("login_hint", drop)), "login_hint"},
		{"login_hint other bank", f.authURL(valid.set("login_hint", "natwest")), "login_hint"},
		{"login_hint not the path brand", f.authURL(valid.set("login_hint", "smile")), "login_hint"},
		{"code_challenge missing", f.authURL(valid.set("code_challenge", drop)), "code_challenge"},
		{"code_challenge_method plain", f.authURL(valid.set("code_challenge_method", "plain")), "code_challenge_method"},
		{"code_challenge_method missing", f.authURL(valid.set("code_challenge_method", drop)), "code_challenge_method"},
		{"stepUp other value", f.authURL(valid.set("stepUp", "true")), "stepUp"},
		{"stepUp on an unauthorised consent", f.authURL(valid.set("stepUp", "require")), "stepUp"},
		{"display missing", f.authURL(valid.set("display", drop)), "display"},
		{"display 35 chars", f.authURL(valid.set("display", ais[:35])), "display"},
		{"display unknown", f.authURL(valid.set("display", "00000000-0000-0000-0000-000000000000")), "display"},
		{"display of a payment consent", f.authURL(valid.set("display", dp)), "display"},
		{"jrn_typ with accounts", f.authURL(valid.set("jrn_typ", "DP")), "jrn_typ"},
		{"jrn_typ missing", f.authURL(pay(dp, "DP").set("jrn_typ", drop)), "jrn_typ"},
		{"jrn_typ unknown", f.authURL(pay(dp, "DP").set("jrn_typ", "IP")), "jrn_typ"},
		{"jrn_typ not the consent's", f.authURL(pay(dp, "DSP").set("pymt_dt", drop)), "jrn_typ"},
		{"ben_name missing", f.authURL(pay(dp, "DP").set("ben_name", drop)), "ben_name"},
		{"ben_name different", f.authURL(pay(dp, "DP").set("ben_name", "Someone Else")), "ben_name"},
		{"amount missing", f.authURL(pay(dp, "DP").set("amount", drop)), "amount"},
		{"amount different", f.authURL(pay(dp, "DP").set("amount", "165.880")), "amount"},
		{"pymt_dt missing", f.authURL(pay(dsp, "DSP").set("pymt_dt", drop)), "pymt_dt"},
		{"pymt_dt different", f.authURL(pay(dsp, "DSP").set("pymt_dt", "2030-01-01T00:00:00+00:00")), "pymt_dt"},
	}
	for _, ok := range []authParams{valid, pay(dp, "DP"), pay(dsp, "DSP")} {
		if _, err := f.b.Journey(f.ctx, f.authURL(ok), JourneyOptions{User: "alice", Password: "password", Decline: true}); err != nil {
			t.Fatalf("valid request refused: %v", err)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.b.Journey(f.ctx, tt.url, alice)
			var je *JourneyError
			if !errors.As(err, &je) || je.Status != http.StatusBadRequest || je.Rule != tt.rule {
				t.Errorf("got %v, want a 400 page naming rule %q", err, tt.rule)
			}
		})
	}
}

func TestJourneyOutcomes(t *testing.T) {
	f := newFixture(t)
	foreign := map[string]any{"SchemeName": "UK.OBIE.SortCodeAccountNumber", "Identification": "11111122222222"}
	tests := []struct {
		name      string
		params    func() authParams
		j         JourneyOptions
		err, desc string
	}{
		{"approve", func() authParams { return f.params(f.createAIS(), "accounts+offline") }, alice, "", ""},
		{"no eligible accounts", func() authParams { return f.params(f.createAIS(), "accounts+offline") },
			JourneyOptions{User: "nobody", Password: "password"}, errNoEligible, descNoEligible},
		{"locked", func() authParams { return f.params(f.createAIS(), "accounts+offline") },
			JourneyOptions{User: "locked", Password: "password"}, errAuthFailed, descLockedOut},
		{"reset", func() authParams { return f.params(f.createAIS(), "accounts+offline") },
			JourneyOptions{User: "reset", Password: "password"}, errAuthFailed, descReset},
		{"cancel at login", func() authParams { return f.params(f.createAIS(), "accounts+offline") },
			JourneyOptions{Cancel: true}, errAuthDeclined, descAuthDeclined},
		{"decline consent", func() authParams { return f.params(f.createAIS(), "accounts+offline") },
			JourneyOptions{User: "alice", Password: "password", Decline: true}, errConsentDeclined, descConsentDeclined},
		{"debtor account not the PSU's", func() authParams {
			return f.params(f.createPIS(kindDP, dpInitiation(foreign)), "payments").set("jrn_typ", "DP").set("ben_name", "Test Beneficiary").set("amount", "165.88")
		}, alice, errAccountNotFound, descAccountNotFound},
		{"cbpii debtor not the PSU's", func() authParams {
			return f.params(f.createCBPII("11111122222222"), "fundsconfirmations+offline")
		}, alice, errAccountNotFound, descAccountNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.params()
			state := p[4][1]
			loc, err := f.b.Journey(f.ctx, f.authURL(p), tt.j)
			if err != nil {
				t.Fatal(err)
			}
			q := loc.Query()
			if q.Get("state") != state || q.Get("error") != tt.err || q.Get("error_description") != tt.desc {
				t.Errorf("redirect %s: want error %q %q state %q", loc, tt.err, tt.desc, state)
			}
			if tt.err == "" && q.Get("code") == "" {
				t.Errorf("no code in %s", loc)
			}
			if tt.err != "" && loc.RawQuery == "" {
				t.Error("empty query")
			}
		})
	}
	t.Run("spaces are form-encoded as +", func(t *testing.T) {
		loc, err := f.b.Journey(f.ctx, f.authURL(f.params(f.createAIS(), "accounts+offline")), JourneyOptions{Cancel: true})
		if err != nil || !strings.Contains(loc.RawQuery, "error=Authentication+declined") {
			t.Errorf("%v %v", loc, err)
		}
	})
	t.Run("wrong password stays on the login page", func(t *testing.T) {
		_, err := f.b.Journey(f.ctx, f.authURL(f.params(f.createAIS(), "accounts+offline")), JourneyOptions{User: "alice", Password: "nope"})
		var je *JourneyError
		if !errors.As(err, &je) || je.Status != http.StatusOK {
			t.Errorf("got %v", err)
		}
	})
	t.Run("chosen accounts only", func(t *testing.T) {
		id := f.createAIS()
		f.authorise(f.params(id, "accounts+offline"), JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1002"}})
		info, _ := f.b.Consent(id)
		if info.Status != statusAuthorised || len(info.Accounts) != 1 || info.Accounts[0] != "1002" || info.PSU != "alice" {
			t.Errorf("consent after journey: %+v", info)
		}
	})
}

func (f *fixture) createCBPII(identification string) string {
	f.t.Helper()
	body := mustJSON(f.t, map[string]any{"Data": map[string]any{"DebtorAccount": map[string]any{
		"SchemeName": "UK.OBIE.SortCodeAccountNumber", "Identification": identification}}})
	s, raw := f.do("POST", cbpiiBase+"/funds-confirmation-consents", f.ccToken("fundsconfirmations"), body, nil)
	if s != http.StatusCreated {
		f.t.Fatalf("cbpii consent: %d %s", s, raw)
	}
	return consentID(f.t, raw)
}
