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
	return h.usable(ctx, r, typ, c, err)
}

// loadRead is load for a route that calls the bank with the consent's tokens:
// it reads the consent and its tokens in one store request
// (Store.GetConsentAndTokens) and keeps the tokens in r.read, so a warm call
// with a valid access token makes no other store request.
func (h *Handler) loadRead(ctx context.Context, r *call, typ string) (*consent.Consent, *events.APIGatewayV2HTTPResponse) {
	c, t, err := h.store.GetConsentAndTokens(ctx, r.consentID, r.owner)
	r.read = t
	return h.usable(ctx, r, typ, c, err)
}

// usable answers a consent read (c, err) as load does.
func (h *Handler) usable(ctx context.Context, r *call, typ string, c *consent.Consent, err error) (*consent.Consent, *events.APIGatewayV2HTTPResponse) {
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

// touchAhead records the use of the tokens tok (consent.Recorder.TouchUse)
// beside the bank call about to be made with them, so the write is off the
// call's path: only when the refresh policy reads uses (touchUses: not under
// ondemand; docs/performance.md §Cost model per refresh policy) and the last
// one tok shows is touchEvery old. A use is the app's call sent to the bank
// with the consent's tokens, whatever the bank answers: a call that ends the
// consent clears its refresh entry anyway, and lastUse is not in the index.
// The returned func waits for the write; the route defers it, so nothing runs
// once the invocation has answered (Lambda freezes the process then).
func (h *Handler) touchAhead(ctx context.Context, c *consent.Consent, tok *consent.Tokens) (wait func()) {
	if !h.touchUses || h.now().Sub(tok.UsedAt) < touchEvery {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.recorder().TouchUse(ctx, c.ID, tok, touchEvery)
	}()
	return func() { <-done }
}

// touch follows a successful call: a stale LastAction is cleared from the
// consent (consent.Recorder.Touch without tokens: the use is touchAhead's).
func (h *Handler) touch(ctx context.Context, c *consent.Consent) {
	h.recorder().Touch(ctx, c, nil, touchEvery)
}

func (h *Handler) recorder() *consent.Recorder {
	return &consent.Recorder{Store: h.store, Logger: h.logger, Now: h.now, Holder: h.holder,
		Detach: detached, Lease: detachedWrites}
}
