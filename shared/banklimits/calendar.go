package banklimits

import (
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/gb"
)

// stateFuneral is the bank holiday proclaimed for the State Funeral of Queen Elizabeth II on
// 19 September 2022 (GOV.UK's England-and-Wales bank holiday list), which gb does not know.
var stateFuneral = &cal.Holiday{
	Name:      "Bank Holiday for the State Funeral of Queen Elizabeth II",
	Type:      cal.ObservanceBank,
	Month:     time.September,
	Day:       19,
	Func:      cal.CalcDayOfMonth,
	StartYear: 2022,
	EndYear:   2022,
}

// Calendar says which dates are England and Wales bank holidays, where a scheduled payment
// cannot be executed (the bank's PISP Specifications page: a scheduled payment dated on a
// weekend or bank holiday is refused; docs/bank-rules.md §Bank holidays). The regular holidays and their substitute
// weekdays, and the one-off holidays of 2020, 2022 and 2023, come from rickar/cal's gb
// package; extra days are those proclaimed after this release (EXTRA_NON_WORKING_DAYS).
type Calendar struct {
	holidays *cal.Calendar
	extra    map[string]bool // YYYY-MM-DD
}

// NewCalendar returns the England and Wales calendar with extra non-working days added.
func NewCalendar(extra ...time.Time) *Calendar {
	c := &Calendar{holidays: &cal.Calendar{}, extra: map[string]bool{}}
	c.holidays.AddHoliday(gb.Holidays...)
	c.holidays.AddHoliday(stateFuneral)
	for _, d := range extra {
		c.extra[d.Format(time.DateOnly)] = true
	}
	return c
}

// IsBankHoliday reports whether the civil date d is a bank holiday in England and Wales: a
// holiday on the day it is observed (a substitute weekday when it falls on a weekend), or an
// extra non-working day.
func (c *Calendar) IsBankHoliday(d time.Time) bool {
	if c.extra[d.Format(time.DateOnly)] {
		return true
	}
	_, observed, _ := c.holidays.IsHoliday(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC))
	return observed
}

// IsWorkingDay reports a weekday that is not a bank holiday.
func (c *Calendar) IsWorkingDay(d time.Time) bool { return !IsWeekend(d) && !c.IsBankHoliday(d) }

// IsWeekend reports Saturday or Sunday.
func IsWeekend(d time.Time) bool { return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday }
