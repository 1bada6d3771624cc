package httpapi

import (
	"encoding/json"
	"net/http"

	"github.com/aws/aws-lambda-go/events"
)

// ProblemBase is the prefix of every problem type URI. The URIs are stable
// identifiers (RFC 9457 §3.1.1) that apps switch on; they need not resolve.
const ProblemBase = "https://coop-connector.dev/problems/"

// Problem types. Apps rely on these values: never change one.
const (
	TypeInvalidRequest           = ProblemBase + "invalid-request"
	TypeNotFound                 = ProblemBase + "not-found"
	TypeConflict                 = ProblemBase + "conflict"
	TypeUnauthorized             = ProblemBase + "unauthorized"
	TypeBankError                = ProblemBase + "bank-error"
	TypeStepUpRequired           = ProblemBase + "step-up-required"
	TypeReauthenticationRequired = ProblemBase + "reauthentication-required"
	TypeReconsentRequired        = ProblemBase + "reconsent-required"
	TypeReconfirmationRequired   = ProblemBase + "reconfirmation-required"
	TypeAccountUnavailable       = ProblemBase + "account-unavailable"
	TypeRetryLater               = ProblemBase + "retry-later"
	TypeIdempotencyKeyRequired   = ProblemBase + "idempotency-key-required"
	TypePaymentNotAllowed        = ProblemBase + "payment-not-allowed"
	TypePaymentUnconfirmed       = ProblemBase + "payment-unconfirmed"
	TypePermissionNotGranted     = ProblemBase + "permission-not-granted"
	TypeInternal                 = ProblemBase + "internal"
)

// Actions an app can take on a problem (Problem.Action), from the bank's
// error handling rules (docs/bank-rules.md §Error scenarios).
const (
	ActionReauthenticate     = "reauthenticate"     // send the PSU to Problem.AuthorizationURL (same consent)
	ActionStepUp             = "stepUp"             // authorise the same consent again with step-up
	ActionReconsent          = "reconsent"          // create a new consent
	ActionRetryLater         = "retryLater"         // transient: try again later
	ActionAccountUnavailable = "accountUnavailable" // the account is temporarily unavailable: check it with the bank
	ActionReconfirm          = "reconfirm"          // the customer reconfirms the consent in the app: POST /consents/{id}/reconfirm
)

// ContentTypeProblem is the media type of a Problem (RFC 9457 §3).
const ContentTypeProblem = "application/problem+json"

// FieldError names one invalid request field.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Problem is an RFC 9457 problem detail with the connector's extension
// members: action, interactionId (the bank's x-fapi-interaction-id),
// authorizationUrl (with action reauthenticate or stepUp) and errors.
type Problem struct {
	Type             string `json:"type"`
	Title            string `json:"title"`
	Status           int    `json:"status"`
	Detail           string `json:"detail,omitempty"`
	Action           string `json:"action,omitempty"`
	InteractionID    string `json:"interactionId,omitempty"`
	AuthorizationURL string `json:"authorizationUrl,omitempty"`
	// BankAuthorizationURL is the bank's own URL of the same journey (not browser-bound).
	BankAuthorizationURL string       `json:"bankAuthorizationUrl,omitempty"`
	Errors               []FieldError `json:"errors,omitempty"`
}

// genericDetail is the detail of a problem built without one (the connector's
// own faults, whose cause is only logged).
const genericDetail = "The connector could not process the request. Try again later."

// ProblemResponse renders p as application/problem+json, never cached.
// A zero Status is 500; an empty Type is "about:blank" and an empty Title
// the status text, as RFC 9457 §4.2 suggests; an internal problem without a
// Detail gets the generic one, so every connector problem has a detail
// (docs/api-consents.md).
func ProblemResponse(p Problem) events.APIGatewayV2HTTPResponse {
	if p.Status == 0 {
		p.Status = http.StatusInternalServerError
	}
	if p.Type == "" {
		p.Type = "about:blank"
	}
	if p.Title == "" {
		p.Title = http.StatusText(p.Status)
	}
	if p.Detail == "" && p.Type == TypeInternal {
		p.Detail = genericDetail
	}
	body, err := json.Marshal(p)
	if err != nil { // cannot happen: only strings and ints
		body = []byte(`{"type":"` + TypeInternal + `","title":"Internal error","status":500,"detail":"` + genericDetail + `"}`)
		p.Status = http.StatusInternalServerError
	}
	h := map[string]string{"Content-Type": ContentTypeProblem, "Cache-Control": "no-store"}
	if p.Status == http.StatusUnauthorized {
		h["WWW-Authenticate"] = "Bearer" // RFC 6750 §3
	}
	return events.APIGatewayV2HTTPResponse{StatusCode: p.Status, Headers: h, Body: string(body)}
}

// Unauthorized is the problem for a request without a caller identity.
func Unauthorized() Problem {
	return Problem{Type: TypeUnauthorized, Title: "Unauthorized", Status: http.StatusUnauthorized,
		Detail: "The request carries no valid caller identity."}
}

// NotFound is the problem for an unknown resource, or one the caller does
// not own (which must look the same).
func NotFound(detail string) Problem {
	return Problem{Type: TypeNotFound, Title: "Not found", Status: http.StatusNotFound, Detail: detail}
}

// InvalidRequest is the problem for a request that breaks the API's rules.
func InvalidRequest(detail string, errs ...FieldError) Problem {
	return Problem{Type: TypeInvalidRequest, Title: "Invalid request", Status: http.StatusBadRequest,
		Detail: detail, Errors: errs}
}

// ReconfirmationRequired is the problem for an AIS call with a consent past
// its reconfirmBy (RECONFIRM_MODE=enforce): no bank call was made.
func ReconfirmationRequired() Problem {
	return Problem{Type: TypeReconfirmationRequired, Title: "Reconfirmation required", Status: http.StatusForbidden,
		Detail: "The customer has not reconfirmed this consent within the reconfirmation period: ask them to, then record it with POST /consents/{id}/reconfirm.",
		Action: ActionReconfirm}
}
