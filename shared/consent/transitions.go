package consent

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Happening is something that happened to a consent: the bank created it, a
// journey authorised it, the bank refused its tokens. What each one does to
// the consent's Status, BankStatus, LastAction and LastError is a row of
// transitions, and Apply is the only code that writes those fields
// (tree/consentstatus_test.go checks that no code outside this package
// assigns them). docs/lifecycle.md shows the table (tree/lifecycle_test.go
// checks it matches).
type Happening string

// The happenings, in the order of a consent's life.
const (
	// Created: the bank created the consent (POST /consents).
	Created Happening = "Created"
	// Authorised: a journey's code was exchanged for tokens.
	Authorised Happening = "Authorised"
	// SteppedUp: a step-up journey's code was exchanged for tokens (StepUpAt is set).
	SteppedUp Happening = "SteppedUp"
	// AuthorisationFailed: a journey ended without tokens and with a verdict
	// (the PSU declined, the bank redirected with an error, the code was
	// refused); the detail is the outcome code.
	AuthorisationFailed Happening = "AuthorisationFailed"
	// AuthorisationUnresolved: a journey ended without tokens and without a
	// verdict (abandoned, or the exchange's answer was lost).
	AuthorisationUnresolved Happening = "AuthorisationUnresolved"
	// ReauthRequired: the bank refused the consent's tokens (403
	// UK.OBIE.Reauthenticate, a 401 a refresh did not cure, no tokens stored).
	ReauthRequired Happening = "ReauthRequired"
	// ReauthReported: a call learned that its refresh was refused
	// (invalid_grant); the refresher marks the status (RefreshRejected).
	ReauthReported Happening = "ReauthReported"
	// RefreshRejected: the refresher's refresh was refused (invalid_grant).
	RefreshRejected Happening = "RefreshRejected"
	// RefreshTokenLapsed: the refresher found the refresh token expired.
	RefreshTokenLapsed Happening = "RefreshTokenLapsed"
	// StepUpRequired: the call needs a step-up authorisation the consent does not hold.
	StepUpRequired Happening = "StepUpRequired"
	// ReconsentRequired: the bank no longer accepts the consent for a call
	// (and says nothing of its status), a payment consent needs
	// re-authentication, or the refresh token lapsed.
	ReconsentRequired Happening = "ReconsentRequired"
	// BankRejected: the bank answered UK.OBIE.Resource.InvalidConsentStatus
	// for a consent not past its expiry.
	BankRejected Happening = "BankRejected"
	// BankExpired: the bank answered UK.OBIE.Resource.InvalidConsentStatus
	// for a consent past its expiry.
	BankExpired Happening = "BankExpired"
	// AccountUnavailable: the bank reports the account temporarily unavailable.
	AccountUnavailable Happening = "AccountUnavailable"
	// Used: a call succeeded with the consent; an action recorded earlier is stale.
	Used Happening = "Used"
	// Reconfirmed: the app recorded that its customer reconfirmed the AIS
	// consent (POST /consents/{id}/reconfirm); LastConfirmedAt becomes the
	// time passed to Apply (the customer's reconfirmation time).
	Reconfirmed Happening = "Reconfirmed"
	// Revoked: DELETE /consents/{id} revoked the consent at the bank.
	Revoked Happening = "Revoked"
	// PaymentConsumed: the bank consumed the payment consent with a payment order.
	PaymentConsumed Happening = "PaymentConsumed"
)

// LastAction values the table records. The first four are the app actions of
// shared/httpapi (Problem.Action), spelled the same.
const (
	ActionReauthenticate     = "reauthenticate"
	ActionStepUp             = "stepUp"
	ActionReconsent          = "reconsent"
	ActionAccountUnavailable = "accountUnavailable"
	ActionRevoked            = "revoked"
)

// Bank consent statuses the table records (OB v3.1; bankapi spells them the same).
const (
	BankAwaitingAuthorisation = "AwaitingAuthorisation"
	BankAuthorised            = "Authorised"
	BankRevoked               = "Revoked"
	BankConsumed              = "Consumed"
)

// Keep and Clear are the special values of Transition.Action and
// Transition.Error: leave the field as it is, or empty it.
const (
	Keep  = "(kept)"
	Clear = "(cleared)"
)

