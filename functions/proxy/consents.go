package main

import (
	"context"
	"errors"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// Consent types (Consent.Type).
const (
	typeAccounts = "accounts"
	typePayments = "payments"
	typeFunds    = "fundsconfirmations"
)

// load reads the caller's consent of type typ and checks that it can be used
// now, without calling the bank: another caller's consent is 404, exactly like
// a missing one; a consent the app must act on first answers that action.
func (h *Handler) load(ctx context.Context, r *call, typ string) (*consent.Consent, *events.APIGatewayV2HTTPResponse) {
	c, err := h.store.GetConsentForOwner(ctx, r.consentID, r.owner)
	if errors.Is(err, consent.ErrNotFound) {
		resp := h.problem(r, httpapi.NotFound("No such consent."))
		return nil, &resp
	}
	if err != nil {
		resp := httpapi.Internal(ctx, h.logger, err)
		return nil, &resp
	}
	if c.Type != typ {
		resp := h.problem(r, httpapi.Problem{Type: httpapi.TypeInvalidRequest, Title: "Wrong consent type",
			Status: http.StatusBadRequest, Detail: "This route needs a consent of type " + typ + "; this one is " + c.Type + "."})
		return nil, &resp
	}
	var resp events.APIGatewayV2HTTPResponse
	switch c.Status {
	case consent.StatusAuthorised:
		return c, nil
	case consent.StatusReauthRequired:
		resp = h.reauthenticate(ctx, r, c, "consent needs re-authentication")
	case consent.StatusAwaitingAuthorisation:
		resp = h.problem(r, httpapi.Problem{Type: httpapi.TypeConflict, Title: "Consent not authorised", Status: http.StatusConflict,
			Detail: "The customer has not authorised this consent yet: send them to the authorization URL first."})
	case consent.StatusConsumed:
		resp = h.problem(r, httpapi.Problem{Type: httpapi.TypePaymentNotAllowed, Title: "Consent already used", Status: http.StatusConflict,
			Detail: "This payment consent has already been used for a payment: create a new consent."})
	default: // Rejected, Revoked, Expired, Failed
		resp = h.problem(r, httpapi.Problem{Type: httpapi.TypeReconsentRequired, Title: "New consent required",
			Status: http.StatusConflict, Action: httpapi.ActionReconsent,
			Detail: "This consent is " + c.Status + ": create a new consent (POST /consents)."})
	}
	return nil, &resp
}

// record writes what happened on the consent (consent.Recorder.Record),
// following the bank's answer to the tokens r.used: false when those are no
// longer the stored ones (nothing is written).
func (h *Handler) record(ctx context.Context, r *call, c *consent.Consent, what consent.Happening, why string) bool {
	r.action = consent.ActionOf(what)
	return h.recorder().Record(ctx, c, what, why, r.used)
}

// touch records a successful use with the tokens tok the call used
// (consent.Recorder.Touch).
func (h *Handler) touch(ctx context.Context, c *consent.Consent, tok *consent.Tokens) {
	h.recorder().Touch(ctx, c, tok, touchEvery)
}

func (h *Handler) recorder() *consent.Recorder {
	return &consent.Recorder{Store: h.store, Logger: h.logger, Now: h.now, Holder: h.holder,
		Detach: detached, Lease: detachedWrites}
}
