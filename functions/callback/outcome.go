package main

import "strings"

// Outcome codes the app receives in the result URL's outcome parameter
// (docs/callback.md). They are also recorded as the consent's LastError
// when the journey did not authorise it.
const (
	OutcomeAuthorised             = "authorised"
	OutcomePending                = "pending"
	OutcomeFailed                 = "failed"
	OutcomeAbandoned              = "abandoned"
	OutcomeAuthenticationDeclined = "authentication_declined"
	OutcomeAuthenticationFailed   = "authentication_failed"
	OutcomeLockedOut              = "locked_out"
	OutcomeResetCredentials       = "reset_credentials"
	OutcomeConsentDeclined        = "consent_declined"
	OutcomeNoEligibleAccounts     = "no_eligible_accounts"
	OutcomeAccountNotFound        = "account_not_found"
	OutcomeStepUpFailed           = "step_up_failed"

	// OutcomeExchangeUncertain: the token request's answer was lost, so the
	// bank may have spent the code; it is not sent again, and the consent
	// keeps its status (a first authorisation stays AwaitingAuthorisation)
	// for a new journey.
	OutcomeExchangeUncertain = "exchange_uncertain"
)

// byDescription maps the bank's error_description strings (docs/bank-rules.md
// §Redirect errors, "OAuth2.0 redirection error mapping"), normalised, to outcomes.
// The description is the more specific of the two: "Authentication failed"
// covers both a locked-out PSU and one who must reset credentials.
var byDescription = map[string]string{
	"user declined authentication":                       OutcomeAuthenticationDeclined,
	"user locked out of online banking":                  OutcomeLockedOut,
	"user needs to reset credentials":                    OutcomeResetCredentials,
	"user declined consent":                              OutcomeConsentDeclined,
	"user has no eligible accounts":                      OutcomeNoEligibleAccounts,
	"user account details supplied do not meet criteria": OutcomeAccountNotFound,
}

// byError maps the bank's error strings, normalised, when the description is
// missing or unknown. The bank's error for "no eligible accounts" is cut off
// in the stored copy of its page; "no eligible accounts" is the sandbox's.
var byError = map[string]string{
	"authentication declined": OutcomeAuthenticationDeclined,
	"authentication failed":   OutcomeAuthenticationFailed,
	"consent declined":        OutcomeConsentDeclined,
	"no eligible accounts":    OutcomeNoEligibleAccounts,
	"account not found":       OutcomeAccountNotFound,
}

// bankOutcome maps an error redirect's error and error_description (already
// query-decoded) to an outcome: by description first, then by error; any
// other value is a plain failure (docs/bank-rules.md §Redirect errors: any
// unknown value is a failure).
func bankOutcome(errCode, description string) string {
	if o, ok := byDescription[normalise(description)]; ok {
		return o
	}
	if o, ok := byError[normalise(errCode)]; ok {
		return o
	}
	return OutcomeFailed
}

// normalise lower-cases s, turns a "+" left by a double-encoding gateway into
// a space, and collapses runs of white space (trimming both ends).
func normalise(s string) string {
	s = strings.ReplaceAll(s, "+", " ")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
