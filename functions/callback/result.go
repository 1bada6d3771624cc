package main

import (
	"context"
	"net/url"

	"github.com/coop-ob/connector/shared/consent"
)

// resultParam is the result URL's parameter that carries the signed result.
const resultParam = "result"

// resultSigner signs a journey's result (*resultsig.Signer).
type resultSigner interface {
	Sign(ctx context.Context, consentID, outcome, sub string) (string, error)
	JWKS(ctx context.Context) ([]byte, error)
}

// resultLocation returns the app's result URL (configuration, never the
// request) with consentId and outcome added to any query it already has,
// and result (the signed result) when signed is not empty.
// Values the result URL already has for those names are replaced.
func resultLocation(result *url.URL, consentID, outcome, signed string) string {
	u := *result
	q := u.Query()
	q.Set("consentId", consentID)
	q.Set("outcome", outcome)
	q.Del(resultParam)
	if signed != "" {
		q.Set(resultParam, signed)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// signResult signs the journey's result for the app, or returns "" (logged) when there is
// no signer or signing failed: the redirect goes on without it, and the app reads the
// consent instead.
func (h *Handler) signResult(ctx context.Context, s *consent.AuthSession, outcome string) string {
	if h.signer == nil {
		return ""
	}
	token, err := h.signer.Sign(ctx, s.ConsentID, outcome, s.Owner)
	if err != nil {
		h.logger.ErrorContext(ctx, "sign journey result", "consentId", s.ConsentID, "err", err)
		return ""
	}
	return token
}

// WithSigner returns h signing its results with signer (main.go, tests).
func (h *Handler) WithSigner(signer resultSigner) *Handler {
	h.signer = signer
	return h
}
