package payment

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
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
//   - Consumed: the payment was made, and the bank will not say its id again:
//     Unconfirmed, never "refused", which would invite a second payment. The
//     record becomes "unconfirmed" (a retry with the same key is answered
//     from it; nothing is marked failed, nothing is sent again) and the local
//     consent becomes Consumed, so no other key tries to pay with it.
//   - any other status: no payment was made with the consent; ok is false and
//     the caller treats the refusal like one of a first attempt.
//   - the check failed: nothing is known; Unsettled, the record stays "sent".
func (p *Protocol) settle(ctx context.Context, c *consent.Consent, rec *consent.Payment) (res Result, ok bool) {
	path := bankapi.PISPPath + consentPaths[c.Journey] + "/" + c.ID
	got, err := p.read(ctx, bankapi.Request{Method: http.MethodGet, Path: path})
	var pc bankapi.PaymentConsentResponse
	if err == nil && (json.Unmarshal(got.Body, &pc) != nil || pc.Data.Status == "") {
		err = errors.New("payment consent unreadable")
	}
	if err != nil {
		var be *bankapi.Error
		iid := ""
		if errors.As(err, &be) {
			iid = be.InteractionID
		}
		return Result{Outcome: Unsettled, Payment: rec, Err: err, InteractionID: iid}, true
	}
	if pc.Data.Status != bankapi.StatusConsumed {
		return Result{}, false
	}
	p.Logger.WarnContext(ctx, "payment in doubt: consent consumed at the bank", "consentId", c.ID, "interactionId", got.InteractionID)
	p.record(ctx, rec, consent.PaymentUpdate{State: consent.PaymentUnconfirmed, Checked: true})
	p.consumed(ctx, c)
	return Result{Outcome: Unconfirmed, Payment: rec, InteractionID: got.InteractionID}, true
}

// refused: a definitive answer to a payment order or to its tokens: a bank
// 4xx other than 429 (a 401 that a refresh did not cure included), or tokens
// that can no longer be used or refreshed.
func refused(err error) bool {
	return isBankRefusal(err) || errors.Is(err, refresh.ErrReauthRequired) || errors.Is(err, refresh.ErrNoRefreshToken) ||
		errors.Is(err, refresh.ErrExpired) || errors.Is(err, consent.ErrNotFound)
}

// read sends req with a client-credentials token of the payments scope, with
// read retries: a token the bank revoked early (401) is replaced once
// (bankapi.WithClientCredentials).
func (p *Protocol) read(ctx context.Context, req bankapi.Request) (*bankapi.Response, error) {
	return bankapi.WithClientCredentials(ctx, func(ctx context.Context, req bankapi.Request) (*bankapi.Response, error) {
		var resp *bankapi.Response
		err := bankapi.Retry(ctx, p.Retry, func() error {
			var err error
			resp, err = p.Bank.Do(ctx, req)
			return err
		})
		return resp, err
	}, p.ClientCredentials, "payments", req)
}
