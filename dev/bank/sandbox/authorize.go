package sandbox

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// authParamNames are the parameters the bank accepts inside data= (docs/bank-rules.md §Authorization URL).
var authParamNames = []string{"response_type", "client_id", "redirect_uri", "scope", "state",
	"code_challenge_method", "code_challenge", "login_hint", "stepUp", "display",
	"jrn_typ", "ben_name", "amount", "pymt_dt"}

var codeChallengeRe = regexp.MustCompile(`^[A-Za-z0-9._~-]{43,128}$`)

// authRequest is a decoded, validated authorization request.
type authRequest struct {
	brand   string
	p       map[string]string
	consent *consent
	stepUp  bool
}

// ruleError names the rule of the bank's parameter table an authorization request broke.
type ruleError struct{ Rule, Message string }

func (e *ruleError) Error() string { return e.Rule + ": " + e.Message }

func broken(rule, format string, args ...any) *ruleError {
	return &ruleError{Rule: rule, Message: fmt.Sprintf(format, args...)}
}

// decodeAuthData is the bank's reading of data=: base64url without padding, then
// "k=v&k=v", split on the first "="; redirect_uri and scope raw, the rest read
// by d (form: url.QueryUnescape'd; percent; literal); duplicate and unknown names refused.
func decodeAuthData(data []string, d Decoding) (map[string]string, *ruleError) {
	if len(data) != 1 || data[0] == "" {
		return nil, broken("data", "exactly one data parameter (base64url of the parameter string) is required")
	}
	raw, err := base64.RawURLEncoding.DecodeString(data[0])
	if err != nil {
		if strings.HasSuffix(data[0], "=") {
			return nil, broken("data", "data must be base64url without padding")
		}
		return nil, broken("data", "data is not base64url")
	}
	p := map[string]string{}
	for pair := range strings.SplitSeq(string(raw), "&") {
		name, value, ok := strings.Cut(pair, "=")
		if !ok || name == "" {
			return nil, broken("parameters", "malformed parameter %q: expected name=value", pair)
		}
		if !slices.Contains(authParamNames, name) {
			return nil, broken("parameters", "unknown parameter %q", name)
		}
		if _, dup := p[name]; dup {
			return nil, broken("parameters", "duplicate parameter %q", name)
		}
		if name != "redirect_uri" && name != "scope" {
			if value, err = d.decode(value); err != nil {
				return nil, broken(name, "%s is not validly encoded", name)
			}
		}
		p[name] = value
	}
	return p, nil
}

// validateAuthLocked applies every row of the bank's parameter table ("General
// specifications", Parameters) to a decoded request for brand.
func (b *Bank) validateAuthLocked(brand string, p map[string]string) (*authRequest, *ruleError) {
	req := &authRequest{brand: brand, p: p}
	if p["response_type"] != "code" {
		return nil, broken("response_type", "response_type must be present and must be code")
	}
	if p["client_id"] == "" {
		return nil, broken("client_id", "client_id must be present")
	}
	if p["client_id"] != b.mat.ClientID {
		return nil, broken("client_id", "client_id is not the one shared at onboarding")
	}
	if ru := p["redirect_uri"]; ru != b.o.RedirectURI {
		if strings.Contains(ru, "%") {
			return nil, broken("redirect_uri", "redirect_uri must not be %%-encoded")
		}
		return nil, broken("redirect_uri", "redirect_uri must match the one provided in the onboarding form")
	}
	scope := p["scope"]
	var k kind
	switch scope {
	case "accounts+offline":
		k = kindAIS
	case "payments":
		k = kindDP
	case "fundsconfirmations+offline":
		k = kindCBPII
	default:
		if strings.Contains(scope, "%") {
			return nil, broken("scope", "scope must not be %%-encoded")
		}
		return nil, broken("scope", "scope must be accounts+offline, payments or fundsconfirmations+offline")
	}
	if p["state"] == "" {
		return nil, broken("state", "state must be present")
	}
	if lh := p["login_hint"]; lh != "coop" && lh != "smile" {
		return nil, broken("login_hint", "login_hint must be coop or smile")
	} else if lh != brand {
		return nil, broken("login_hint", "login_hint %s does not match the %s endpoint", lh, brand)
	}
	if !codeChallengeRe.MatchString(p["code_challenge"]) {
		return nil, broken("code_challenge", "code_challenge must be present (43-128 characters of the PKCE alphabet)")
	}
	if p["code_challenge_method"] != "S256" {
		return nil, broken("code_challenge_method", "code_challenge_method must be present and must be S256")
	}
	if su, ok := p["stepUp"]; ok {
		if su != "require" {
			return nil, broken("stepUp", "stepUp, when present, must be require")
		}
		if k != kindAIS {
			return nil, broken("stepUp", "stepUp is only for AIS (accounts+offline) journeys")
		}
		req.stepUp = true
	}
	c, e := b.displayConsentLocked(p["display"], k, req.stepUp)
	if e != nil {
		return nil, e
	}
	req.consent = c
	return req, b.checkPaymentParams(p, c)
}

