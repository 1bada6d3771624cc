package authurl

import (
	"encoding/base64"
	"net/url"
	"strings"
)

// Build returns {authEndpoint}?data=<b64url> for p, or a *RuleError naming
// the first parameter that breaks the bank's rules (General specifications,
// "Parameters"). authEndpoint is the brand's authorization endpoint, e.g.
// https://bank.co-operativebank.co.uk/openbanking/coop/oauthRedirect.
func Build(authEndpoint string, p Params) (string, error) {
	ep, err := url.Parse(authEndpoint)
	if err != nil || !ep.IsAbs() || ep.Host == "" || ep.RawQuery != "" || ep.Fragment != "" ||
		(ep.Scheme != "https" && ep.Scheme != "http") {
		return "", &RuleError{Param: "authEndpoint", Rule: "must be an absolute http(s) URL without query or fragment"}
	}
	if err := validate(p); err != nil {
		return "", err
	}
	data := base64.RawURLEncoding.EncodeToString([]byte(encode(pairs(p), p.Values)))
	return authEndpoint + "?" + ParamData + "=" + data, nil
}

// pairs lists the parameters of p in the order they are written.
func pairs(p Params) [][2]string {
	ps := [][2]string{
		{ParamResponseType, ResponseTypeCode},
		{ParamClientID, p.ClientID},
		{ParamRedirectURI, p.RedirectURI},
		{ParamScope, p.Scope},
		{ParamState, p.State},
		{ParamCodeChallengeMethod, MethodS256},
		{ParamCodeChallenge, p.CodeChallenge},
		{ParamLoginHint, p.LoginHint},
	}
	if p.StepUp {
		ps = append(ps, [2]string{ParamStepUp, StepUpRequire})
	}
	ps = append(ps, [2]string{ParamDisplay, p.ConsentID})
	for _, kv := range [][2]string{
		{ParamJourney, p.Journey}, {ParamBenName, p.BenName},
		{ParamAmount, p.Amount}, {ParamPaymentDate, p.PaymentDate},
	} {
		if kv[1] != "" {
			ps = append(ps, kv)
		}
	}
	return ps
}

// encode writes k=v&k=v…: redirect_uri and scope raw, every other value as
// values writes it (docs/bank-rules.md §Authorization URL).
func encode(ps [][2]string, values Values) string {
	var b strings.Builder
	for i, kv := range ps {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(kv[0])
		b.WriteByte('=')
		if raw(kv[0]) {
			b.WriteString(kv[1])
		} else {
			values.write(&b, kv[1])
		}
	}
	return b.String()
}
