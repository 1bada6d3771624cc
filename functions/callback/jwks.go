package main

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/httpapi"
)

// routeJWKS publishes the public key that verifies the signed results.
const routeJWKS = "GET /.well-known/jwks.json"

// jwks serves the result key set: public, cacheable for five minutes (a rotated key shows
// up within that; results live as long).
func (h *Handler) jwks(ctx context.Context) events.APIGatewayV2HTTPResponse {
	if h.signer == nil {
		return httpapi.ProblemResponse(httpapi.NotFound("This connector does not sign journey results."))
	}
	body, err := h.signer.JWKS(ctx)
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	return events.APIGatewayV2HTTPResponse{StatusCode: http.StatusOK, Body: string(body), Headers: map[string]string{
		"Content-Type":  "application/json",
		"Cache-Control": "public, max-age=300",
	}}
}
