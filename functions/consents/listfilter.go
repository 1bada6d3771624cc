package main

import (
	"context"
	"slices"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// statuses are the values of GET /consents?status=.
var statuses = []string{consent.StatusAwaitingAuthorisation, consent.StatusAuthorised, consent.StatusReauthRequired,
	consent.StatusRejected, consent.StatusRevoked, consent.StatusExpired, consent.StatusFailed, consent.StatusConsumed}

// filter is what GET /consents?status=&actionBefore= asks for.
type filter struct {
	status string    // "": any
	before time.Time // zero: no deadline filter
}

// listFilter reads the filters of GET /consents.
func listFilter(q map[string]string) (filter, []httpapi.FieldError) {
	var f filter
	var errs []httpapi.FieldError
	if s, ok := q["status"]; ok {
		if !slices.Contains(statuses, s) {
			errs = append(errs, httpapi.FieldError{Field: "status", Message: "must be a consent status such as Authorised"})
		}
		f.status = s
	}
	if s, ok := q["actionBefore"]; ok {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil || t.Unix() <= 0 {
			errs = append(errs, httpapi.FieldError{Field: "actionBefore", Message: "must be an RFC 3339 date-time with an offset"})
		}
		f.before = t
	}
	return f, errs
}

// page reads one page for f. actionBefore is served by the sparse deadline
// index (consent.ListByDeadline: items read ≤ consents returned + 1). Only
// Authorised consents have a deadline, so status=Authorised with it needs no
// filter and any other status with it is empty without a read. status alone
// is a filter over the owner index (not indexed: a page may read consents of
// other statuses).
func (h *Handler) page(ctx context.Context, owner string, f filter, limit int32, cursor consent.ListCursor) ([]consent.Consent, consent.ListCursor, error) {
	switch {
	case !f.before.IsZero() && f.status != "" && f.status != consent.StatusAuthorised:
		return nil, "", nil
	case !f.before.IsZero():
		return h.store.ListByDeadline(ctx, owner, f.before, limit, cursor)
	}
	return h.store.ListConsentsWithStatus(ctx, owner, f.status, limit, cursor)
}
