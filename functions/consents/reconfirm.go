package main

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// Reconfirmation channels the app may name (docs/reconfirmation.md).
var reconfirmChannels = []string{"app", "web", "phone", "inPerson", "other"}

// maxCustomerRef bounds the app's own customer reference.
const maxCustomerRef = 128

// reconfirmRequest is the body of POST /consents/{id}/reconfirm.
type reconfirmRequest struct {
	ReconfirmedAt     *string `json:"reconfirmedAt"`
	Channel           *string `json:"channel"`
	CustomerReference string  `json:"customerReference"`
}

// reconfirmConsent is POST /consents/{id}/reconfirm: the app records that its
// customer reconfirmed the AIS consent in the app (no bank call). The
// consent's lastConfirmedAt becomes reconfirmedAt, and reconfirmBy moves by
// the period (consent.Reconfirmed). Bad input is a 400, a consent that is not
// an Authorised AIS consent a 409; neither changes anything.
func (h *Handler) reconfirmConsent(ctx context.Context, c *consent.Consent, req events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse {
	var r reconfirmRequest
	if p := httpapi.DecodeJSON(req, &r, maxBody); p != nil {
		return httpapi.ProblemResponse(*p)
	}
	at, errs := h.validReconfirm(r, c)
	if len(errs) > 0 {
		return httpapi.ProblemResponse(httpapi.InvalidRequest("Invalid reconfirmation.", errs...))
	}
	if c.Type != authflow.TypeAccounts || !consent.Allowed(c.Status, consent.Reconfirmed) {
		return httpapi.ProblemResponse(conflict("Only an Authorised accounts consent can be reconfirmed; this one is a " +
			c.Type + " consent in status " + c.Status + "."))
	}
	rec := &consent.Reconfirmation{At: at, Channel: *r.Channel, CustomerRef: r.CustomerReference,
		Caller: c.Owner, RecordedAt: h.now()}
	n := *c
	n.Reconfirmation = rec
	if _, err := consent.Apply(&n, consent.Reconfirmed, at, ""); err != nil {
		return httpapi.ProblemResponse(conflict("This consent cannot be reconfirmed now."))
	}
	err := h.store.UpdateConsent(ctx, &n)
	switch {
	case errors.Is(err, consent.ErrConflict):
		return httpapi.ProblemResponse(conflict("The consent changed meanwhile: read it and try again."))
	case err != nil:
		return httpapi.Internal(ctx, h.logger, err)
	}
	h.logger.InfoContext(ctx, "consent reconfirmed", "consentId", c.ID, "channel", rec.Channel)
	return h.get(ctx, &n, req)
}

// validReconfirm checks the body: reconfirmedAt an RFC 3339 time with an
// offset, not in the future and not before the last confirmation; channel
// one of reconfirmChannels; customerReference printable and short.
func (h *Handler) validReconfirm(r reconfirmRequest, c *consent.Consent) (time.Time, []httpapi.FieldError) {
	var errs []httpapi.FieldError
	var at time.Time
	switch {
	case r.ReconfirmedAt == nil:
		errs = append(errs, httpapi.FieldError{Field: "reconfirmedAt", Message: "required"})
	default:
		t, err := time.Parse(time.RFC3339, *r.ReconfirmedAt)
		switch {
		case err != nil:
			errs = append(errs, httpapi.FieldError{Field: "reconfirmedAt", Message: "must be an RFC 3339 date-time with an offset"})
		case t.After(h.now()):
			errs = append(errs, httpapi.FieldError{Field: "reconfirmedAt", Message: "must not be in the future"})
		case t.Before(c.LastConfirmedAt):
			errs = append(errs, httpapi.FieldError{Field: "reconfirmedAt", Message: "must not be before the last confirmation (lastConfirmedAt)"})
		default:
			at = t.UTC()
		}
	}
	if r.Channel == nil || !slices.Contains(reconfirmChannels, *r.Channel) {
		errs = append(errs, httpapi.FieldError{Field: "channel", Message: "must be one of " + strings.Join(reconfirmChannels, ", ")})
	}
	if len(r.CustomerReference) > maxCustomerRef || strings.IndexFunc(r.CustomerReference, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		errs = append(errs, httpapi.FieldError{Field: "customerReference", Message: "must be at most 128 printable characters"})
	}
	return at, errs
}
