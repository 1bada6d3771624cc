package main

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
)

// sendLease is how long a payment record marked "sent" counts as being sent
// right now by the request that marked it: the Lambda timeout (template.yaml,
// 15 s), longer than a request's budget, after which that request has
// certainly stopped sending. A later request may then take the record over
// and resend under the same bank key (the first one died, or gave up and
// answered retryLater).
const sendLease = 15 * time.Second

// sending reports whether rec ("sent") was marked by a request that may still
// be sending it.
func (h *Handler) sending(rec *consent.Payment) bool {
	return h.now().Sub(rec.UpdatedAt) < sendLease
}

// claimSend makes this request the one that sends rec's order: a versioned
// write of rec as "sent" (pending → sent, or the takeover of an abandoned
// "sent" record, which also restarts its lease). Exactly one of two
// concurrent requests wins (consent.Store.UpdatePayment: "the second gets a
// *ConflictError and must not send"). The loser answers from the record if
// it is finished, else retryLater ("in progress"); a store error answers
// without sending. ok is true when this request may send.
func (h *Handler) claimSend(ctx context.Context, r *call, c *consent.Consent, rec *consent.Payment) (resp events.APIGatewayV2HTTPResponse, ok bool) {
	n := *rec
	n.State = consent.PaymentSent
	err := h.store.UpdatePayment(ctx, &n)
	if err == nil {
		*rec = n
		return events.APIGatewayV2HTTPResponse{}, true
	}
	if !errors.Is(err, consent.ErrConflict) {
		h.logger.ErrorContext(ctx, "payment record not claimed; order not sent", "consentId", rec.ConsentID, "err", err)
		return h.retryProblem(r, http.StatusServiceUnavailable, time.Second, "",
			"The payment could not be recorded before sending; nothing was sent: retry with the same Idempotency-Key."), false
	}
	fresh, gerr := h.store.GetPayment(ctx, rec.ConsentID, rec.IdempotencyKey)
	switch {
	case gerr != nil:
		h.logger.ErrorContext(ctx, "payment record re-read", "consentId", rec.ConsentID, "err", gerr)
		return h.inProgress(ctx, r, "payment record re-read failed"), false
	case fresh.State == consent.PaymentDone || fresh.State == consent.PaymentFailed:
		return h.resume(ctx, r, c, fresh), false
	}
	return h.inProgress(ctx, r, "payment claimed by a concurrent request"), false
}

// inProgress: another request with the same Idempotency-Key is sending the
// order right now; this one sends nothing. Its outcome is the same payment,
// answered to a retry with the same key.
func (h *Handler) inProgress(ctx context.Context, r *call, why string) events.APIGatewayV2HTTPResponse {
	h.logger.InfoContext(ctx, "payment in progress", "consentId", r.consentID, "err", why)
	return h.retryProblem(r, http.StatusServiceUnavailable, time.Second, "",
		"Payment in progress: retry with the same Idempotency-Key.")
}

// holdOff raises the Retry-After of a retryLater answer to the end of rec's
// send lease while rec is still "sent": a retry with the same key before
// then would find the payment "in progress".
func (h *Handler) holdOff(resp events.APIGatewayV2HTTPResponse, rec *consent.Payment) events.APIGatewayV2HTTPResponse {
	after, ok := resp.Headers["Retry-After"]
	if !ok || rec.State != consent.PaymentSent {
		return resp
	}
	left := int((sendLease - h.now().Sub(rec.UpdatedAt) + time.Second - 1) / time.Second)
	if secs, err := strconv.Atoi(after); err == nil && left > secs {
		resp.Headers["Retry-After"] = strconv.Itoa(left)
	}
	return resp
}
