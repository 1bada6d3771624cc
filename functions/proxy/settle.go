package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oauth"
	"github.com/coop-ob/connector/shared/refresh"
)

// settle decides a payment in doubt (an earlier attempt may have made it and
// lost the answer) whose resend was refused definitively. The refusal alone
// proves nothing: past the bank's 24 h idempotency window, or with the
// consent's tokens gone, the bank refuses the resend of a payment it made.
// What does prove it is the payment consent's status at the bank (GET of the
// journey's consent resource with a client-credentials token, scope
// payments): only a payment order moves a payment consent to Consumed.
//
//   - Consumed: the payment was made, and the bank will not say its id again.
//     The app gets 502 payment-unconfirmed, never "refused", which would
//     invite a second payment. The record stays "sent" (a retry with the same
//     key asks again; nothing is marked failed) and the local consent becomes
//     Consumed, so no other key tries to pay with it.
//   - any other status: no payment was made with the consent; ok is false and
//     the caller treats the refusal like one of a first attempt.
//   - the check failed: nothing is known; retryLater, the record stays "sent".
func (h *Handler) settle(ctx context.Context, r *call, c *consent.Consent) (resp events.APIGatewayV2HTTPResponse, ok bool) {
	path := bankapi.PISPPath + consentPaths[c.Journey] + "/" + c.ID
	got, err := h.doClientCredentials(ctx, r, bankapi.Request{Method: http.MethodGet, Path: path})
	if errors.As(err, new(*oauth.Error)) {
		return h.retryLater(ctx, r, http.StatusServiceUnavailable, 0, "payment in doubt: no client-credentials token", ""), true
	}
	var pc bankapi.PaymentConsentResponse
	if err == nil && (json.Unmarshal(got.Body, &pc) != nil || pc.Data.Status == "") {
		err = errors.New("payment consent unreadable")
	}
	if err != nil {
		status, iid := http.StatusBadGateway, ""
		var be *bankapi.Error
		if errors.As(err, &be) {
			iid = be.InteractionID
			if be.Status == http.StatusTooManyRequests || be.Status == http.StatusServiceUnavailable {
				status = http.StatusServiceUnavailable
			}
		}
		return h.retryLater(ctx, r, status, 0, "payment in doubt: consent status: "+err.Error(), iid), true
	}
	if pc.Data.Status != bankapi.StatusConsumed {
		return events.APIGatewayV2HTTPResponse{}, false
	}
	h.logger.WarnContext(ctx, "payment in doubt: consent consumed at the bank", "consentId", c.ID, "interactionId", got.InteractionID)
	h.markConsumed(ctx, c)
	return h.problem(r, httpapi.Problem{Type: httpapi.TypePaymentUnconfirmed, Title: "Payment made, not confirmed",
		Status: http.StatusBadGateway, InteractionID: got.InteractionID,
		Detail: "An earlier attempt with this Idempotency-Key lost the bank's answer, and the bank now refuses to send the order again, " +
			"but it reports the consent as used: the payment was most probably made. Do not pay again with a new consent; " +
			"the bank did not return the payment's id, so check the payment with the customer or the bank. " +
			"Retrying with the same Idempotency-Key asks the bank again."}), true
}

// refused: a definitive answer to a payment order or to its tokens: a bank
// 4xx other than 429 (a 401 that a refresh did not cure included), or tokens
// that can no longer be used or refreshed.
func refused(err error) bool {
	return isBankRefusal(err) || errors.Is(err, refresh.ErrReauthRequired) || errors.Is(err, refresh.ErrNoRefreshToken) ||
		errors.Is(err, refresh.ErrExpired) || errors.Is(err, consent.ErrNotFound)
}
