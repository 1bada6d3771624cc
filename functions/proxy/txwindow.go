package main

import (
	"time"
	_ "time/tzdata" // Europe/London must load in a Lambda image without zoneinfo

	"github.com/coop-ob/connector/shared/httpapi"
)

// historyMonths: the bank returns transactions of the last 13 months at
// most, and refuses a booking date older than that (bank page, AIS
// deviations from the standard).
const historyMonths = 13

// london is the bank's calendar: "today" is the UK's date.
var london = mustLoadLocation("Europe/London")

func mustLoadLocation(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // cannot happen: time/tzdata is embedded
	}
	return l
}

// ukToday is the start of the UK's current date, as a zone-less query
// date-time reads (parseQueryDate gives wall-clock values in UTC): query
// dates carry no zone, and the bank reads them on its own calendar.
func ukToday(now time.Time) time.Time {
	y, m, d := now.In(london).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// windowErrors checks a transactions window (from and to; zero when not
// sent) against every rule the bank applies to it: each date before the UK's
// today and not older than 13 months, and from not after to. The bank
// refuses a window that breaks one with 400 UK.OBIE.Field.InvalidDate,
// whatever authorisation the consent holds, so it is refused here before a
// step-up is offered: a customer's one-time code would not make the bank
// accept it.
func windowErrors(from, to, now time.Time) []httpapi.FieldError {
	today := ukToday(now)
	oldest := today.AddDate(0, -historyMonths, 0)
	var errs []httpapi.FieldError
	for _, d := range []struct {
		name string
		t    time.Time
	}{{paramFrom, from}, {paramTo, to}} {
		switch {
		case d.t.IsZero():
		case !d.t.Before(today):
			errs = append(errs, httpapi.FieldError{Field: d.name, Message: "must be before today (UK date)"})
		case d.t.Before(oldest):
			errs = append(errs, httpapi.FieldError{Field: d.name, Message: "must be within the last 13 months"})
		}
	}
	if len(errs) == 0 && !from.IsZero() && !to.IsZero() && to.Before(from) {
		errs = append(errs, httpapi.FieldError{Field: paramTo, Message: "must not be before " + paramFrom})
	}
	return errs
}
