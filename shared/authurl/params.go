// Package authurl builds the authorization URL of The Co-operative Bank / smile
// (the bank's General specifications page, "Parameters"; docs/bank-rules.md §Authorization URL).
//
// The bank takes every parameter inside one query parameter, data: the string
// k=v&k=v… with redirect_uri and scope written raw (not %-encoded) and every
// other value written as Params.Values says (by default as its text, with
// only %, &, =, + and non-printable or non-ASCII bytes %-encoded: values.go),
// base64url-encoded without padding, sent as
// {authEndpoint}?data=<b64url>. Build refuses to produce a URL that breaks one
// of the bank's rules, with a *RuleError naming the parameter.
package authurl

// Parameter names inside the data string. The bank's page writes Display,
// Scope, State and Amount with a capital letter, but the open-source connector
// that works against the sandbox (open-banking-connector) and the sandbox example use lower case
// display; we follow docs/bank-rules.md §Authorization URL and use lower case for all of them.
const (
	ParamResponseType        = "response_type"
	ParamClientID            = "client_id"
	ParamRedirectURI         = "redirect_uri"
	ParamScope               = "scope"
	ParamState               = "state"
	ParamCodeChallengeMethod = "code_challenge_method"
	ParamCodeChallenge       = "code_challenge"
	ParamLoginHint           = "login_hint"
	ParamStepUp              = "stepUp"
	ParamDisplay             = "display"
	ParamJourney             = "jrn_typ"
	ParamBenName             = "ben_name"
	ParamAmount              = "amount"
	ParamPaymentDate         = "pymt_dt"

	// ParamData is the one query parameter of the authorization URL.
	ParamData = "data"
)

// Fixed values and the allowed values of the enumerated parameters.
const (
	ResponseTypeCode = "code"
	MethodS256       = "S256"
	StepUpRequire    = "require"

	ScopeAccounts           = "accounts+offline"
	ScopePayments           = "payments"
	ScopeFundsConfirmations = "fundsconfirmations+offline"

	BrandCoop  = "coop"
	BrandSmile = "smile"

	JourneyDomestic      = "DP"
	JourneyScheduled     = "DSP"
	JourneyStandingOrder = "DSO"
)

// order is the order parameters are written in (open-banking-connector's order, then the
// payment parameters), and also the set of names Decode accepts.
var order = []string{
	ParamResponseType, ParamClientID, ParamRedirectURI, ParamScope, ParamState,
	ParamCodeChallengeMethod, ParamCodeChallenge, ParamLoginHint, ParamStepUp,
	ParamDisplay, ParamJourney, ParamBenName, ParamAmount, ParamPaymentDate,
}

// raw reports whether a parameter is written without %-encoding (the bank's
// page: "please do not % encode redirect_uri and scope").
func raw(name string) bool { return name == ParamRedirectURI || name == ParamScope }

// Params are the values of one authorization request.
type Params struct {
	ClientID      string
	RedirectURI   string
	Scope         string // ScopeAccounts, ScopePayments or ScopeFundsConfirmations
	State         string // NewState
	CodeChallenge string // oauth2.S256ChallengeFromVerifier
	LoginHint     string // BrandCoop or BrandSmile
	ConsentID     string // sent as display
	StepUp        bool   // AIS step-up / re-authentication only
	Journey       string // payments only: JourneyDomestic, JourneyScheduled, JourneyStandingOrder
	BenName       string // DP and DSP: CreditorAccount.Name as in the consent
	Amount        string // DP and DSP: InstructedAmount.Amount exactly as in the consent
	PaymentDate   string // DSP only: RequestedExecutionDateTime exactly as in the consent
	Values        Values // how values are written: ValuesMinimal ("" too) or ValuesLiteral
}

// ScopeFor returns the authorization-URL scope for a consent type
// (accounts, payments or fundsconfirmations), or "" for any other value.
func ScopeFor(consentType string) string {
	switch consentType {
	case "accounts":
		return ScopeAccounts
	case "payments":
		return ScopePayments
	case "fundsconfirmations":
		return ScopeFundsConfirmations
	}
	return ""
}
