package main

import (
	"context"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh"
)

// send makes one bank call with the consent's tokens tok and the request's
// FAPI headers; a 401 refreshes the tokens once and sends once more
// (refresh.Send). With retry (reads only), a 429, 5xx or transient transport
// failure is retried with backoff honouring Retry-After (bankapi.Retry). It
// returns the tokens last used, so the caller knows whether they carried
// step-up; r.used records them too, so that a failure is only held against
// the consent while they are still its tokens.
func (h *Handler) send(ctx context.Context, r *call, tok *consent.Tokens, req bankapi.Request, retry bool) (*bankapi.Response, *consent.Tokens, error) {
	return refresh.Send(ctx, h.tokens, r.consentID, tok, func(t *consent.Tokens) (*bankapi.Response, error) {
		r.used = t
		return h.do(ctx, r, t.AccessToken, req, retry)
	})
}

// do sends req with token, retrying when retry is set (reads only: a POST
// without an idempotency key must not be resent).
func (h *Handler) do(ctx context.Context, r *call, token string, req bankapi.Request, retry bool) (*bankapi.Response, error) {
	req.AccessToken = token
	req.InteractionID = r.interactionID
	req.CustomerIP = r.psu.IP
	req.AuthDate = r.psu.AuthDate
	var resp *bankapi.Response
	once := func() error {
		r.bankCalls++
		var err error
		resp, err = h.bank.Do(ctx, req)
		return err
	}
	if !retry {
		err := once()
		return resp, err
	}
	err := bankapi.Retry(ctx, h.retry, once)
	return resp, err
}
