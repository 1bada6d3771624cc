package main

import (
	"time"
	_ "time/tzdata" // Europe/London must load in a Lambda image without zoneinfo
)

var london = mustLoad("Europe/London")

func mustLoad(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // cannot happen: time/tzdata is embedded
	}
	return l
}

// civilDate is a calendar date at midnight UTC (comparisons only).
func civilDate(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// parseDate parses YYYY-MM-DD.
func parseDate(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// today is the UK's date now (a payment dated "today" means the UK's today).
func today(now time.Time) time.Time { return civilDate(now.In(london)) }

// isWeekend reports Saturday or Sunday.
func isWeekend(d time.Time) bool { return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday }

// isBankHoliday reports an England and Wales bank holiday: New Year's Day,
// Good Friday, Easter Monday, the early-May, spring and summer Mondays,
// Christmas and Boxing Day, with substitute weekdays when they fall on a
// weekend. One-off holidays proclaimed for special occasions are not known.
func isBankHoliday(d time.Time) bool {
	y := d.Year()
	easter := easterSunday(y)
	days := []time.Time{
		easter.AddDate(0, 0, -2), easter.AddDate(0, 0, 1),
		nthMonday(y, time.May, 1), lastMonday(y, time.May), lastMonday(y, time.August),
	}
	days = append(days, substituted(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC))...)
	days = append(days, substituted(time.Date(y, time.December, 25, 0, 0, 0, 0, time.UTC),
		time.Date(y, time.December, 26, 0, 0, 0, 0, time.UTC))...)
	for _, h := range days {
		if h.Equal(d) {
			return true
		}
	}
	return false
}

// substituted moves each fixed holiday on a weekend to the next weekday not already taken.
func substituted(fixed ...time.Time) []time.Time {
	var out []time.Time
	for _, h := range fixed {
		for isWeekend(h) || contains(out, h) {
			h = h.AddDate(0, 0, 1)
		}
		out = append(out, h)
	}
	return out
}

func contains(ts []time.Time, t time.Time) bool {
	for _, x := range ts {
		if x.Equal(t) {
			return true
		}
	}
	return false
}

func nthMonday(y int, m time.Month, n int) time.Time {
	d := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7*(n-1))
}

func lastMonday(y int, m time.Month) time.Time {
	d := time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// easterSunday is the Gregorian Easter (the anonymous Gregorian algorithm).
func easterSunday(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
