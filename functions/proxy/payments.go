package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// maxPaymentBody bounds the POST /payments body, which must be empty or {}.
const maxPaymentBody = 1024

// claimKey is the payment record that makes a DP, DSP or DSO consent
// single-use inside the connector: its RequestHash names the one
// Idempotency-Key allowed to pay with the consent. '#' is outside the
// callers' key charset, so no caller key can collide with it.
const claimKey = "#consent"

// orderPaths are the payment-order resources of each journey (docs/bank-rules.md §Endpoints the bank offers).
var orderPaths = map[string]string{
	"DP":  "/domestic-payments",
	"DSP": "/domestic-scheduled-payments",
	"DSO": "/domestic-standing-orders",
}

// consentPaths are the payment-consent resources of each journey, read with
// a client-credentials token (docs/bank-rules.md §Grants and scopes).
var consentPaths = map[string]string{
	"DP":  "/domestic-payment-consents",
	"DSP": "/domestic-scheduled-payment-consents",
	"DSO": "/domestic-standing-order-consents",
}

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
// payment consent exactly once per consent. The order body is built from the
// stored consent (the app cannot change payee or amount). A payment record is
// written before the bank is called, keyed by the app's Idempotency-Key and
// holding the x-idempotency-key sent to the bank, so any retry, by the proxy
// or by the app, resends the same order under the same bank key.
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
	rec, err := h.store.GetPayment(ctx, c.ID, key)
	switch {
	case err == nil:
		return h.resume(ctx, r, c, rec)
	case !errors.Is(err, consent.ErrNotFound):
		return httpapi.Internal(ctx, h.logger, err)
	}
	if c, bad = h.load(ctx, r, typePayments); bad != nil {
		return *bad
	}
	if orderPaths[c.Journey] == "" {
		return httpapi.Internal(ctx, h.logger, errors.New("payment consent without a known journey"))
	}
	if resp := h.claim(ctx, r, c.ID, key); resp != nil {
		return *resp
	}
	rec = &consent.Payment{ConsentID: c.ID, IdempotencyKey: key, RequestHash: hashOf("{}")}
	err = h.store.CreatePayment(ctx, rec)
	if errors.Is(err, consent.ErrConflict) { // the same key, concurrently
		if rec, err = h.store.GetPayment(ctx, c.ID, key); err == nil {
			return h.resume(ctx, r, c, rec)
		}
	}
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	return h.execute(ctx, r, c, rec)
}

// claim makes key the one Idempotency-Key that may pay with the consent.
func (h *Handler) claim(ctx context.Context, r *call, consentID, key string) *events.APIGatewayV2HTTPResponse {
	want := hashOf("key:" + key)
	err := h.store.CreatePayment(ctx, &consent.Payment{ConsentID: consentID, IdempotencyKey: claimKey, RequestHash: want})
	if errors.Is(err, consent.ErrConflict) {
		var held *consent.Payment
		if held, err = h.store.GetPayment(ctx, consentID, claimKey); err == nil && held.RequestHash != want {
			resp := h.problem(r, httpapi.Problem{Type: httpapi.TypeConflict, Title: "Consent already used", Status: http.StatusConflict,
				Detail: "A payment with another Idempotency-Key was already made (or is in progress) with this consent; a payment consent pays once."})
			return &resp
		}
	}
	if err != nil {
		resp := httpapi.Internal(ctx, h.logger, err)
		return &resp
	}
	return nil
}

// resume answers a payment the app asked for before with the same key.
func (h *Handler) resume(ctx context.Context, r *call, c *consent.Consent, rec *consent.Payment) events.APIGatewayV2HTTPResponse {
	switch rec.State {
	case consent.PaymentDone:
		return h.paymentResponse(r, c, rec)
	case consent.PaymentFailed:
		return h.problem(r, httpapi.Problem{Type: httpapi.TypePaymentNotAllowed, Title: "Payment refused", Status: http.StatusConflict,
			Detail: "The bank refused the payment made with this Idempotency-Key; it will not be sent again. Create a new consent to pay."})
	}
	return h.execute(ctx, r, c, rec) // pending or sent: resend under the same bank key
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

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
