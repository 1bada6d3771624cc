package bankoutcome

import (
	"net/http"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// Usable says whether the stored consent c can serve a route that needs a
// consent of type want, without calling the bank: true, or false and the
// outcome the app gets instead (a consent the app must act on first answers
// that action). payment: c is a payment consent (never authorised again).
func Usable(c *consent.Consent, want string, payment bool) (Outcome, bool) {
	if c.Type != want {
		return Outcome{Problem: httpapi.Problem{Type: httpapi.TypeInvalidRequest, Title: "Wrong consent type",
			Status: http.StatusBadRequest, Detail: "This route needs a consent of type " + want + "; this one is " + c.Type + "."}}, false
	}
	switch c.Status {
	case consent.StatusAuthorised:
		return Outcome{}, true
	case consent.StatusReauthRequired:
		// The consent's own reason (the bank's code, invalid_grant…): recording it again changes
		// nothing, so the app's lastError keeps what the bank said and no event repeats it.
		why := c.LastError
		if why == "" {
			why = "consent needs re-authentication"
		}
		return Reauthenticate(why, consent.ReauthRequired, payment), false
	case consent.StatusAwaitingAuthorisation:
		return Outcome{Problem: httpapi.Problem{Type: httpapi.TypeConflict, Title: "Consent not authorised", Status: http.StatusConflict,
			Detail: "The customer has not authorised this consent yet: send them to the authorization URL first."}}, false
	case consent.StatusConsumed:
		return Outcome{Problem: httpapi.Problem{Type: httpapi.TypePaymentNotAllowed, Title: "Consent already used", Status: http.StatusConflict,
			Detail: "This payment consent has already been used for a payment: create a new consent."}}, false
	}
	// Rejected, Revoked, Expired, Failed: nothing new to record.
	return Outcome{Problem: httpapi.Problem{Type: httpapi.TypeReconsentRequired, Title: "New consent required",
		Status: http.StatusConflict, Action: httpapi.ActionReconsent,
		Detail: "This consent is " + c.Status + ": create a new consent (POST /consents)."}}, false
}
