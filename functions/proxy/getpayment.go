package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/httpapi"
)

// getPayment is GET /consents/{id}/payments/{paymentId}: the bank's payment
// order (client-credentials token, scope payments: docs/bank-rules.md §Grants and scopes) of the
// consent's journey. A payment of another consent is 404.
func (h *Handler) getPayment(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
	id := r.req.PathParameters["paymentId"]
	if !resourceID.MatchString(id) {
		return h.problem(r, *badID("paymentId"))
	}
	if p := noQuery(r); p != nil {
		return h.problem(r, *p)
	}
	if p := r.readPSU(h.now()); p != nil {
		return h.problem(r, *p)
	}
	c, bad := h.paymentConsent(ctx, r)
	if bad != nil {
		return *bad
	}
	orders := orderPaths[c.Journey]
	if orders == "" {
		return httpapi.Internal(ctx, h.logger, errors.New("payment consent without a known journey"))
	}
	path := bankapi.PISPPath + orders + "/" + id
	resp, err := h.doClientCredentials(ctx, r, bankapi.Request{Method: http.MethodGet, Path: path})
	var be *bankapi.Error
	if errors.As(err, &be) && be.Status == http.StatusBadRequest && be.HasCode(bankapi.CodeNotFound) {
		return h.problem(r, httpapi.NotFound("No such payment for this consent."))
	}
	if err != nil {
		return h.fail(ctx, r, c, err, failure{})
	}
	// A body that is not a payment order is the bank failing, not an answer
	// that the payment does not exist: an app told so may pay again.
	var order bankapi.PaymentOrderResponse
	if json.Unmarshal(resp.Body, &order) != nil || order.ID() == "" || order.Data.ConsentID == "" {
		return h.bankFailure(ctx, r, http.StatusBadGateway, unusableDetail, resp.InteractionID, nil)
	}
	if order.Data.ConsentID != c.ID {
		return h.problem(r, httpapi.NotFound("No such payment for this consent."))
	}
	body := rewriteLinks(resp.Body, r.req.RawPath, r.req.RawQueryString, path)
	return events.APIGatewayV2HTTPResponse{StatusCode: http.StatusOK, Body: string(body),
		Headers: map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store"}}
}
