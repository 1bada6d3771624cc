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
