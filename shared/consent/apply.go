package consent

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

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
// AuthoriseWithTokens, whose conditions check the stored status). A change
// whose row names an Event also makes that lifecycle event, which the same
// write stores in the consent's outbox (a happening that changes nothing
// makes none).
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
	if changed && t.Event != "" {
		c.Events = append(slices.Clip(c.Events), PendingEvent{DetailType: t.Event, Detail: EventDetail{
			Happening: string(what), Status: c.Status, PreviousStatus: before.Status,
			BankStatus: c.BankStatus, Action: c.LastAction, Reason: c.LastError,
		}})
	}
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