// Detail is the Transition.Error that records Apply's detail as LastError.
const Detail = "(detail)"

// AnyStatus, alone in Transition.From, matches every status, an unknown one included.
const AnyStatus = "*"

// StatusNew is the status of a consent not stored yet (Created's From).
const StatusNew = ""

// Transition is one row of the table: when What happens to a consent whose
// Status is one of From, the Status becomes To (Keep: unchanged), the
// BankStatus becomes BankStatus (Keep: unchanged), LastAction becomes Action
// (or Keep, Clear) and LastError becomes Error (Keep, Clear or Detail: the
// detail passed to Apply). Event names the lifecycle event the change is
// published as ("": none); nothing publishes it yet.
type Transition struct {
	What       Happening
	From       []string
	To         string
	BankStatus string
	Action     string
	Error      string
	Event      string
}

var authorisable = []string{StatusAwaitingAuthorisation, StatusAuthorised, StatusReauthRequired}

// transitions is the table. A happening may have several rows (one per
// group of From statuses); a status no row of a happening lists refuses it.
var transitions = []Transition{
	{Created, []string{StatusNew}, StatusAwaitingAuthorisation, BankAwaitingAuthorisation, Keep, Keep, "consent.created"},
	{Authorised, authorisable, StatusAuthorised, BankAuthorised, Keep, Clear, "consent.authorised"},
	{SteppedUp, authorisable, StatusAuthorised, BankAuthorised, Keep, Clear, "consent.stepped_up"},
	{AuthorisationFailed, []string{StatusAwaitingAuthorisation}, StatusFailed, Keep, Keep, Detail, "consent.failed"},
	{AuthorisationFailed, []string{StatusAuthorised, StatusReauthRequired}, Keep, Keep, Keep, Detail, "consent.authorisation_failed"},
	{AuthorisationUnresolved, authorisable, Keep, Keep, Keep, Detail, "consent.authorisation_unresolved"},
	{ReauthRequired, []string{StatusAuthorised}, StatusReauthRequired, Keep, ActionReauthenticate, Detail, "consent.reauth_required"},
	{ReauthRequired, []string{AnyStatus}, Keep, Keep, ActionReauthenticate, Detail, "consent.action_required"},
	{ReauthReported, []string{AnyStatus}, Keep, Keep, ActionReauthenticate, Detail, "consent.action_required"},
	{RefreshRejected, []string{StatusAuthorised}, StatusReauthRequired, Keep, ActionReauthenticate, Detail, "consent.reauth_required"},
	{RefreshTokenLapsed, []string{StatusAuthorised}, StatusExpired, Keep, ActionReauthenticate, Detail, "consent.expired"},
	{StepUpRequired, []string{AnyStatus}, Keep, Keep, ActionStepUp, Detail, "consent.action_required"},
	{ReconsentRequired, []string{AnyStatus}, Keep, Keep, ActionReconsent, Detail, "consent.action_required"},
	{BankRejected, []string{StatusAuthorised}, StatusRejected, Keep, ActionReconsent, Detail, "consent.rejected"},
	{BankRejected, []string{AnyStatus}, Keep, Keep, ActionReconsent, Detail, "consent.action_required"},
	{BankExpired, []string{StatusAuthorised}, StatusExpired, Keep, ActionReconsent, Detail, "consent.expired"},
	{BankExpired, []string{AnyStatus}, Keep, Keep, ActionReconsent, Detail, "consent.action_required"},
	{AccountUnavailable, []string{AnyStatus}, Keep, Keep, ActionAccountUnavailable, Detail, "consent.action_required"},
	{Used, []string{AnyStatus}, Keep, Keep, Clear, Clear, ""},
	{Reconfirmed, []string{StatusAuthorised}, Keep, Keep, Keep, Keep, "consent.reconfirmed"},
	{Revoked, []string{AnyStatus}, StatusRevoked, BankRevoked, ActionRevoked, Keep, "consent.revoked"},
	{PaymentConsumed, []string{AnyStatus}, StatusConsumed, BankConsumed, Clear, Clear, "consent.consumed"},
}

// Transitions returns a copy of the table, in order: the first row of a
// happening whose From lists a status (or AnyStatus) is the one that applies.
func Transitions() []Transition {
	out := make([]Transition, len(transitions))
	for i, t := range transitions {
		t.From = slices.Clone(t.From)
		out[i] = t
	}
	return out
}

