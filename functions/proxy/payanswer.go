package main

import (
	"context"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/bankoutcome"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/metrics"
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

// paymentAnswer maps a payment protocol result to the app's answer: the
// payment, or the problem shared/bankoutcome says the result means. A
// retryLater answer while the record is still "sent" by this request says to
// come back at the end of the send lease (holdOff).
func (h *Handler) paymentAnswer(ctx context.Context, r *call, c *consent.Consent, res payment.Result, err error) events.APIGatewayV2HTTPResponse {
	if err != nil {
		metrics.From(ctx).Count(ctx, metrics.Payments, metrics.DimResult, "error")
		return httpapi.Internal(ctx, h.logger, err)
	}
	metrics.From(ctx).Count(ctx, metrics.Payments, metrics.DimResult, res.Outcome.String())
	if res.Used != nil {
		r.used = res.Used
	}
	var resp events.APIGatewayV2HTTPResponse
	switch o, ok := bankoutcome.Payment(res); {
	case ok:
		resp = h.answer(ctx, r, nil, o)
	case res.Outcome == payment.Done:
		resp = h.paymentResponse(r, c, res.Payment)
	default:
		resp = h.fail(ctx, r, c, res.Err, failure{})
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
