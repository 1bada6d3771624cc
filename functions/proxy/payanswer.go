package main

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/bankoutcome"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/payment"
)

// payments is the payment protocol for call r: its bank calls carry r's FAPI
// headers and count as r's.
func (h *Handler) payments(r *call) *payment.Protocol {
	return &payment.Protocol{Store: h.store, Bank: callBank{h, r}, Tokens: h.tokens, ClientCredentials: h.cc,
		Credentials: h.creds, Now: h.now, Logger: h.logger, Retry: h.retry, Wait: h.payWait,
		Attempts: payAttempts, MinValidity: minValidity}
}

// callBank is the bank as seen from call r (do without retries: the protocol
// retries its reads itself and resends orders only under their key).
type callBank struct {
	h *Handler
	r *call
}

func (b callBank) Do(ctx context.Context, req bankapi.Request) (*bankapi.Response, error) {
	return b.h.do(ctx, b.r, req.AccessToken, req, false)
}

// paymentAnswer maps a payment protocol result to the app's answer. A
// retryLater answer while the record is still "sent" by this request says to
// come back at the end of the send lease (holdOff).
func (h *Handler) paymentAnswer(ctx context.Context, r *call, c *consent.Consent, res payment.Result, err error) events.APIGatewayV2HTTPResponse {
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	if res.Used != nil {
		r.used = res.Used
	}
	var resp events.APIGatewayV2HTTPResponse
	switch res.Outcome {
	case payment.Done:
		resp = h.paymentResponse(r, c, res.Payment)
	case payment.Refused:
		resp = h.problem(r, httpapi.Problem{Type: httpapi.TypePaymentNotAllowed, Title: "Payment refused", Status: http.StatusConflict,
			Detail: "The bank refused the payment made with this Idempotency-Key; it will not be sent again. Create a new consent to pay."})
	case payment.ConsentUsed:
		resp = h.problem(r, httpapi.Problem{Type: httpapi.TypeConflict, Title: "Consent already used", Status: http.StatusConflict,
			Detail: "A payment with another Idempotency-Key was already made (or is in progress) with this consent; a payment consent pays once."})
	case payment.InProgress:
		// Another request with the same key is sending the order right now;
		// its outcome is answered to a retry with the same key.
		h.logger.InfoContext(ctx, "payment in progress", "consentId", r.consentID, "err", res.Why)
		resp = h.retryProblem(r, http.StatusServiceUnavailable, time.Second, "", "Payment in progress: retry with the same Idempotency-Key.")
	case payment.NotRecorded:
		resp = h.retryProblem(r, http.StatusServiceUnavailable, time.Second, "",
			"The payment could not be recorded before sending; nothing was sent: retry with the same Idempotency-Key.")
	case payment.BankFailed:
		resp = h.fail(ctx, r, c, res.Err, failure{})
	case payment.Unreadable:
		// The bank took the order but its answer could not be read: 502, the
		// record stays "sent" (in doubt, never failed).
		resp = h.bankFailure(ctx, r, http.StatusBadGateway,
			"The bank's answer to the payment could not be read; retry with the same Idempotency-Key.", res.InteractionID, nil)
		resp.Headers["Retry-After"] = "1"
	case payment.Unsettled:
		resp = h.answer(ctx, r, nil, bankoutcome.Unsettled(res.Err, res.InteractionID))
	case payment.Unconfirmed:
		resp = h.problem(r, httpapi.Problem{Type: httpapi.TypePaymentUnconfirmed, Title: "Payment made, not confirmed",
			Status: http.StatusBadGateway, InteractionID: res.InteractionID,
			Detail: "An earlier attempt with this Idempotency-Key lost the bank's answer, and the bank now refuses to send the order again, " +
				"but it reports the consent as used: the payment was most probably made. Do not pay again with a new consent; " +
				"the bank did not return the payment's id, so check the payment with the customer or the bank. " +
				"Retrying with the same Idempotency-Key asks the bank again."})
	default:
		return httpapi.Internal(ctx, h.logger, errors.New("payment: unknown outcome"))
	}
	return holdOff(resp, res.LeaseLeft(h.now()))
}

// holdOff raises the Retry-After of a retryLater answer to left, the rest of
// the record's send lease: a retry with the same key before then would find
// the payment "in progress".
func holdOff(resp events.APIGatewayV2HTTPResponse, left time.Duration) events.APIGatewayV2HTTPResponse {
	after, ok := resp.Headers["Retry-After"]
	if !ok || left <= 0 {
		return resp
	}
	secs := int((left + time.Second - 1) / time.Second)
	if n, err := strconv.Atoi(after); err == nil && secs > n {
		resp.Headers["Retry-After"] = strconv.Itoa(secs)
	}
	return resp
}
