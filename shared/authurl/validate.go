package authurl

import (
	"math"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/google/uuid"

	"github.com/coop-ob/connector/shared/obtime"

	"github.com/coop-ob/connector/shared/ascii"
)

var (
	// base64url alphabet, no padding.
	b64url = ascii.Rule{Min: 1, Max: math.MaxInt, Extra: "_-"} // ^[A-Za-z0-9_-]+$
	// OB ActiveOrHistoricCurrencyAndAmount pattern.
	decimal = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,13}(\.\d{1,5})?$`) }) // on first use
)

// Length bounds: a state of 32 random bytes is 43 characters; an S256
// challenge is base64url(SHA-256) = 43 characters.
const (
	minStateLen     = 43
	maxStateLen     = 512
	challengeLen    = 43
	maxBenNameLen   = 350 // OB Max350Text (CreditorAccount.Name)
	consentIDLength = 36
)

// validate checks p against the bank's rules, in parameter order, and returns
// the first rule broken.
// ValidConsentID reports whether id has the form of the bank's consent ids, which the
// authorization URL carries as display: a UUID of exactly 36 characters, hyphens included
// (General specifications, "Parameters"). The functions check path ids with it before use.
func ValidConsentID(id string) bool {
	if len(id) != consentIDLength {
		return false
	}
	_, err := uuid.Parse(id)
	return err == nil
}

func validate(p Params) error {
	rule := func(param, r string) error { return &RuleError{Param: param, Rule: r} }
	if p.ClientID == "" {
		return rule(ParamClientID, "required")
	}
	if hasControl(p.ClientID) {
		return rule(ParamClientID, "must not contain control characters")
	}
	if r := redirectRule(p.RedirectURI); r != "" {
		return rule(ParamRedirectURI, r)
	}
	switch p.Scope {
	case ScopeAccounts, ScopePayments, ScopeFundsConfirmations:
	default:
		return rule(ParamScope, "must be one of accounts+offline, payments, fundsconfirmations+offline")
	}
	if len(p.State) < minStateLen || len(p.State) > maxStateLen || !b64url.MatchString(p.State) {
		return rule(ParamState, "must be at least 43 base64url characters (32 random bytes)")
	}
	if len(p.CodeChallenge) != challengeLen || !b64url.MatchString(p.CodeChallenge) {
		return rule(ParamCodeChallenge, "must be an S256 challenge: 43 base64url characters")
	}
	if p.LoginHint != BrandCoop && p.LoginHint != BrandSmile {
		return rule(ParamLoginHint, "must be coop or smile")
	}
	if p.StepUp && p.Scope != ScopeAccounts {
		return rule(ParamStepUp, "only with scope accounts+offline")
	}
	if !ValidConsentID(p.ConsentID) {
		return rule(ParamDisplay, "must be the consent id: a UUID of exactly 36 characters")
	}
	if err := paymentRules(p, rule); err != nil {
		return err
	}
	return valuesRules(p, rule)
}

// valuesRules checks that every value can be written as p.Values says.
func valuesRules(p Params, rule func(param, r string) error) error {
	if !p.Values.Valid() {
		return rule(ParamData, "values must be written minimal or literal")
	}
	for _, kv := range pairs(p) {
		if raw(kv[0]) {
			continue
		}
		if r := p.Values.LiteralRule(kv[1]); r != "" {
			return rule(kv[0], r)
		}
	}
	return nil
}

// paymentRules checks jrn_typ, ben_name, amount and pymt_dt.
func paymentRules(p Params, rule func(param, r string) error) error {
	payments := p.Scope == ScopePayments
	switch {
	case !payments && p.Journey != "":
		return rule(ParamJourney, "only with scope payments")
	case payments && p.Journey == "":
		return rule(ParamJourney, "required with scope payments")
	case payments && p.Journey != JourneyDomestic && p.Journey != JourneyScheduled && p.Journey != JourneyStandingOrder:
		return rule(ParamJourney, "must be DP, DSP or DSO")
	}
	needsPayee := p.Journey == JourneyDomestic || p.Journey == JourneyScheduled
	switch {
	case needsPayee && p.BenName == "":
		return rule(ParamBenName, "required for DP and DSP")
	case !needsPayee && p.BenName != "":
		return rule(ParamBenName, "only for DP and DSP")
	case len(p.BenName) > maxBenNameLen || hasControl(p.BenName):
		return rule(ParamBenName, "must be at most 350 characters without control characters")
	}
	switch {
	case needsPayee && p.Amount == "":
		return rule(ParamAmount, "required for DP and DSP")
	case !needsPayee && p.Amount != "":
		return rule(ParamAmount, "only for DP and DSP")
	case p.Amount != "" && !decimal().MatchString(p.Amount):
		return rule(ParamAmount, "must be a decimal string like 10.50")
	}
	switch {
	case p.Journey == JourneyScheduled && p.PaymentDate == "":
		return rule(ParamPaymentDate, "required for DSP")
	case p.Journey != JourneyScheduled && p.PaymentDate != "":
		return rule(ParamPaymentDate, "only for DSP")
	case p.PaymentDate != "" && !isDateTime(p.PaymentDate):
		return rule(ParamPaymentDate, "must be an ISO 8601 date-time with offset, as in the consent")
	}
	return nil
}

// redirectRule returns the rule the redirect URI breaks, or "". The URI is
// written raw, so it must not hold a character that would break k=v&k=v.
func redirectRule(s string) string {
	if s == "" {
		return "required"
	}
	if strings.ContainsAny(s, "&#=? \t\r\n") || hasControl(s) || !isASCII(s) {
		return "must not contain &, #, =, ?, spaces, control or non-ASCII characters (it is sent unencoded)"
	}
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() || u.Host == "" || u.User != nil {
		return "must be an absolute URI with a host"
	}
	switch u.Scheme {
	case "https":
	case "http":
		if h := u.Hostname(); h != "127.0.0.1" && h != "localhost" && h != "::1" {
			return "must be https (http only for 127.0.0.1 or localhost)"
		}
	default:
		return "must be https (http only for 127.0.0.1 or localhost)"
	}
	return ""
}

// isDateTime: the connector's one strict RFC 3339 parser (obtime.Parse).
func isDateTime(s string) bool {
	_, err := obtime.Parse(s)
	return err == nil
}

func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f })
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
