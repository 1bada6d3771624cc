package banklimits

import (
	"errors"
	"time"
)

// HistoryMonths is how far back the bank reads transactions: it returns the last 13 months at
// most and refuses a booking date older than that (AISP Specifications; docs/bank-rules.md
// §Transaction filters).
const HistoryMonths = 13

// StepUpDays: transactions booked more than 90 days ago need a step-up authorisation (General
// specifications, "Two-factor authentication"; docs/bank-rules.md §Step-up).
const StepUpDays = 90

// StepUpHorizon is the start of the UK's date StepUpDays before now's: a transactions read from
// before it needs step-up.
func StepUpHorizon(now time.Time) time.Time { return Today(now).AddDate(0, 0, -StepUpDays) }

// TransactionWindow checks an AIS consent's TransactionFromDateTime and TransactionToDateTime:
// the window may not end before it starts (OB v3.1 account-access-consents; docs/bank-rules.md
// §Transaction filters).
func TransactionWindow(from, to time.Time) error {
	if reversed(from, to) {
		return errors.New("must not be before transactionFromDateTime")
	}
	return nil
}

// BookingWindow checks the booking dates of a transactions read, fromBookingDateTime and
// toBookingDateTime (zero when not sent; wall-clock values in UTC, as a query date-time without
// a zone reads: the bank reads them on its own calendar), against every rule the bank applies:
// each date before the UK's today and not older than HistoryMonths, and to not before from
// (docs/bank-rules.md §Transaction filters). The bank refuses a window that breaks one with
// 400 UK.OBIE.Field.InvalidDate whatever the consent holds, so no step-up could make it accept
// it. The order is checked only when both dates pass.
func BookingWindow(from, to, now time.Time) (fromErr, toErr error) {
	today := Today(now)
	fromErr, toErr = bookingDate(from, today), bookingDate(to, today)
	if fromErr == nil && toErr == nil && !from.IsZero() && !to.IsZero() && reversed(from, to) {
		toErr = errors.New("must not be before fromBookingDateTime")
	}
	return fromErr, toErr
}

func bookingDate(d, today time.Time) error {
	switch {
	case d.IsZero():
		return nil
	case !d.Before(today):
		return errors.New("must be before today (UK date)")
	case d.Before(today.AddDate(0, -HistoryMonths, 0)):
		return errors.New("must be within the last 13 months")
	}
	return nil
}

// reversed reports a window that ends before it starts.
func reversed(from, to time.Time) bool { return to.Before(from) }
