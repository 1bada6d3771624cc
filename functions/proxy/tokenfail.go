package main

import (
	"context"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oauth"
)

// unusableDetail answers a bank 2xx whose body is not an OB resource answer
// (bankapi.UnusableError): it is never passed on as data.
const unusableDetail = "The bank answered without a usable body (not the expected OB JSON); nothing was passed on. Retry later."

// tokenFailure maps a token-endpoint failure on the proxy's paths (the
// on-demand refresh, or the client-credentials token of a payment read)
// that fail has not mapped already: invalid_grant is reauthenticate and a
// transient failure retryLater, before this is reached.
//
//   - a refusal (an HTTP error status, or an RFC 6749 §5.2 error code on any
//     status): 502 bank-error. The consent is left alone (the grant is not
//     known to be dead), and the refusal is logged at ERROR as a
//     configuration fault: invalid_client, unauthorized_client or a 403 at
//     the endpoint point at the connector's registration or certificate,
//     not at the customer.
//   - an answer that may have been processed (a 2xx without a usable token:
//     HTML, empty, unparsable; or a connection lost once the request was
//     sent): 503 retry-later, never a re-authentication. The refresher
//     keeps the stored tokens.
//   - anything else (no HTTP answer and nothing sent, such as a request the
//     connector could not build): 500, the connector's own fault.
func (h *Handler) tokenFailure(ctx context.Context, r *call, oe *oauth.Error) events.APIGatewayV2HTTPResponse {
	switch {
	case oe.Code != "" || oe.StatusCode >= 300:
		h.logger.ErrorContext(ctx, "token endpoint refused the connector: check the client registration and certificate",
			"consentId", r.consentID, "grant", oe.Grant, "status", oe.StatusCode, "code", oe.Code)
		return h.problem(r, httpapi.Problem{Type: httpapi.TypeBankError, Title: "Bank error", Status: http.StatusBadGateway,
			Detail: "The bank's token endpoint refused the connector's request; the consent is unchanged."})
	case oe.MayHaveBeenProcessed:
		h.logger.WarnContext(ctx, "token endpoint answer unusable; tokens kept", "consentId", r.consentID,
			"grant", oe.Grant, "status", oe.StatusCode)
		return h.retryProblem(r, http.StatusServiceUnavailable, time.Second, "",
			"The bank's token endpoint gave no usable answer (the request may have been processed): retry after the Retry-After delay.")
	}
	return httpapi.Internal(ctx, h.logger, oe)
}
