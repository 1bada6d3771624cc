package authurl

import (
	"encoding/base64"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const (
	endpoint  = "https://bank.example/openbanking/coop/oauthRedirect"
	redirect  = "https://tpp.example/callback"
	state     = "Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eHF1dXg"
	challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
	consentID = "0b7a2c1e-4b5f-4c7d-9e2a-1f3b5d7c9a11"
)

func accountsParams() Params {
	return Params{ClientID: "client 1", RedirectURI: redirect, Scope: ScopeAccounts, State: state,
		CodeChallenge: challenge, LoginHint: BrandCoop, ConsentID: consentID}
}

func paymentParams(journey string) Params {
	p := accountsParams()
	p.Scope, p.Journey, p.LoginHint = ScopePayments, journey, BrandSmile
	if journey != JourneyStandingOrder {
		p.BenName, p.Amount = "Test Beneficiary", "1000.50"
	}
	if journey == JourneyScheduled {
		p.PaymentDate = "2026-12-01T00:00:00+00:00"
	}
	return p
}

// dataOf checks the URL's shape and returns its data parameter.
func dataOf(t *testing.T, s string) string {
	t.Helper()
	base, q, ok := strings.Cut(s, "?")
	if !ok || base != endpoint {
		t.Fatalf("URL %q: want %s?data=…", s, endpoint)
	}
	d, ok := strings.CutPrefix(q, "data=")
	if !ok || strings.ContainsAny(d, "=&+/") {
		t.Fatalf("query %q: want one data parameter, base64url without padding", q)
	}
	return d
}

func TestBuildJourneys(t *testing.T) {
	t.Parallel()
	common := func(scope, hint string) [][2]string {
		return [][2]string{{"response_type", "code"}, {"client_id", "client 1"}, {"redirect_uri", redirect},
			{"scope", scope}, {"state", state}, {"code_challenge_method", "S256"}, {"code_challenge", challenge},
			{"login_hint", hint}}
	}
	stepUp := accountsParams()
	stepUp.StepUp = true
	funds := accountsParams()
	funds.Scope = ScopeFundsConfirmations
	tests := []struct {
		name    string
		p       Params
		want    [][2]string
		rawData string // substring expected in the decoded (not yet unescaped) string
	}{
		{"accounts", accountsParams(), append(common("accounts+offline", "coop"), [2]string{"display", consentID}),
			"&scope=accounts+offline&"},
		{"step-up", stepUp, append(common("accounts+offline", "coop"), [2]string{"stepUp", "require"}, [2]string{"display", consentID}),
			"&stepUp=require&display="},
		{"fundsconfirmations", funds, append(common("fundsconfirmations+offline", "coop"), [2]string{"display", consentID}),
			"&scope=fundsconfirmations+offline&"},
		{"DP", paymentParams("DP"), append(common("payments", "smile"), [2]string{"display", consentID},
			[2]string{"jrn_typ", "DP"}, [2]string{"ben_name", "Test Beneficiary"}, [2]string{"amount", "1000.50"}),
			"&ben_name=Test Beneficiary&amount=1000.50"},
		{"DSP", paymentParams("DSP"), append(common("payments", "smile"), [2]string{"display", consentID},
			[2]string{"jrn_typ", "DSP"}, [2]string{"ben_name", "Test Beneficiary"}, [2]string{"amount", "1000.50"},
			[2]string{"pymt_dt", "2026-12-01T00:00:00+00:00"}),
			"&pymt_dt=2026-12-01T00:00:00%2B00:00"},
		{"DSO", paymentParams("DSO"), append(common("payments", "smile"), [2]string{"display", consentID},
			[2]string{"jrn_typ", "DSO"}),
			"&jrn_typ=DSO"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			u, err := Build(endpoint, tc.p)
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			d := dataOf(t, u)
			rawBytes, err := base64.RawURLEncoding.DecodeString(d)
			if err != nil {
				t.Fatal(err)
			}
			if s := string(rawBytes); !strings.Contains(s, tc.rawData) || !strings.Contains(s, "&redirect_uri="+redirect+"&") {
				t.Errorf("data string %q: want it to contain %q and the raw redirect_uri", s, tc.rawData)
			}
			got, err := Decode(d)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("parameters (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBuildRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		param string
		edit  func(*Params)
	}{
		{"client_id empty", ParamClientID, func(p *Params) { p.ClientID = "" }},
		{"client_id control", ParamClientID, func(p *Params) { p.ClientID = "a\nb" }},
		{"redirect empty", ParamRedirectURI, func(p *Params) { p.RedirectURI = "" }},
		{"redirect relative", ParamRedirectURI, func(p *Params) { p.RedirectURI = "/callback" }},
		{"redirect http", ParamRedirectURI, func(p *Params) { p.RedirectURI = "http://tpp.example/callback" }},
		{"redirect ampersand", ParamRedirectURI, func(p *Params) { p.RedirectURI = "https://tpp.example/cb&x" }},
		{"redirect query", ParamRedirectURI, func(p *Params) { p.RedirectURI = "https://tpp.example/cb?a=b" }},
		{"redirect fragment", ParamRedirectURI, func(p *Params) { p.RedirectURI = "https://tpp.example/cb#f" }},
		{"redirect ftp", ParamRedirectURI, func(p *Params) { p.RedirectURI = "ftp://tpp.example/cb" }},
		{"redirect space", ParamRedirectURI, func(p *Params) { p.RedirectURI = "https://tpp.example/call back" }},
		{"redirect non-ASCII", ParamRedirectURI, func(p *Params) { p.RedirectURI = "https://tpp.example/café" }},
		{"scope empty", ParamScope, func(p *Params) { p.Scope = "" }},
		{"scope accounts bare", ParamScope, func(p *Params) { p.Scope = "accounts" }},
		{"scope space", ParamScope, func(p *Params) { p.Scope = "accounts offline" }},
		{"scope PISP", ParamScope, func(p *Params) { p.Scope = "PISP+offline" }},
		{"state short", ParamState, func(p *Params) { p.State = state[:42] }},
		{"state alphabet", ParamState, func(p *Params) { p.State = state[:42] + "=" }},
		{"state long", ParamState, func(p *Params) { p.State = strings.Repeat("A", maxStateLen+1) }},
		{"challenge short", ParamCodeChallenge, func(p *Params) { p.CodeChallenge = challenge[:42] }},
		{"challenge long", ParamCodeChallenge, func(p *Params) { p.CodeChallenge = challenge + "A" }},
		{"challenge alphabet", ParamCodeChallenge, func(p *Params) { p.CodeChallenge = challenge[:42] + "+" }},
		{"login_hint empty", ParamLoginHint, func(p *Params) { p.LoginHint = "" }},
		{"login_hint other", ParamLoginHint, func(p *Params) { p.LoginHint = "Coop" }},
		{"display empty", ParamDisplay, func(p *Params) { p.ConsentID = "" }},
		{"display not uuid", ParamDisplay, func(p *Params) { p.ConsentID = strings.Repeat("x", 36) }},
		{"display braces", ParamDisplay, func(p *Params) { p.ConsentID = "{" + consentID + "}" }},
		{"stepUp with payments", ParamStepUp, func(p *Params) { *p = paymentParams("DP"); p.StepUp = true }},
		{"stepUp with funds", ParamStepUp, func(p *Params) { p.Scope = ScopeFundsConfirmations; p.StepUp = true }},
		{"jrn_typ missing", ParamJourney, func(p *Params) { *p = paymentParams("DP"); p.Journey = "" }},
		{"jrn_typ unknown", ParamJourney, func(p *Params) { *p = paymentParams("DP"); p.Journey = "IP" }},
		{"jrn_typ with accounts", ParamJourney, func(p *Params) { p.Journey = "DP" }},
		{"ben_name missing DP", ParamBenName, func(p *Params) { *p = paymentParams("DP"); p.BenName = "" }},
		{"ben_name missing DSP", ParamBenName, func(p *Params) { *p = paymentParams("DSP"); p.BenName = "" }},
		{"ben_name with DSO", ParamBenName, func(p *Params) { *p = paymentParams("DSO"); p.BenName = "X" }},
		{"ben_name long", ParamBenName, func(p *Params) { *p = paymentParams("DP"); p.BenName = strings.Repeat("B", maxBenNameLen+1) }},
		{"ben_name control", ParamBenName, func(p *Params) { *p = paymentParams("DSP"); p.BenName = "Bob\x01" }},
		{"amount missing DP", ParamAmount, func(p *Params) { *p = paymentParams("DP"); p.Amount = "" }},
		{"amount missing DSP", ParamAmount, func(p *Params) { *p = paymentParams("DSP"); p.Amount = "" }},
		{"amount not decimal", ParamAmount, func(p *Params) { *p = paymentParams("DP"); p.Amount = "10,00" }},
		{"amount negative", ParamAmount, func(p *Params) { *p = paymentParams("DP"); p.Amount = "-1" }},
		{"amount with DSO", ParamAmount, func(p *Params) { *p = paymentParams("DSO"); p.Amount = "1" }},
		{"pymt_dt missing DSP", ParamPaymentDate, func(p *Params) { *p = paymentParams("DSP"); p.PaymentDate = "" }},
		{"pymt_dt with DP", ParamPaymentDate, func(p *Params) { *p = paymentParams("DP"); p.PaymentDate = "2026-12-01T00:00:00+00:00" }},
		{"pymt_dt with DSO", ParamPaymentDate, func(p *Params) { *p = paymentParams("DSO"); p.PaymentDate = "2026-12-01T00:00:00+00:00" }},
		{"pymt_dt bad", ParamPaymentDate, func(p *Params) { *p = paymentParams("DSP"); p.PaymentDate = "2026-12-01" }},
		{"pymt_dt offset 24h", ParamPaymentDate, func(p *Params) { *p = paymentParams("DSP"); p.PaymentDate = "2026-12-01T00:00:00+24:00" }},
		{"pymt_dt year 2100", ParamPaymentDate, func(p *Params) { *p = paymentParams("DSP"); p.PaymentDate = "2100-12-01T00:00:00+00:00" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := accountsParams()
			tc.edit(&p)
			u, err := Build(endpoint, p)
			if u != "" {
				t.Errorf("Build returned URL %q with an error", u)
			}
			var re *RuleError
			if !errors.As(err, &re) || !errors.Is(err, ErrRule) {
				t.Fatalf("Build error = %v, want a *RuleError matching ErrRule", err)
			}
			if re.Param != tc.param {
				t.Errorf("RuleError.Param = %q, want %q (%v)", re.Param, tc.param, err)
			}
		})
	}
}

func TestBuildLoopbackHTTPAllowed(t *testing.T) {
	t.Parallel()
	for _, r := range []string{"http://127.0.0.1:8080/callback", "http://localhost/callback"} {
		p := accountsParams()
		p.RedirectURI = r
		if _, err := Build(endpoint, p); err != nil {
			t.Errorf("redirect %s: %v", r, err)
		}
	}
}

func TestBuildBadEndpoint(t *testing.T) {
	t.Parallel()
	for _, ep := range []string{"", "/relative", endpoint + "?x=1", "ftp://bank.example/x"} {
		if _, err := Build(ep, accountsParams()); !errors.Is(err, ErrRule) {
			t.Errorf("endpoint %q: error %v, want ErrRule", ep, err)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	t.Parallel()
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for name, d := range map[string]string{
		"padding":    base64.URLEncoding.EncodeToString([]byte("client_id=a")),
		"no equals":  enc("client_id"),
		"unknown":    enc("client_id=a&nonce=b"),
		"duplicate":  enc("client_id=a&client_id=b"),
		"capital":    enc("Display=" + consentID),
		"bad escape": enc("client_id=%zz"),
	} {
		if _, err := Decode(d); err == nil {
			t.Errorf("%s: Decode accepted %q", name, d)
		}
	}
}

func TestScopeFor(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"accounts": ScopeAccounts, "payments": ScopePayments,
		"fundsconfirmations": ScopeFundsConfirmations, "other": ""} {
		if got := ScopeFor(in); got != want {
			t.Errorf("ScopeFor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRandomValuesPassRules(t *testing.T) {
	t.Parallel()
	s1, err := NewState()
	if err != nil {
		t.Fatal(err)
	}
	s2, _ := NewState()
	if s1 == s2 {
		t.Error("NewState returned the same value twice")
	}
	v, c := NewPKCE()
	if len(v) != 43 {
		t.Errorf("verifier length %d, want 43", len(v))
	}
	p := accountsParams()
	p.State, p.CodeChallenge = s1, c
	u, err := Build(endpoint, p)
	if err != nil {
		t.Fatalf("Build with fresh state and challenge: %v", err)
	}
	if _, err := url.Parse(u); err != nil {
		t.Fatal(err)
	}
}