// ErrTransition: the happening does not apply to the consent's status. Match
// it with errors.Is; the error is a *TransitionError.
var ErrTransition = errors.New("consent: transition not allowed")

// TransitionError is a refused Apply: What cannot happen to a consent in status From.
type TransitionError struct {
	ID   string
	What Happening
	From string
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("consent %s: %s cannot happen to a consent in status %q", e.ID, e.What, e.From)
}

// Unwrap makes errors.Is(err, ErrTransition) true.
func (e *TransitionError) Unwrap() error { return ErrTransition }

// row is the transition of what for a consent in status, if any.
func row(status string, what Happening) (Transition, bool) {
	for _, t := range transitions {
		if t.What != what {
			continue
		}
		if slices.Contains(t.From, status) || slices.Contains(t.From, AnyStatus) {
			return t, true
		}
	}
	return Transition{}, false
}

// Allowed reports whether what may happen to a consent in status.
func Allowed(status string, what Happening) bool {
	_, ok := row(status, what)
	return ok
}

// Next is the status a consent in status has after what, and whether what
// may happen to it at all.
func Next(status string, what Happening) (string, bool) {
	t, ok := row(status, what)
	if !ok {
		return status, false
	}
	if t.To == Keep {
		return status, true
	}
	return t.To, true
}

// Target is the status what moves a consent to, "" if it never changes the status.
func Target(what Happening) string {
	for _, t := range transitions {
		if t.What == what && t.To != Keep {
			return t.To
		}
	}
	return ""
}

// ActionOf is the LastAction what records ("" if it records none: Keep or Clear).
func ActionOf(what Happening) string {
	for _, t := range transitions {
		if t.What == what && t.Action != Keep && t.Action != Clear {
			return t.Action
		}
	}
	return ""
}

// allowedFrom are the statuses a row of what lists (AnyStatus included).
func allowedFrom(what Happening) []string {
	var from []string
	for _, t := range transitions {
		if t.What == what {
			from = append(from, t.From...)
		}
	}
	return from
}

// Apply records on c that what happened: its Status, BankStatus, LastAction
// and LastError become what the table says (StepUpAt becomes now for
// SteppedUp; AuthorisedAt and LastConfirmedAt become now for Authorised and
// SteppedUp, LastConfirmedAt becomes now for Reconfirmed: an authorisation at
// the bank is also a confirmation; detail is the LastError of rows that
// record one). It reports
// whether any field changed. A happening the table does not allow in c's
// status changes nothing and answers a *TransitionError. Apply only changes
// c in memory: the caller writes it (UpdateConsent, CreateConsent,
// AuthoriseWithTokens, whose conditions check the stored status).
func Apply(c *Consent, what Happening, now time.Time, detail string) (bool, error) {
	t, ok := row(c.Status, what)
	if !ok {
		return false, &TransitionError{ID: c.ID, What: what, From: c.Status}
	}
	before := *c
	c.Status = pick(c.Status, t.To, "")
	c.BankStatus = pick(c.BankStatus, t.BankStatus, "")
	c.LastAction = pick(c.LastAction, t.Action, "")
	c.LastError = pick(c.LastError, t.Error, detail)
	switch what {
	case SteppedUp:
		c.StepUpAt = now
		c.AuthorisedAt, c.LastConfirmedAt = now, now
	case Authorised:
		c.AuthorisedAt, c.LastConfirmedAt = now, now
	case Reconfirmed:
		c.LastConfirmedAt = now
	}
	changed := c.Status != before.Status || c.BankStatus != before.BankStatus || c.LastAction != before.LastAction ||
		c.LastError != before.LastError || !c.StepUpAt.Equal(before.StepUpAt) ||
		!c.AuthorisedAt.Equal(before.AuthorisedAt) || !c.LastConfirmedAt.Equal(before.LastConfirmedAt)
	return changed, nil
}

// pick is a field's new value: old for Keep, "" for Clear, detail for Detail, else v.
func pick(old, v, detail string) string {
	switch v {
	case Keep:
		return old
	case Clear:
		return ""
	case Detail:
		return detail
	}
	return v
}
