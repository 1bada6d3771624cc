// Package obtime parses the date-times an app sends the connector and the
// connector forwards to the bank (consent expiry and transaction window,
// the PSU's last login time).
//
// Go's time.Parse with time.RFC3339 is more lenient than RFC 3339 §5.6: it
// takes an offset hour of 24 and a minute of 60 (+24:00, +23:60, -24:59),
// a comma before the fraction of a second, and any year from 0000 to 9999.
// Such a value would reach the bank as it was written. Parse checks the
// text itself instead and refuses them.
package obtime

import (
	"errors"
	"time"
)

// Years a date-time may have: an Open Banking date is this century's (a
// consent cannot expire in 2100, nor did a PSU log in before 2000).
const (
	MinYear = 2000
	MaxYear = 2099
)

// Reasons Parse refuses a value. Their text is written for the app: a
// caller may use it as a problem's field message.
var (
	ErrFormat = errors.New("must be an RFC 3339 date-time with offset, e.g. 2026-12-31T00:00:00+00:00")
	ErrOffset = errors.New("the offset must be Z or ±hh:mm with hours 00-23 and minutes 00-59")
	ErrYear   = errors.New("the year must be from 2000 to 2099")
)

// Parse parses an RFC 3339 §5.6 date-time with a time offset:
//
//	YYYY-MM-DDThh:mm:ss[.f…]Z  or  YYYY-MM-DDThh:mm:ss[.f…]±hh:mm
//
// with an upper-case T and Z (as Go, and OB's examples, write them), 1 to 9
// digits of fraction after a full stop, hour 00-23, second 00-59 (no leap
// second), an offset of hours 00-23 and minutes 00-59, and a year from
// MinYear to MaxYear as written (before the offset is applied). The result
// keeps the offset as written (-00:00 is read as Z).
func Parse(s string) (time.Time, error) {
	n := len(s)
	if n < len("2006-01-02T15:04:05Z") || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
		!digits(s[0:4]) || !digits(s[5:7]) || !digits(s[8:10]) || !digits(s[11:13]) || !digits(s[14:16]) || !digits(s[17:19]) {
		return time.Time{}, ErrFormat
	}
	rest := s[19:]
	if rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 || i > 10 {
			return time.Time{}, ErrFormat
		}
		rest = rest[i:]
	}
	switch {
	case rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' && digits(rest[1:3]) && digits(rest[4:6]):
		if atoi(rest[1:3]) > 23 || atoi(rest[4:6]) > 59 {
			return time.Time{}, ErrOffset
		}
	default:
		return time.Time{}, ErrFormat
	}
	if y := atoi(s[0:4]); y < MinYear || y > MaxYear {
		return time.Time{}, ErrYear
	}
	// The shape and offset are now RFC 3339's; time.Parse checks the ranges
	// of month, day (per month and leap year), hour, minute and second.
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, ErrFormat
	}
	return t, nil
}

// CheckYear refuses a time outside MinYear-MaxYear (UTC) with ErrYear, for
// values read by another parser (an HTTP-date).
func CheckYear(t time.Time) error {
	if y := t.UTC().Year(); y < MinYear || y > MaxYear {
		return ErrYear
	}
	return nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoi reads a string of digits (checked by digits).
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
