package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/payment"
)

// maxPaymentBody bounds the POST /payments body, which must be empty or {}.
const maxPaymentBody = 1024

// paymentView is the app's view of a payment.
type paymentView struct {
	PaymentID      string `json:"paymentId"`
	Status         string `json:"status"`
	ConsentID      string `json:"consentId"`
	Journey        string `json:"journey"`
	IdempotencyKey string `json:"idempotencyKey"`
	CreatedAt      string `json:"createdAt"`
}

// createPayment is POST /consents/{id}/payments: it executes the authorised
// payment consent exactly once per consent (shared/payment), keyed by the
// app's Idempotency-Key. A key seen before is answered or resumed whatever the
// consent's status; a new one needs a consent that can be used now (load).
func (h *Handler) createPayment(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
	key, p := paymentKey(r)
	if p == nil {
		p = emptyBody(r.req)
	}
	if p == nil {
		p = r.readPSU(h.now())
	}
	if p != nil {
		return h.problem(r, *p)
	}
	c, bad := h.paymentConsent(ctx, r)
	if bad != nil {
		return *bad
	}
	proto := h.payments(r)
	res, err := proto.Resume(ctx, c, key)
	if errors.Is(err, payment.ErrNotStarted) {
		if c, bad = h.load(ctx, r, typePayments); bad != nil {
			return *bad
		}
		res, err = proto.Start(ctx, c, key)
	}
	return h.paymentAnswer(ctx, r, c, res, err)
}

// paymentConsent reads the caller's payment consent whatever its status (a
// done payment is answered even after the consent is Consumed).
func (h *Handler) paymentConsent(ctx context.Context, r *call) (*consent.Consent, *events.APIGatewayV2HTTPResponse) {
	c, err := h.store.GetConsentForOwner(ctx, r.consentID, r.owner)
	var resp events.APIGatewayV2HTTPResponse
	switch {
	case errors.Is(err, consent.ErrNotFound):
		resp = h.problem(r, httpapi.NotFound("No such consent."))
	case err != nil:
		resp = httpapi.Internal(ctx, h.logger, err)
	case c.Type != typePayments:
		resp = h.problem(r, httpapi.Problem{Type: httpapi.TypeInvalidRequest, Title: "Wrong consent type", Status: http.StatusBadRequest,
			Detail: "This route needs a consent of type payments; this one is " + c.Type + "."})
	default:
		return c, nil
	}
	return nil, &resp
}

func (h *Handler) paymentResponse(r *call, c *consent.Consent, rec *consent.Payment) events.APIGatewayV2HTTPResponse {
	v := paymentView{PaymentID: rec.BankPaymentID, Status: rec.Status, ConsentID: rec.ConsentID, Journey: c.Journey,
		IdempotencyKey: rec.IdempotencyKey, CreatedAt: rec.CreatedAt.UTC().Format(time.RFC3339)}
	return httpapi.JSON(http.StatusCreated, v, map[string]string{"Location": r.req.RawPath + "/" + rec.BankPaymentID})
}

// paymentKey reads the Idempotency-Key header: required, 1-64 characters of
// letters, digits and . _ : -.
func paymentKey(r *call) (string, *httpapi.Problem) {
	key, ok := r.header(headerIdempotency)
	if !ok || key == "" {
		return "", &httpapi.Problem{Type: httpapi.TypeIdempotencyKeyRequired, Title: "Idempotency-Key required",
			Status: http.StatusBadRequest, Detail: "A payment needs an Idempotency-Key header: reuse it when you retry the same payment."}
	}
	if !idempotencyKey.MatchString(key) {
		p := httpapi.InvalidRequest("The Idempotency-Key header is malformed.",
			httpapi.FieldError{Field: "Idempotency-Key", Message: "must be 1-64 letters, digits or . _ : -"})
		return "", &p
	}
	return key, nil
}

// emptyBody accepts no body or the empty JSON object: the payment is the
// consent's, and nothing in the request may change it.
func emptyBody(req events.APIGatewayV2HTTPRequest) *httpapi.Problem {
	body := []byte(req.Body)
	if req.IsBase64Encoded {
		b, err := base64.StdEncoding.DecodeString(req.Body)
		if err != nil {
			p := httpapi.InvalidRequest("The request body is not valid base64.")
			return &p
		}
		body = b
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	return httpapi.DecodeJSON(events.APIGatewayV2HTTPRequest{Body: string(body)}, &struct{}{}, maxPaymentBody)
}
