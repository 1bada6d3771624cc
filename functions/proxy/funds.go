package main

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/funds"
	"github.com/coop-ob/connector/shared/httpapi"
)

// maxFundsBody bounds the POST /funds-confirmations body.
const maxFundsBody = 1024

// pisFunds is GET /consents/{id}/funds-confirmation: the bank's confirmation
// of funds for an authorised domestic payment consent (shared/funds).
func (h *Handler) pisFunds(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
	if p := noQuery(r); p != nil {
		return h.problem(r, *p)
	}
	if p := r.readPSU(h.now()); p != nil {
		return h.problem(r, *p)
	}
	c, bad := h.loadRead(ctx, r, typePayments)
	if bad != nil {
		return *bad
	}
	if c.Journey != funds.PaymentJourney {
		return h.problem(r, httpapi.InvalidRequest("The bank confirms funds for domestic payment (DP) consents only; this consent is "+c.Journey+"."))
	}
	tok, err := h.tokens.ValidFrom(ctx, c.ID, minValidity, r.read)
	if err != nil {
		return h.fail(ctx, r, c, err, failure{})
	}
	defer h.touchAhead(ctx, c, tok)()
	resp, _, err := h.send(ctx, r, tok, funds.PaymentCheckRequest(c.ID), true)
	if err != nil {
		return h.fail(ctx, r, c, err, failure{})
	}
	res, err := funds.ReadPaymentCheck(resp.Body)
	if err != nil {
		return h.bankFailure(ctx, r, http.StatusBadGateway, "The bank's funds confirmation could not be read.", resp.InteractionID, nil)
	}
	h.touch(ctx, c)
	return httpapi.JSON(http.StatusOK, map[string]any{"fundsAvailable": res.FundsAvailable, "checkedAt": res.CheckedAt})
}

// cbpiiFunds is POST /consents/{id}/funds-confirmations: a CBPII confirmation
// of funds, sent once (shared/funds). A failure is answered retryLater and
// the app decides.
func (h *Handler) cbpiiFunds(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
	var in funds.Request
	p := noQuery(r)
	if p == nil {
		p = httpapi.DecodeJSON(r.req, &in, maxFundsBody)
	}
	if p == nil {
		p = fundsProblem(in.Check())
	}
	if p == nil {
		p = r.readPSU(h.now())
	}
	if p != nil {
		return h.problem(r, *p)
	}
	c, bad := h.loadRead(ctx, r, typeFunds)
	if bad != nil {
		return *bad
	}
	tok, err := h.tokens.ValidFrom(ctx, c.ID, minValidity, r.read)
	if err != nil {
		return h.fail(ctx, r, c, err, failure{})
	}
	req, err := funds.ConfirmationRequest(c.ID, in)
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	defer h.touchAhead(ctx, c, tok)()
	resp, _, err := h.send(ctx, r, tok, req, funds.Resend)
	if err != nil {
		return h.fail(ctx, r, c, err, failure{})
	}
	out, err := funds.ReadConfirmation(resp.Body)
	if err != nil {
		return h.bankFailure(ctx, r, http.StatusBadGateway, "The bank's funds confirmation could not be read.", resp.InteractionID, nil)
	}
	h.touch(ctx, c)
	return httpapi.JSON(http.StatusCreated, map[string]any{"fundsAvailable": out.FundsAvailable,
		"fundsConfirmationId": out.ID, "createdAt": out.CreatedAt})
}

// fundsProblem is the field errors of a funds confirmation request as a problem.
func fundsProblem(errs []funds.FieldError) *httpapi.Problem {
	if len(errs) == 0 {
		return nil
	}
	fes := make([]httpapi.FieldError, len(errs))
	for i, e := range errs {
		fes[i] = httpapi.FieldError{Field: e.Field, Message: e.Err.Error()}
	}
	return p2(httpapi.InvalidRequest("The funds confirmation request is invalid.", fes...))
}

// noQuery refuses any query parameter: the route takes none.
func noQuery(r *call) *httpapi.Problem {
	q, err := r.query()
	if err != nil {
		return p2(httpapi.InvalidRequest("The query string is malformed."))
	}
	return onlyParams(q)
}
