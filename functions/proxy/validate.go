package main

import (
	"fmt"
	"net/http"
	"net/netip"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/obtime"
)

var (
	// resourceID is an account or payment id: OB Max40Text, restricted to
	// what the bank issues so that it is safe in a URL path.
	resourceID = regexp.MustCompile(`^[A-Za-z0-9-]{1,40}$`)
	// idempotencyKey is the app's Idempotency-Key header.
	idempotencyKey = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,64}$`)
	// amountRe is a GBP amount with at most two decimals (the bank's rule).
	amountRe = regexp.MustCompile(`^\d{1,13}(\.\d{1,2})?$`)
)

// queryDateLayout is an OB query-string date-time: no time zone (docs/bank-rules.md §Payload shapes).
const queryDateLayout = "2006-01-02T15:04:05"

// Request headers by which the app says the PSU is present.
const (
	headerPSUIP       = "x-psu-ip-address"
	headerPSUAuthDate = "x-psu-auth-date"
	headerIdempotency = "idempotency-key"
)

func badID(field string) *httpapi.Problem {
	p := httpapi.InvalidRequest("The "+field+" is malformed.",
		httpapi.FieldError{Field: field, Message: "must be 1-40 letters, digits or hyphens"})
	return &p
}

// psu is what the app said about the PSU being present.
type psu struct {
	ip       string
	authDate time.Time
}

// readPSU validates the PSU-present headers: x-psu-ip-address (an IPv4 or
// IPv6 address) and x-psu-auth-date (an RFC 7231 HTTP-date or RFC 3339
// date-time, not in the future).
func (r *call) readPSU(now time.Time) *httpapi.Problem {
	var errs []httpapi.FieldError
	if v, ok := r.header(headerPSUIP); ok {
		a, err := netip.ParseAddr(strings.TrimSpace(v))
		if err != nil || a.Zone() != "" {
			errs = append(errs, httpapi.FieldError{Field: headerPSUIP, Message: "must be an IPv4 or IPv6 address"})
		} else {
			r.psu.ip = a.Unmap().String()
		}
	}
	if v, ok := r.header(headerPSUAuthDate); ok {
		t, err := parseAuthDate(strings.TrimSpace(v))
		switch {
		case err != nil:
			errs = append(errs, httpapi.FieldError{Field: headerPSUAuthDate, Message: "must be an RFC 7231 HTTP-date or an RFC 3339 date-time"})
		case t.After(now.Add(5 * time.Minute)):
			errs = append(errs, httpapi.FieldError{Field: headerPSUAuthDate, Message: "must not be in the future"})
		default:
			r.psu.authDate = t
		}
	}
	if len(errs) > 0 {
		p := httpapi.InvalidRequest("A PSU header is invalid.", errs...)
		return &p
	}
	return nil
}

// parseAuthDate reads x-psu-auth-date: an HTTP-date, or an RFC 3339
// date-time by obtime.Parse (offset hours 00-23 and minutes 00-59); either
// in the years 2000-2099.
func parseAuthDate(v string) (time.Time, error) {
	if t, err := http.ParseTime(v); err == nil {
		return t, obtime.CheckYear(t)
	}
	return obtime.Parse(v)
}

// parseQueryDate parses an OB query date-time (no zone; read as UTC).
func parseQueryDate(name, v string) (time.Time, *httpapi.FieldError) {
	t, err := time.Parse(queryDateLayout, v)
	if err != nil {
		return time.Time{}, &httpapi.FieldError{Field: name, Message: "must be yyyy-MM-ddTHH:mm:ss with no time zone"}
	}
	return t, nil
}

// onlyParams refuses any query parameter outside allowed and any repeat.
func onlyParams(q map[string][]string, allowed ...string) *httpapi.Problem {
	var errs []httpapi.FieldError
	for k, vs := range q {
		ok := false
		for _, a := range allowed {
			ok = ok || k == a
		}
		switch {
		case !ok:
			errs = append(errs, httpapi.FieldError{Field: k, Message: "unknown query parameter"})
		case len(vs) != 1:
			errs = append(errs, httpapi.FieldError{Field: k, Message: "must appear once"})
		}
	}
	if len(errs) > 0 {
		sortFieldErrors(errs)
		p := httpapi.InvalidRequest("The request has query parameters this route does not take.", errs...)
		return &p
	}
	return nil
}

// validAmount checks a GBP amount: a positive decimal with at most 2 places.
func validAmount(s string) error {
	if !amountRe.MatchString(s) {
		return fmt.Errorf("must be a decimal string with at most 2 decimal places, e.g. \"10.50\"")
	}
	if strings.Trim(strings.ReplaceAll(s, ".", ""), "0") == "" {
		return fmt.Errorf("must be greater than 0")
	}
	return nil
}

func sortFieldErrors(errs []httpapi.FieldError) {
	slices.SortFunc(errs, func(a, b httpapi.FieldError) int { return strings.Compare(a.Field, b.Field) })
}
