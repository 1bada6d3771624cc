package consent

import "slices"

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
// detail passed to Apply). Event is the detail-type of the lifecycle event the
// change is published as ("": none); Apply makes the event when the change
// changes the consent, and the write that stores the change stores it
// (outbox.go).
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
	{Created, []string{StatusNew}, StatusAwaitingAuthorisation, BankAwaitingAuthorisation, Keep, Keep, EventConsentCreated},
	{Authorised, authorisable, StatusAuthorised, BankAuthorised, Keep, Clear, EventConsentAuthorised},
	{SteppedUp, authorisable, StatusAuthorised, BankAuthorised, Keep, Clear, EventConsentStepUpGranted},
	{AuthorisationFailed, []string{StatusAwaitingAuthorisation}, StatusFailed, Keep, Keep, Detail, EventConsentAuthorisationFailed},
	{AuthorisationFailed, []string{StatusAuthorised, StatusReauthRequired}, Keep, Keep, Keep, Detail, EventConsentAuthorisationFailed},
	{AuthorisationUnresolved, authorisable, Keep, Keep, Keep, Detail, EventConsentAuthorisationUnresolved},
	{ReauthRequired, []string{StatusAuthorised}, StatusReauthRequired, Keep, ActionReauthenticate, Detail, EventConsentReauthRequired},
	{ReauthRequired, []string{AnyStatus}, Keep, Keep, ActionReauthenticate, Detail, EventConsentReauthRequired},
	{ReauthReported, []string{AnyStatus}, Keep, Keep, ActionReauthenticate, Detail, EventConsentReauthRequired},
	{RefreshRejected, []string{StatusAuthorised}, StatusReauthRequired, Keep, ActionReauthenticate, Detail, EventConsentReauthRequired},
	{RefreshTokenLapsed, []string{StatusAuthorised}, StatusExpired, Keep, ActionReauthenticate, Detail, EventConsentExpired},
	{StepUpRequired, []string{AnyStatus}, Keep, Keep, ActionStepUp, Detail, EventConsentStepUpRequired},
	{ReconsentRequired, []string{AnyStatus}, Keep, Keep, ActionReconsent, Detail, EventConsentReconsentRequired},
	{BankRejected, []string{StatusAuthorised}, StatusRejected, Keep, ActionReconsent, Detail, EventConsentRejected},
	{BankRejected, []string{AnyStatus}, Keep, Keep, ActionReconsent, Detail, EventConsentReconsentRequired},
	{BankExpired, []string{StatusAuthorised}, StatusExpired, Keep, ActionReconsent, Detail, EventConsentExpired},
	{BankExpired, []string{AnyStatus}, Keep, Keep, ActionReconsent, Detail, EventConsentReconsentRequired},
	{AccountUnavailable, []string{AnyStatus}, Keep, Keep, ActionAccountUnavailable, Detail, EventConsentAccountUnavailable},
	{Used, []string{AnyStatus}, Keep, Keep, Clear, Clear, ""},
	{Reconfirmed, []string{StatusAuthorised}, Keep, Keep, Keep, Keep, EventConsentReconfirmed},
	{Revoked, []string{AnyStatus}, StatusRevoked, BankRevoked, ActionRevoked, Keep, EventConsentRevoked},
	{PaymentConsumed, []string{AnyStatus}, StatusConsumed, BankConsumed, Clear, Clear, EventConsentConsumed},
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
