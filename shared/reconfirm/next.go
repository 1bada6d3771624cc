package reconfirm

import (
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// Next actions (the app's: the first three are spelled as httpapi's actions).
const (
	ActionReconfirm      = "reconfirm"      // record the customer's reconfirmation (POST /consents/{id}/reconfirm)
	ActionReauthenticate = "reauthenticate" // send the customer to the bank again for the same consent
	ActionReconsent      = "reconsent"      // create a new consent
	ActionNone           = "none"
)

// Deadlines are the dates of one consent a dashboard shows.
type Deadlines struct {
	ReconfirmBy time.Time // zero: no reconfirmation clock
	// RefreshLapse is when the refresh token lapses with no rotation to
	// extend it (the tokens are out of the refresh schedule); zero otherwise.
	RefreshLapse time.Time
	AccessEndsAt time.Time // the earliest end of access; zero: none known
	ActionBy     time.Time // the earliest deadline; zero: none
	NextAction   string    // what to do by ActionBy: ActionNone until within Warn of it
}

// Next computes the deadlines of c at now. refreshExpiresAt is the refresh
// token's expiry and scheduled whether a refresh will rotate it (zero and
// false when there are no tokens). Only an Authorised consent has deadlines;
// a ReauthRequired one needs reauthenticate now.
func (p Policy) Next(c *consent.Consent, refreshExpiresAt time.Time, scheduled bool, now time.Time) Deadlines {
	var d Deadlines
	switch c.Status {
	case consent.StatusReauthRequired:
		d.NextAction = ActionReauthenticate
		return d
	case consent.StatusAuthorised:
	default:
		return d
	}
	d.ReconfirmBy = p.By(c)
	if !refreshExpiresAt.IsZero() && !scheduled {
		d.RefreshLapse = refreshExpiresAt
	}
	d.NextAction = ActionNone
	consider := func(at time.Time, action string, endsAccess bool) {
		if at.IsZero() {
			return
		}
		if endsAccess && (d.AccessEndsAt.IsZero() || at.Before(d.AccessEndsAt)) {
			d.AccessEndsAt = at
		}
		if d.ActionBy.IsZero() || at.Before(d.ActionBy) {
			d.ActionBy, d.NextAction = at, action
		}
	}
	consider(d.ReconfirmBy, ActionReconfirm, p.Enforce)
	consider(d.RefreshLapse, ActionReauthenticate, true)
	consider(c.ExpiresAt, ActionReconsent, true)
	if !d.ActionBy.IsZero() && now.Before(d.ActionBy.Add(-p.Warn)) {
		d.NextAction = ActionNone
	}
	return d
}
