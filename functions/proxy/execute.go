package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/jws"
)

// execute sends the payment order of rec (pending or sent) and records the
// outcome. The body is rebuilt from the stored consent request, byte for byte
// the same on every attempt, and goes with the record's x-idempotency-key: a
// bank that already processed it answers with the same payment. A failure
// after which the bank may have processed the order (a dropped connection,
// a timeout, a 5xx) is retried here a bounded number of times; if it still
// fails the record stays "sent" and the app's retry with the same
// Idempotency-Key finishes it.
//
// A record already "sent" is in doubt: an earlier attempt may have made the
// payment and lost the answer. A definitive refusal of the resend (a 4xx
// after the bank's 24 h idempotency window, or a token that can no longer be
// used) then does not prove the payment was refused: settle asks the bank
// whether the consent was used before anything is marked failed.
//
// The order is sent only by the request that won the record's versioned
// write (claimSend): two requests with the same Idempotency-Key never send
// at the same moment.
func (h *Handler) execute(ctx context.Context, r *call, c *consent.Consent, rec *consent.Payment) events.APIGatewayV2HTTPResponse {
	inDoubt := rec.State == consent.PaymentSent
	if inDoubt && h.sending(rec) {
		return h.inProgress(ctx, r, "payment being sent by another request")
	}
	body, err := bankapi.OrderBody(c.Request, c.ID)
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	creds, err := h.creds.Get(ctx)
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	sig, err := jws.Sign(body, creds.SigningKey, creds.SigningKeyID, creds.OrganisationID+"/"+creds.SoftwareStatementID, h.now())
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	tok, err := h.tokens.Valid(ctx, c.ID, minValidity)
	if err != nil {
		if inDoubt && refused(err) {
			if resp, ok := h.settle(ctx, r, c); ok {
				return resp
			}
		}
		return h.fail(ctx, r, c, err, failure{})
	}
	if resp, ok := h.claimSend(ctx, r, c, rec); !ok {
		return resp
	}
	return h.holdOff(h.sendOrder(ctx, r, c, rec, tok, body, sig, inDoubt), rec)
}

// sendOrder sends the order of rec, which this request has claimed, with
// bounded resends, and records the outcome.
func (h *Handler) sendOrder(ctx context.Context, r *call, c *consent.Consent, rec *consent.Payment, tok *consent.Tokens,
	body []byte, sig string, inDoubt bool) events.APIGatewayV2HTTPResponse {
	req := bankapi.Request{Method: http.MethodPost, Path: bankapi.PISPPath + orderPaths[c.Journey], Body: body,
		IdempotencyKey: rec.BankIdempotencyKey, JWSSignature: sig}
	var resp *bankapi.Response
	var err error
	for attempt := 0; ; attempt++ {
		resp, tok, err = h.send(ctx, r, tok, req, false)
		if err == nil || !mayResend(err) {
			break
		}
		inDoubt = true
		if attempt+1 >= payAttempts {
			break
		}
		if werr := h.pause(ctx, attempt, err); werr != nil {
			break
		}
	}
	if err != nil {
		if inDoubt && refused(err) {
			if resp, ok := h.settle(ctx, r, c); ok {
				return resp
			}
		}
		if !mayResend(err) && bankapi.Classify(err) != bankapi.ActionRefresh && isBankRefusal(err) {
			rec.State = consent.PaymentFailed
			h.savePayment(ctx, rec)
		}
		var ue *bankapi.UnusableError
		if errors.As(err, &ue) {
			return h.unreadable(ctx, r, ue.InteractionID)
		}
		return h.fail(ctx, r, c, err, failure{})
	}
	var order bankapi.PaymentOrderResponse
	if err := json.Unmarshal(resp.Body, &order); err != nil || order.ID() == "" {
		// The bank took the order but its answer is unreadable: keep the
		// record "sent" so a retry with the same key reads it again.
		return h.unreadable(ctx, r, resp.InteractionID)
	}
	rec.BankPaymentID, rec.Status, rec.State = order.ID(), order.Data.Status, consent.PaymentDone
	h.savePayment(ctx, rec)
	h.markConsumed(ctx, c)
	return h.paymentResponse(r, c, rec)
}

// markConsumed records that the bank consumed the payment consent.
func (h *Handler) markConsumed(ctx context.Context, c *consent.Consent) {
	h.update(ctx, c, func(_ context.Context, n *consent.Consent) bool {
		_, _ = consent.Apply(n, consent.PaymentConsumed, h.now(), "") // allowed from any status
		return true
	})
}

// unreadable answers a payment order the bank took but whose answer could
// not be read: 502 bank-error, the record stays "sent" (in doubt, never
// failed). Its Retry-After (raised to the rest of the send lease by holdOff)
// says when the same Idempotency-Key resends rather than finds the payment
// in progress.
func (h *Handler) unreadable(ctx context.Context, r *call, iid string) events.APIGatewayV2HTTPResponse {
	resp := h.bankFailure(ctx, r, http.StatusBadGateway,
		"The bank's answer to the payment could not be read; retry with the same Idempotency-Key.", iid, nil)
	resp.Headers["Retry-After"] = "1"
	return resp
}

// mayResend: the order may not have been processed, or may have been and
// the answer was lost or unusable (a 2xx that is no payment order); the
// same key and body make a resend safe.
func mayResend(err error) bool {
	if bankapi.IsUnusable(err) {
		return true
	}
	var te *bankapi.TransportError
	if errors.As(err, &te) {
		return te.Transient || te.MayHaveBeenProcessed
	}
	return bankapi.Classify(err) == bankapi.ActionRetryLater
}

// isBankRefusal: the bank answered with a definitive 4xx.
func isBankRefusal(err error) bool {
	var be *bankapi.Error
	return errors.As(err, &be) && be.Status >= 400 && be.Status < 500 && be.Status != http.StatusTooManyRequests
}

// pause waits before resending a payment: the retry policy's backoff, or the
// bank's Retry-After, capped by the policy.
func (h *Handler) pause(ctx context.Context, attempt int, err error) error {
	p := h.retry
	if p.Base <= 0 {
		p.Base = 200 * time.Millisecond
	}
	if p.Cap <= 0 {
		p.Cap = 2 * time.Second
	}
	d := p.Base << attempt
	var be *bankapi.Error
	if errors.As(err, &be) && be.RetryAfter > d {
		d = be.RetryAfter
	}
	d = min(d, p.Cap)
	if h.payWait != nil {
		return h.payWait(ctx, d)
	}
	return bankapi.Sleep(ctx, d)
}

// savePayment writes rec; a version conflict means a concurrent request with
// the same key recorded the same bank outcome (same bank key, same payment).
func (h *Handler) savePayment(ctx context.Context, rec *consent.Payment) {
	ctx, cancel := detached(ctx)
	defer cancel()
	if err := h.store.UpdatePayment(ctx, rec); err != nil {
		h.logger.WarnContext(ctx, "payment record update", "consentId", rec.ConsentID, "err", err)
	}
}
