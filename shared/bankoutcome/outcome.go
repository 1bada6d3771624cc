// Package bankoutcome says what a failed bank or token call means for the
// app and for the consent: the problem the app gets (type, status, action,
// Retry-After, field errors), the happening recorded on the consent (a row of
// the shared/consent transitions table), and whether the answer carries a
// fresh authorization URL; and (Usable) what a stored consent's status means
// for a call before the bank is called. It is pure: the caller records the
// happening, makes the URL and renders the problem.
//
// Only codes and field paths of the bank's errors reach an Outcome, never the
// bank's free text.
package bankoutcome

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// Journey says which authorization URL the problem carries.
type Journey int

const (
	// NoJourney: the problem carries no authorization URL.
	NoJourney Journey = iota
	// Reauthorise: a URL that authorises the same consent again.
	Reauthorise
	// StepUp: a URL for a step-up (two-factor) authorisation.
	StepUp
)

// Log is the line the caller writes for an outcome (Msg "": none). The
// caller adds the consent id; Attrs never hold a token or a bank body.
type Log struct {
	Level slog.Level
	Msg   string
	Attrs []any
}

// Outcome is what a failed call means.
type Outcome struct {
	// Internal, when not nil, is the error the caller answers as its own
	// fault (httpapi.Internal: 503 when a retry can cure it, else 500); the
	// other fields are then unset.
	Internal error
	// Problem is the app's answer. An empty InteractionID may be filled with
	// the caller's last bank call's.
	Problem httpapi.Problem
	// RetryAfter is the Retry-After of a retry-later problem, or of another
	// problem the same request may be sent again after (0: none); the header
	// is sent in whole seconds, at least 1 (RetryAfterSeconds).
	RetryAfter time.Duration
	// Happening is recorded on the consent ("": nothing is written: a
	// transient failure or an unknown resource says nothing about it).
	Happening consent.Happening
	// Why is the consent's LastError (codes only) and the log's cause.
	Why string
	// Journey is the authorization URL the problem carries.
	Journey Journey
	// Log is the line to write.
	Log Log
}

// RetryAfterSeconds is d in whole seconds, rounded up, at least 1.
func RetryAfterSeconds(d time.Duration) int {
	return max(1, int((d+time.Second-1)/time.Second))
}

// Reauthenticate: the PSU must authorise the same consent again (403
// UK.OBIE.Reauthenticate, a 401 that a refresh did not cure, a dead refresh
// token); what is recorded (consent.ReauthReported leaves the status to
// whoever already set it). A payment consent cannot be authorised again (OB
// PIS profile): its outcome is Reconsent.
func Reauthenticate(why string, what consent.Happening, payment bool) Outcome {
	if payment {
		return Reconsent(why, consent.ReconsentRequired, "")
	}
	return Outcome{Happening: what, Why: why, Journey: Reauthorise,
		Problem: httpapi.Problem{Type: httpapi.TypeReauthenticationRequired, Title: "Re-authentication required",
			Status: http.StatusForbidden, Action: httpapi.ActionReauthenticate,
			Detail: "The bank needs the customer to authorise this consent again: send them to authorizationUrl."}}
}

// StepUpRequired: the call needs a step-up (2FA) authorisation the consent
// does not hold (bank page, "Two-factor authentication"). The local status is
// left alone (consent.StepUpRequired) so that the consent's other routes keep
// working until the bank says otherwise.
func StepUpRequired(why, iid string) Outcome {
	return Outcome{Happening: consent.StepUpRequired, Why: why, Journey: StepUp,
		Problem: httpapi.Problem{Type: httpapi.TypeStepUpRequired, Title: "Step-up authentication required",
			Status: http.StatusForbidden, Action: httpapi.ActionStepUp, InteractionID: iid,
			Detail: "This data needs a step-up (two-factor) authorisation: send the customer to authorizationUrl, then call again."}}
}

// Reconsent: the consent can no longer be used; the app creates a new one.
func Reconsent(why string, what consent.Happening, iid string) Outcome {
	return Outcome{Happening: what, Why: why,
		Problem: httpapi.Problem{Type: httpapi.TypeReconsentRequired, Title: "New consent required",
			Status: http.StatusConflict, Action: httpapi.ActionReconsent, InteractionID: iid,
			Detail: "The bank no longer accepts this consent for this call: create a new consent (POST /consents)."}}
}

// RetryLater: the bank is busy, failing or unreachable; nothing changed. It
// is not recorded on the consent: a transient failure says nothing about the
// consent, and a write per failed call would cost a DynamoDB write (and
// version conflicts between concurrent calls) exactly when the bank is
// struggling. The log line keeps the cause.
func RetryLater(status int, after time.Duration, why, iid string) Outcome {
	return Outcome{Why: why, RetryAfter: after,
		Problem: retryProblem(status, iid, "The bank is unavailable or throttling: retry after the Retry-After delay."),
		Log: Log{Level: slog.LevelWarn, Msg: "bank unavailable",
			Attrs: []any{"status", status, "err", why, "interactionId", iid}}}
}

// BankError: the bank refused the call in a way the app cannot act on
// through the consent (502, or the bank's own 400/403 with its codes).
func BankError(status int, detail, iid string, errs []httpapi.FieldError) Outcome {
	return Outcome{
		Problem: httpapi.Problem{Type: httpapi.TypeBankError, Title: "Bank error", Status: status,
			Detail: detail, InteractionID: iid, Errors: errs},
		Log: Log{Level: slog.LevelWarn, Msg: "bank refused", Attrs: []any{"status", status, "interactionId", iid}}}
}

func retryProblem(status int, iid, detail string) httpapi.Problem {
	return httpapi.Problem{Type: httpapi.TypeRetryLater, Title: "Try again later", Status: status,
		Action: httpapi.ActionRetryLater, InteractionID: iid, Detail: detail}
}
