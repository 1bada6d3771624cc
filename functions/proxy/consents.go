package main

import (
	"context"
	"errors"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/bankoutcome"
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
	if o, ok := bankoutcome.Usable(c, typ, c.Type == typePayments); !ok {
		resp := h.answer(ctx, r, c, o)
		return nil, &resp
	}
	return c, nil
}

// record writes what happened on the consent (consent.Recorder.Record),
// following the bank's answer to the tokens r.used: false when those are no
// longer the stored ones (nothing is written).
func (h *Handler) record(ctx context.Context, r *call, c *consent.Consent, what consent.Happening, why string) bool {
	r.action = consent.ActionOf(what)
	return h.recorder().Record(ctx, c, what, why, r.used)
}

// touch records a successful use with the tokens tok the call used
// (consent.Recorder.Touch): their use only when the refresh policy reads it
// (touchUses: not under ondemand; see
// docs/performance.md §Cost model per refresh policy), and a stale LastAction
// cleared from the consent.
func (h *Handler) touch(ctx context.Context, c *consent.Consent, tok *consent.Tokens) {
	if !h.touchUses {
		tok = nil // no use recorded on the tokens
	}
	h.recorder().Touch(ctx, c, tok, touchEvery)
}

func (h *Handler) recorder() *consent.Recorder {
	return &consent.Recorder{Store: h.store, Logger: h.logger, Now: h.now, Holder: h.holder,
		Detach: detached, Lease: detachedWrites}
}
