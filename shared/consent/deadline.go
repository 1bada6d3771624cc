package consent

import "time"

// DeadlineIndex is the sparse index of consents by owner and deadline
// (owner, actionBy): only consent items with an ActionBy are in it, so
// GET /consents?actionBefore= reads only the consents it returns.
const DeadlineIndex = "deadline"

// typeAccounts is the AIS consent type (authflow.TypeAccounts, which imports this package).
const typeAccounts = "accounts"

// ReconfirmBy is when the AIS consent c must be reconfirmed: its last
// confirmation plus period (docs/reconfirmation.md). Zero when period is 0,
// c is not an accounts consent or was never authorised. A consent authorised
// before LastConfirmedAt was recorded counts from its creation, which is
// earlier than its authorisation: the clock never runs longer than period.
func ReconfirmBy(c *Consent, period time.Duration) time.Time {
	if period <= 0 || c.Type != typeAccounts {
		return time.Time{}
	}
	from := c.LastConfirmedAt
	if from.IsZero() {
		if c.BankStatus != BankAuthorised || c.CreatedAt.IsZero() {
			return time.Time{}
		}
		from = c.CreatedAt
	}
	return from.Add(period)
}

// Deadline is the earliest deadline of an Authorised consent that its own
// item knows: its reconfirmBy and the bank's expiry (a refresh-token lapse
// lives on the tokens item and is left out, so a refresh never rewrites the
// consent). Zero for any other status: the consent leaves the deadline index.
// Whole seconds, as the index stores them.
func Deadline(c *Consent, period time.Duration) time.Time {
	if c.Status != StatusAuthorised {
		return time.Time{}
	}
	d := ReconfirmBy(c, period)
	if e := c.ExpiresAt; !e.IsZero() && (d.IsZero() || e.Before(d)) {
		d = e
	}
	if d.IsZero() {
		return d
	}
	return d.Truncate(time.Second).UTC()
}