// displayConsentLocked checks display: a 36-character consent id of a consent for the
// scope's API that may be authorised now (AwaitingAuthorisation; or Authorised for
// AIS/CBPII re-authentication; step-up only on an Authorised AIS consent).
func (b *Bank) displayConsentLocked(id string, k kind, stepUp bool) (*consent, *ruleError) {
	if len(id) != 36 {
		return nil, broken("display", "display must be the consent id: exactly 36 characters long, including hyphens")
	}
	c, ok := b.st.consents[id]
	if !ok || c.ClientID != b.mat.ClientID {
		return nil, broken("display", "display names no consent of this client")
	}
	if c.Kind.scope() != k.scope() {
		return nil, broken("display", "consent %s is not for the %s scope", id, k.scope())
	}
	now := b.nowLocked()
	switch {
	case c.deletedByTPP || c.expired(now):
		return nil, broken("display", "consent %s is %s and cannot be authorised", id, map[bool]string{true: "expired", false: "revoked"}[c.expired(now)])
	case stepUp && c.Status != statusAuthorised:
		return nil, broken("stepUp", "step-up needs an Authorised consent; consent %s is %s", id, c.Status)
	case c.Status == statusAwaiting:
	case c.Status == statusAuthorised && !c.Kind.isPayment():
	default:
		return nil, broken("display", "consent %s is %s and cannot be authorised", id, c.Status)
	}
	return c, nil
}

// checkPaymentParams: jrn_typ is required with scope payments and must match the
// consent; ben_name and amount as in the consent for DP/DSP; pymt_dt for DSP. They
// are refused where they do not apply.
func (b *Bank) checkPaymentParams(p map[string]string, c *consent) *ruleError {
	_, hasJ := p["jrn_typ"]
	_, hasB := p["ben_name"]
	_, hasA := p["amount"]
	_, hasD := p["pymt_dt"]
	if !c.Kind.isPayment() {
		if hasJ || hasB || hasA || hasD {
			return broken("jrn_typ", "jrn_typ, ben_name, amount and pymt_dt are only for scope payments")
		}
		return nil
	}
	j := p["jrn_typ"]
	if j != "DP" && j != "DSP" && j != "DSO" {
		return broken("jrn_typ", "jrn_typ must be present and must be DP, DSP or DSO when scope is payments")
	}
	if kind(j) != c.Kind {
		return broken("jrn_typ", "jrn_typ %s does not match the consent (a %s consent)", j, c.Kind)
	}
	if c.Kind == kindDSO {
		if hasB || hasA || hasD {
			return broken("jrn_typ", "ben_name, amount and pymt_dt are not sent for DSO")
		}
		return nil
	}
	if p["ben_name"] == "" || p["ben_name"] != c.pay.CreditorAccount.Name {
		return broken("ben_name", "ben_name must be present and match the consent's creditor name")
	}
	if p["amount"] == "" || p["amount"] != c.pay.InstructedAmount.Amount {
		return broken("amount", "amount must be present and match the consent's InstructedAmount.Amount")
	}
	if c.Kind == kindDP {
		if hasD {
			return broken("pymt_dt", "pymt_dt is only for DSP")
		}
		return nil
	}
	if p["pymt_dt"] == "" || p["pymt_dt"] != c.pay.RequestedExecutionDateTime {
		return broken("pymt_dt", "pymt_dt must be present and match the consent's RequestedExecutionDateTime")
	}
	return nil
}
