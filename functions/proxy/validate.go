package main

import (
	"slices"
	"strings"
	"time"

	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/psu"

	"github.com/coop-ob/connector/shared/ascii"
)

var (
	// resourceID is an account or payment id: OB Max40Text, restricted to
	// what the bank issues so that it is safe in a URL path.
	resourceID = ascii.Rule{Min: 1, Max: 40, Extra: "-"} // ^[A-Za-z0-9-]{1,40}$
	// idempotencyKey is the app's Idempotency-Key header.
	idempotencyKey = ascii.Rule{Min: 1, Max: 64, Extra: "._:-"} // ^[A-Za-z0-9._:-]{1,64}$
)

// headerIdempotency is the app's Idempotency-Key of a payment.
const headerIdempotency = "idempotency-key"

func badID(field string) *httpapi.Problem {
	p := httpapi.InvalidRequest("The "+field+" is malformed.",
		httpapi.FieldError{Field: field, Message: "must be 1-40 letters, digits or hyphens"})
	return &p
}

// readPSU validates the PSU-present headers (shared/psu) and keeps them for
// the bank calls.
func (r *call) readPSU(now time.Time) *httpapi.Problem {
	p, errs := psu.Read(r.header, now)
	if len(errs) > 0 {
		return p2(httpapi.InvalidRequest("A PSU header is invalid.", errs...))
	}
	r.psu = p
	return nil
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

func sortFieldErrors(errs []httpapi.FieldError) {
	slices.SortFunc(errs, func(a, b httpapi.FieldError) int { return strings.Compare(a.Field, b.Field) })
}
