package main

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/awserr"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// routeJourney is the journey link the app sends the customer's browser to (authorizationUrl).
const routeJourney = "GET /journeys/{ref}"

// journeyOpener finds a journey by its link's reference (*authflow.Starter).
type journeyOpener interface {
	Open(ctx context.Context, ref string) (*consent.AuthSession, string, error)
}

// openJourney serves GET /journeys/{ref}: the first browser to open a pending journey's link
// gets its cookie (the session records the cookie's hash) and is redirected to the bank's
// URL. The same browser opening it again is redirected again. Another browser is refused
// with a page when the journey is bound, and redirected without a cookie when it is not.
func (h *Handler) openJourney(ctx context.Context, req events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse {
	ref := req.RequestContext.RequestID
	s, bankURL, err := h.journeys.Open(ctx, req.PathParameters["ref"])
	if err != nil {
		return h.journeyRefused(ctx, err, ref)
	}
	if s.BrowserHash == "" {
		value, hash, err := newBrowserSecret()
		if err != nil {
			h.logger.ErrorContext(ctx, "journey cookie", "err", err)
			return render(pageInternal, ref)
		}
		opened, err := h.store.OpenAuthSession(ctx, s.StateHash, hash)
		switch {
		case err == nil:
			h.logger.InfoContext(ctx, "journey opened", "consentId", s.ConsentID, "bound", s.Bind)
			resp := httpapi.Redirect(bankURL)
			resp.Cookies = []string{journeyCookie(s.StateHash, value, opened.TTL, h.now())}
			return resp
		case errors.Is(err, consent.ErrSessionOpened):
			s = opened // another browser opened it first
		default:
			return h.journeyRefused(ctx, err, ref)
		}
	}
	switch {
	case holdsBrowser(req, s.StateHash, s.BrowserHash):
		return httpapi.Redirect(bankURL)
	case s.Bind:
		h.logger.WarnContext(ctx, "journey refused", "consentId", s.ConsentID, "reason", "opened in another browser")
		return render(pageOpenedElsewhere, ref)
	}
	return httpapi.Redirect(bankURL)
}

// journeyRefused answers a journey link that cannot be opened.
func (h *Handler) journeyRefused(ctx context.Context, err error, ref string) events.APIGatewayV2HTTPResponse {
	switch {
	case errors.Is(err, authflow.ErrUnknownJourney):
		h.logger.WarnContext(ctx, "journey refused", "reason", "unknown journey")
		return render(pageUnknown, ref)
	case errors.Is(err, consent.ErrSessionExpired):
		h.logger.WarnContext(ctx, "journey refused", "reason", "expired session")
		return render(pageExpired, ref)
	case errors.Is(err, consent.ErrSessionUsed):
		h.logger.WarnContext(ctx, "journey refused", "reason", "session already used")
		return render(pageUsed, ref)
	case awserr.Transient(err):
		h.logger.WarnContext(ctx, "open journey: store unavailable", "err", err)
		resp := render(pageUnavailable, ref)
		resp.Headers["Retry-After"] = strconv.Itoa(int(httpapi.StoreRetryAfter / time.Second))
		return resp
	}
	h.logger.ErrorContext(ctx, "open journey", "err", err)
	return render(pageInternal, ref)
}
