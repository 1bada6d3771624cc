package banklimits

import (
	"errors"
	"sync"
	"time"
	_ "time/tzdata" // Europe/London must load in a Lambda image without zoneinfo
)

// london is loaded on first use: parsing the embedded time zone database is cold-start work
// that only payment dates need.
var london = sync.OnceValue(func() *time.Location { return mustLoad("Europe/London") })

func mustLoad(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // cannot happen: time/tzdata is embedded
	}
	return l
}

// CivilDate is the calendar date of t (in t's location) at midnight UTC, for comparisons.
func CivilDate(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ParseDate parses YYYY-MM-DD into a civil date.
func ParseDate(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// Today is the UK's date at now: a payment dated "today" means the UK's today.
func Today(now time.Time) time.Time { return CivilDate(now.In(london())) }

// LastExecutionDate is the last date a scheduled payment may be executed on: two years from
// now's UTC date (the bank's PISP Specifications page: a scheduled payment more than two years
// ahead is refused; docs/bank-rules.md §PIS limits).
func LastExecutionDate(now time.Time) time.Time { return CivilDate(now.UTC()).AddDate(2, 0, 0) }

var errNotDate = errors.New("must be a date YYYY-MM-DD")

// ExecutionDate checks a scheduled payment's execution date (YYYY-MM-DD) and returns it. The
// bank refuses a scheduled payment dated today or earlier, more than two years ahead, on a
// weekend or on a bank holiday (PISP Specifications; docs/bank-rules.md §PIS limits).
func (c *Calendar) ExecutionDate(s string, now time.Time) (time.Time, error) {
	d, ok := ParseDate(s)
	switch {
	case !ok:
		return time.Time{}, errNotDate
	case !d.After(Today(now)):
		return time.Time{}, errors.New("must be after today")
	case d.After(LastExecutionDate(now)):
		return time.Time{}, errors.New("must be at most 2 years ahead")
	case IsWeekend(d):
		return time.Time{}, errors.New("must not be a Saturday or Sunday")
	case c.IsBankHoliday(d):
		return time.Time{}, errors.New("must not be a bank holiday")
	}
	return d, nil
}

// FirstPaymentDate checks a standing order's first payment date (YYYY-MM-DD) and returns it:
// after today, like a scheduled payment's (PISP Specifications: the first payment's date
// becomes the recurring date; docs/bank-rules.md §PIS limits).
func FirstPaymentDate(s string, now time.Time) (time.Time, error) {
	d, ok := ParseDate(s)
	switch {
	case !ok:
		return time.Time{}, errNotDate
	case !d.After(Today(now)):
		return time.Time{}, errors.New("must be after today")
	}
	return d, nil
}
