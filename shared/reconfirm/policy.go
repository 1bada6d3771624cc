// Package reconfirm is the 90-day reconfirmation clock of AIS consents and
// the one "next action" a consent dashboard shows.
//
// Under the UK SCA-RTS as amended by the FCA (PS21/19, November 2021), the
// bank no longer asks the customer to re-authenticate every 90 days for
// account information (Article 10A); the AISP instead reconfirms the
// customer's consent at least every 90 days (Article 36(6)) and stops
// accessing the account until it has. The connector holds the consent, so it
// keeps the clock: Policy.By is when the consent must be reconfirmed,
// Policy.Blocked whether AIS calls are refused meanwhile, and Next the
// earliest deadline of a consent and what the app must do about it.
// docs/reconfirmation.md explains the duty.
package reconfirm

import (
	"time"

	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/consent"
)

// Policy is the reconfirmation setting (RECONFIRM_PERIOD, RECONFIRM_WARN,
// RECONFIRM_MODE).
type Policy struct {
	Period  time.Duration // 0: no reconfirmation clock
	Warn    time.Duration // how long before a deadline Next names its action
	Enforce bool          // past By, AIS calls are refused and warm refreshes stop
}

// FromConfig is the Policy of c.
func FromConfig(c config.Config) Policy {
	return Policy{Period: c.ReconfirmPeriod, Warn: c.ReconfirmWarn, Enforce: c.ReconfirmMode != config.ReconfirmWarn}
}

// By is when c must be reconfirmed: its last confirmation plus the period.
// Zero when the clock is off or does not apply (not an AIS consent, never
// authorised). A consent authorised before the connector recorded
// LastConfirmedAt counts from its creation, which is earlier than its
// authorisation: the clock never runs longer than the period.
func (p Policy) By(c *consent.Consent) time.Time {
	return consent.ReconfirmBy(c, p.Period)
}

// Due reports whether c's reconfirmation is due at now (whatever the mode).
func (p Policy) Due(c *consent.Consent, now time.Time) bool {
	by := p.By(c)
	return !by.IsZero() && !now.Before(by)
}

// Blocked reports whether AIS access with c must stop at now: its
// reconfirmation is due and the mode is enforce. A token refresh is not
// account access: keep-alive refreshes go on, so a late reconfirmation
// restores access.
func (p Policy) Blocked(c *consent.Consent, now time.Time) bool {
	return p.Enforce && p.Due(c, now)
}
