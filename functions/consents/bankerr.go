package main

import (
	"context"
	"errors"
	"net/http"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oauth"
)

// bankProblem maps a failed client-credentials token or bank call to a
// problem: retryLater (503) for 429, 5xx and transient transport failures;
// the bank's field errors (400 bank-error) when it refused the request;
// 502 bank-error for anything else. Logged with the interaction id, never
// with a body.
func (h *Handler) bankProblem(ctx context.Context, op string, err error) events.APIGatewayV2HTTPResponse {
	var aws *smithy.OperationError
	if errors.As(err, &aws) {
		// Not the bank: the credentials secret (read for the token request)
		// or the store failed. Internal says whether a retry can cure it.
		return httpapi.Internal(ctx, h.logger, err)
	}
	var be *bankapi.Error
	var te *bankapi.TransportError
	var ue *bankapi.UnusableError // an unusable 2xx, or (PIS_SIGNATURE=verify) one without a valid signature
	iid := ""
	switch {
	case errors.As(err, &be):
		iid = be.InteractionID
	case errors.As(err, &te):
		iid = te.InteractionID
	case errors.As(err, &ue):
		iid = ue.InteractionID
	}
	h.logger.WarnContext(ctx, "bank call failed", "op", op, "interactionId", iid, "err", err)
	transient := bankapi.Classify(err) == bankapi.ActionRetryLater
	var oe *oauth.Error
	if errors.As(err, &oe) {
		transient = oauth.IsTransient(err)
	}
	if transient {
		return httpapi.ProblemResponse(httpapi.Problem{Type: httpapi.TypeRetryLater, Title: "The bank is unavailable",
			Status: http.StatusServiceUnavailable, Detail: "The bank could not be reached or is busy. Try again later.",
			Action: httpapi.ActionRetryLater, InteractionID: iid})
	}
	p := httpapi.Problem{Type: httpapi.TypeBankError, Title: "The bank refused the request", Status: http.StatusBadGateway,
		Detail: "The bank refused the request.", InteractionID: iid}
	if be != nil && be.Status == http.StatusBadRequest {
		if errs := bankFieldErrors(be); len(errs) > 0 {
			p.Status, p.Detail, p.Errors = http.StatusBadRequest, "The bank refused the consent request; see errors.", errs
		}
	}
	return httpapi.ProblemResponse(p)
}

// bankFieldErrors lists the bank's refusals as field path and error code
// (bankapi.Error.Refusals: never the bank's Message), as the proxy does.
func bankFieldErrors(be *bankapi.Error) []httpapi.FieldError {
	var out []httpapi.FieldError
	for _, r := range be.Refusals() {
		out = append(out, httpapi.FieldError{Field: r.Path, Message: r.Code})
	}
	return out
}
