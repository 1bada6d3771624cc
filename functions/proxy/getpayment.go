package main

import (
	"context"
	"errors"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oblinks"
	"github.com/coop-ob/connector/shared/payment"
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
	o, err := h.payments(r).Status(ctx, c, id)
	if errors.Is(err, payment.ErrNoSuchPayment) {
		return h.problem(r, httpapi.NotFound("No such payment for this consent."))
	}
	if err != nil {
		return h.fail(ctx, r, c, err, failure{})
	}
	body := oblinks.Rewrite(o.Body, r.req.RawPath, r.req.RawQueryString, o.Path)
	return events.APIGatewayV2HTTPResponse{StatusCode: http.StatusOK, Body: string(body),
		Headers: map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store"}}
}
