// Package psu reads the headers by which the app says the customer (the PSU) is present: the
// customer's IP address and when the customer last logged in to the app, which the connector
// passes on to the bank as x-fapi-customer-ip-address and x-fapi-auth-date (OB v3.1 request
// headers; docs/bank-rules.md §Request headers). A value that is not one the bank could read
// is refused here, naming the header.
package psu

import (
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/obtime"
)

// The app's request headers by which the PSU is present.
const (
	HeaderIP       = "x-psu-ip-address"
	HeaderAuthDate = "x-psu-auth-date"
)

// futureSlack is how far ahead of now an auth date may be: the app's clock may run ahead.
const futureSlack = 5 * time.Minute

// Present is what the app said about the PSU being present; zero values when it said nothing.
type Present struct {
	IP       string    // an IPv4 or IPv6 address, IPv4-mapped addresses unmapped
	AuthDate time.Time // when the PSU last logged in
}

// Read validates the PSU-present headers: HeaderIP (an IPv4 or IPv6 address, no zone) and
// HeaderAuthDate (an RFC 7231 HTTP-date or an RFC 3339 date-time, in the years 2000-2099, not
// in the future). header returns a header's value and whether it was sent. The errors name
// the headers.
func Read(header func(name string) (string, bool), now time.Time) (Present, []httpapi.FieldError) {
	var p Present
	var errs []httpapi.FieldError
	if v, ok := header(HeaderIP); ok {
		a, err := netip.ParseAddr(strings.TrimSpace(v))
		if err != nil || a.Zone() != "" {
			errs = append(errs, httpapi.FieldError{Field: HeaderIP, Message: "must be an IPv4 or IPv6 address"})
		} else {
			p.IP = a.Unmap().String()
		}
	}
	if v, ok := header(HeaderAuthDate); ok {
		t, err := ParseAuthDate(strings.TrimSpace(v))
		switch {
		case err != nil:
			errs = append(errs, httpapi.FieldError{Field: HeaderAuthDate, Message: "must be an RFC 7231 HTTP-date or an RFC 3339 date-time"})
		case t.After(now.Add(futureSlack)):
			errs = append(errs, httpapi.FieldError{Field: HeaderAuthDate, Message: "must not be in the future"})
		default:
			p.AuthDate = t
		}
	}
	return p, errs
}

// ParseAuthDate reads an auth date: an HTTP-date, or an RFC 3339 date-time by obtime.Parse
// (offset hours 00-23 and minutes 00-59); either in the years 2000-2099.
func ParseAuthDate(v string) (time.Time, error) {
	if t, err := http.ParseTime(v); err == nil {
		return t, obtime.CheckYear(t)
	}
	return obtime.Parse(v)
}
