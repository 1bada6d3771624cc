package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/obconsent"
)

// headerIdempotencyKey is the app's optional Idempotency-Key on POST /consents.
const headerIdempotencyKey = "Idempotency-Key"

// idempotencyKeyRe is the same rule as the payment route's key: 1-64
// letters, digits and . _ : - (a UUID fits). The key never reaches the bank
// (its records are keyed by a hash of it), so OB's 40-character limit on
// x-idempotency-key does not bind it.
var idempotencyKeyRe = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,64}$`)

// keyClaim is how long a claimed key counts as being worked on by the
// request that claimed it: the function's timeout (template.yaml, 15 s), so
// that request has certainly stopped when it ends. A retry with the same
// request may then take over a key that was neither finished nor released.
const keyClaim = 15 * time.Second

// releaseTimeout bounds the release of a key after a failure, which runs
// even when the request's budget is spent (within deadlineMargin).
const releaseTimeout = deadlineMargin / 2

// idempotencyKey returns the request's Idempotency-Key ("" when absent) or
// the field error of a malformed one.
func idempotencyKey(req events.APIGatewayV2HTTPRequest) (string, *httpapi.FieldError) {
	for k, v := range req.Headers {
		if !strings.EqualFold(k, headerIdempotencyKey) {
			continue
		}
		if !idempotencyKeyRe.MatchString(v) {
			return "", &httpapi.FieldError{Field: headerIdempotencyKey,
				Message: "must be 1-64 letters, digits or . _ : - (a UUID fits), sent once"}
		}
		return v, nil
	}
	return "", nil
}

// requestHash identifies what a key was used for: the SHA-256 of the decoded
// request re-encoded, so spacing and field order do not count but every
// value does.
func requestHash(r *obconsent.Request) string {
	b, _ := json.Marshal(r) // cannot fail: strings, ints, slices and structs of them
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// createOnce is POST /consents with an Idempotency-Key: the key is claimed
// (a conditional write) before anything is sent to the bank, so of two
// requests with the same key only one creates a consent. The others answer
// from the record: the same consent with a fresh authorization URL once it
// exists, 503 retryLater while the first is still at work, 409 for another
// request under the same key.
func (h *Handler) createOnce(ctx context.Context, owner, key string, r *obconsent.Request, bc *bankConsent) events.APIGatewayV2HTTPResponse {
	k := &consent.CreateKey{KeyHash: consent.HashCreateKey(owner, key), Owner: owner, RequestHash: requestHash(r), Claim: h.newUUID()}
	for range 2 {
		held, err := h.store.ClaimCreateKey(ctx, k, keyClaim)
		switch {
		case err == nil:
			return h.createConsent(ctx, owner, bc, k)
		case !errors.Is(err, consent.ErrConflict):
			return httpapi.Internal(ctx, h.logger, err)
		case held != nil:
			return h.replay(ctx, owner, k, held)
		}
		// The holder released the key between our write and read: claim it again.
	}
	return retryLater(time.Second, "Another request with this Idempotency-Key is in progress: retry with the same key.")
}

// replay answers a request whose key is held by an earlier request.
func (h *Handler) replay(ctx context.Context, owner string, k, held *consent.CreateKey) events.APIGatewayV2HTTPResponse {
	if held.RequestHash != k.RequestHash {
		p := conflict("This Idempotency-Key was used for a different request in the last 24 hours; use a new key for a new consent.")
		p.Errors = []httpapi.FieldError{{Field: headerIdempotencyKey, Message: "already used with a different request"}}
		return httpapi.ProblemResponse(p)
	}
	if held.State != consent.CreateKeyDone {
		return retryLater(held.ClaimUntil.Sub(h.now()),
			"Another request with this Idempotency-Key is creating the consent: retry with the same key after Retry-After.")
	}
	c, err := h.store.GetConsentForOwner(ctx, held.ConsentID, owner)
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

// releaseKey frees a claimed key after a failure that left no consent
// stored, so that a retry with the same key can create it. It runs even
// when the request's budget is spent; if it fails, the key frees itself
// when its claim ends (keyClaim).
func (h *Handler) releaseKey(ctx context.Context, k *consent.CreateKey) {
	if k == nil {
		return
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), releaseTimeout)
	defer cancel()
	if err := h.store.ReleaseCreateKey(rctx, k); err != nil {
		h.logger.ErrorContext(ctx, "idempotency key not released; it frees itself when its claim ends", "err", err)
	}
}

// finishKey records the consent created under a claimed key. If that fails
// the consent stands and this request still answers it; a retry with the
// same key after the claim ends would create another consent (logged).
func (h *Handler) finishKey(ctx context.Context, k *consent.CreateKey, consentID string) {
	if k == nil {
		return
	}
	if err := h.store.FinishCreateKey(ctx, k, consentID); err != nil {
		h.logger.ErrorContext(ctx, "idempotency key not recorded as done", "consentId", consentID, "err", err)
	}
}

// retryLater is a 503 retryLater problem with a Retry-After of after in
// whole seconds (at least 1).
func retryLater(after time.Duration, detail string) events.APIGatewayV2HTTPResponse {
	resp := httpapi.ProblemResponse(httpapi.Problem{Type: httpapi.TypeRetryLater, Title: "Try again later",
		Status: http.StatusServiceUnavailable, Action: httpapi.ActionRetryLater, Detail: detail})
	resp.Headers["Retry-After"] = strconv.Itoa(max(1, int((after+time.Second-1)/time.Second)))
	return resp
}
