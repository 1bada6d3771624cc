package bankapi

import (
	"errors"
	"net/http"
)

// Action is what the connector should do about a failed bank call.
type Action int

// Actions, from the bank's error table (General specifications, "Error
// scenarios") and the OB status codes (docs/bank-rules.md §Status codes).
const (
	// ActionNone: no error.
	ActionNone Action = iota
	// ActionReauthenticate: 403 UK.OBIE.Reauthenticate. Take the PSU through
	// the authorization journey again with the same consent.
	ActionReauthenticate
	// ActionReconsent: 400 UK.OBIE.Resource.InvalidConsentStatus (consent
	// rejected or expired), or 400 UK.OBIE.Resource.NotFound with
	// AccountPermanentlyUnavailable (account closed). Create a new consent.
	ActionReconsent
	// ActionAccountUnavailable: 400 UK.OBIE.Resource.NotFound with
	// AccountTemporarilyUnavailable (barred, fraud marker). The customer
	// should check with the bank.
	ActionAccountUnavailable
	// ActionRefresh: 401. Refresh the access token once, then re-authenticate.
	ActionRefresh
	// ActionRetryLater: 429, 5xx (whatever the body), or a transient
	// transport failure.
	ActionRetryLater
	// ActionFixRequest: another 400 with OB field errors; the request is wrong.
	ActionFixRequest
	// ActionFailure: anything else.
	ActionFailure
	// ActionNotFound: 400 UK.OBIE.Resource.NotFound that names no error type.
	// OB v3.1 answers 400 NotFound for any unknown resource id (docs/bank-rules.md
	// §Status codes), such as an account id that is not the PSU's: the request names
	// something that does not exist, and the consent is not at fault.
	ActionNotFound
)

var actionNames = [...]string{"none", "reauthenticate", "reconsent", "accountUnavailable",
	"refresh", "retryLater", "fixRequest", "failure", "notFound"}

// String returns the action's lowerCamel name (used as problem+json "action").
func (a Action) String() string {
	if a < 0 || int(a) >= len(actionNames) {
		return "failure"
	}
	return actionNames[a]
}

// Classify maps an error from Do to an Action.
func Classify(err error) Action {
	if err == nil {
		return ActionNone
	}
	var te *TransportError
	if errors.As(err, &te) {
		if te.Transient {
			return ActionRetryLater
		}
		return ActionFailure
	}
	var e *Error
	if !errors.As(err, &e) {
		return ActionFailure
	}
	switch {
	case e.Status == http.StatusUnauthorized:
		return ActionRefresh
	case e.Status == http.StatusTooManyRequests || e.Status >= 500:
		return ActionRetryLater
	case e.Status == http.StatusForbidden:
		if e.HasCode(CodeReauthenticate) || e.ErrorType == TypeReauthenticate {
			return ActionReauthenticate
		}
		return ActionFailure
	case e.Status == http.StatusBadRequest:
		return classify400(e)
	}
	return ActionFailure
}

// classify400 reads the bank's error types first: only an explicit
// AccountPermanentlyUnavailable (closed) asks for a new consent and only an
// explicit AccountTemporarilyUnavailable (barred) for the customer to speak
// to the bank; a NotFound that names neither is an unknown resource.
func classify400(e *Error) Action {
	switch {
	case e.HasCode(CodeInvalidConsentStatus):
		return ActionReconsent
	case e.ErrorType == TypeAccountPermanentlyUnavailable:
		return ActionReconsent
	case e.ErrorType == TypeAccountTemporarilyUnavailable:
		return ActionAccountUnavailable
	case e.ErrorType == TypeReConsent:
		return ActionReconsent
	case e.HasCode(CodeNotFound):
		return ActionNotFound
	case len(e.Errors) > 0:
		return ActionFixRequest
	}
	return ActionFailure
}
