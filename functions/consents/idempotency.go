package main

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/createonce"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/obconsent"
)

// createOnce is POST /consents with an Idempotency-Key (createonce): the key
// is claimed before anything is sent to the bank, so of two requests with the
// same key only one creates a consent. The others answer from the record:
// the same consent with a fresh authorization URL once it exists, 503
// retryLater while the first is still at work, 409 for another request under
// the same key.
func (h *Handler) createOnce(ctx context.Context, owner, key string, r *obconsent.Request, bc *bankConsent) events.APIGatewayV2HTTPResponse {
	cl, err := h.keys.Claim(ctx, owner, key, r)
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	switch {
	case cl.Outcome == createonce.Claimed:
		return h.createConsent(ctx, owner, bc, cl.Key)
	case cl.Outcome == createonce.Mismatch:
		p := conflict("This Idempotency-Key was used for a different request in the last 24 hours; use a new key for a new consent.")
		p.Errors = []httpapi.FieldError{{Field: httpapi.HeaderIdempotencyKey, Message: "already used with a different request"}}
		return httpapi.ProblemResponse(p)
	case cl.Outcome == createonce.InProgress && cl.Held == nil:
		return retryLater(cl.RetryAfter, "Another request with this Idempotency-Key is in progress: retry with the same key.")
	case cl.Outcome == createonce.InProgress:
		return retryLater(cl.RetryAfter,
			"Another request with this Idempotency-Key is creating the consent: retry with the same key after Retry-After.")
	}
	return h.replay(ctx, owner, cl.ConsentID)
}

// replay answers a request whose key created consent id earlier.
func (h *Handler) replay(ctx context.Context, owner, id string) events.APIGatewayV2HTTPResponse {
	c, err := h.store.GetConsentForOwner(ctx, id, owner)
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	h.logger.InfoContext(ctx, "consent create replayed", "consentId", c.ID, "status", c.Status)
	if c.Status != consent.StatusAwaitingAuthorisation {
		return replayConflict(c)
	}
	return h.startJourney(ctx, c, true)
}

// replayConflict: the key's consent can no longer be authorised through a
// create (it was authorised, rejected, expired ...): its state is read with
// GET /consents/{id}, named in Location.
func replayConflict(c *consent.Consent) events.APIGatewayV2HTTPResponse {
	resp := httpapi.ProblemResponse(conflict("The consent created with this Idempotency-Key (" + c.ID + ") is " + c.Status +
		" and no longer awaits authorisation: read it with GET /consents/{id}, or use a new key for a new consent."))
	resp.Headers["Location"] = "/consents/" + c.ID
	return resp
}

// retryLater is a 503 retryLater problem with a Retry-After of after in
// whole seconds (at least 1).
func retryLater(after time.Duration, detail string) events.APIGatewayV2HTTPResponse {
	resp := httpapi.ProblemResponse(httpapi.Problem{Type: httpapi.TypeRetryLater, Title: "Try again later",
		Status: http.StatusServiceUnavailable, Action: httpapi.ActionRetryLater, Detail: detail})
	resp.Headers["Retry-After"] = strconv.Itoa(max(1, int((after+time.Second-1)/time.Second)))
	return resp
}
