package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/awserr"
	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/refresh"
	"github.com/coop-ob/connector/shared/setup"
)

// routeCallback is where the bank sends the browser back (template.yaml); the function
// also serves the journey links (routeJourney) and the result key set (routeJWKS).
const routeCallback = "GET /callback"

// Handler is the callback function: the bank redirects the PSU's browser
// here with ?code&state or ?error&error_description(&state). It checks state
// (single use, not expired) through its hash and, for a bound journey, the
// browser's journey cookie (binding.go), finishes the journey, and redirects
// the browser to the app's RESULT_URL with consentId, outcome and the signed
// result. It also serves the journey links (journey.go) and the result key
// set (jwks.go).
type Handler struct {
	store     *consent.Store
	exchanger *exchange.Exchanger
	result    *url.URL // RESULT_URL; nil if it does not parse (config.Load has checked it)
	logger    *slog.Logger
	now       func() time.Time
	retry     retryPolicy
	bank      accountsReader // GET /accounts after an authorisation (accounts.go)
	journeys  journeyOpener  // GET /journeys/{ref} (journey.go)
	signer    resultSigner   // the signed result on RESULT_URL; nil: none (result.go)
	metrics   *metrics.Recorder
}

// New builds the handler from the function's long-lived clients.
func New(d *setup.Deps) *Handler {
	result, err := url.Parse(d.Config.ResultURL)
	if err != nil || !result.IsAbs() {
		result = nil
	}
	return &Handler{
		store:  d.Store,
		result: result,
		logger: d.Logger,
		now:    func() time.Time { return d.Now() },
		retry:  defaultRetry,
		bank:   d.Bank,
		journeys: &authflow.Starter{Store: d.Store, Credentials: d.Credentials, Config: d.Config,
			Now: func() time.Time { return d.Now() }},
		exchanger: &exchange.Exchanger{Store: d.Store, OAuth: d.OAuth, Logger: d.Logger,
			Now: func() time.Time { return d.Now() }, Lookahead: d.Config.RefreshLookahead, StoreTimeout: defaultRetry.store,
			KeepAlivePoint: keepAlivePoint(d.Config)},
		metrics: d.Metrics,
	}
}

// Handle serves GET /callback, GET /journeys/{ref} and GET /.well-known/jwks.json.
// Every expected failure is a response (an HTML page, a redirect or a problem),
// never a Go error.
func (h *Handler) Handle(ctx context.Context, req events.APIGatewayV2HTTPRequest) (resp events.APIGatewayV2HTTPResponse, _ error) {
	ctx = httpapi.Begin(ctx, h.metrics, req)
	defer func() {
		httpapi.Finish(ctx, resp)
		if req.RouteKey == routeCallback && resp.StatusCode != http.StatusFound {
			h.metrics.Count(ctx, metrics.CallbackOutcomes, metrics.DimOutcome, pageOutcome(resp.StatusCode))
		}
	}()
	ref := req.RequestContext.RequestID
	switch req.RouteKey {
	case routeCallback:
	case routeJourney:
		return h.openJourney(ctx, req), nil
	case routeJWKS:
		return h.jwks(ctx), nil
	default:
		return httpapi.ProblemResponse(httpapi.NotFound("No such route.")), nil
	}
	if h.result == nil {
		h.logger.ErrorContext(ctx, "RESULT_URL is not an absolute URL")
		return render(pageInternal, ref), nil
	}
	q, ok := callbackQuery(req)
	if !ok {
		h.logger.WarnContext(ctx, "callback refused", "reason", "malformed query")
		return render(pageBroken, ref), nil
	}
	stateHash, resp, ok := h.journeyOf(ctx, req, q)
	if !ok {
		return resp, nil
	}
	s, err := h.store.ClaimAuthSession(ctx, stateHash)
	if err != nil {
		return h.refused(ctx, err, ref), nil
	}
	var outcome string
	switch code := q.Get("code"); {
	case q.Get("error") != "" || q.Get("error_description") != "":
		outcome = h.declined(ctx, s, q.Get("error"), q.Get("error_description"))
	case code != "":
		outcome = h.exchange(ctx, s, code)
	default:
		outcome = h.fail(ctx, s, OutcomeAbandoned, false)
	}
	h.logger.InfoContext(ctx, "callback", "consentId", s.ConsentID, "outcome", outcome, "stepUp", s.StepUp, "reauth", s.Reauth)
	h.metrics.Count(ctx, metrics.CallbackOutcomes, metrics.DimOutcome, outcome)
	resp = httpapi.Redirect(resultLocation(h.result, s.ConsentID, outcome, h.signResult(ctx, s, outcome)))
	if _, had := journeyCookies(req)[stateHash]; had {
		resp.Cookies = []string{clearJourneyCookie(stateHash)}
	}
	return resp, nil
}

// journeyOf finds the session the callback finishes: by state (after checkBrowser), or,
// for a bank error redirect without state, by the browser's journey cookie. Without either
// it answers the "link incomplete" page.
func (h *Handler) journeyOf(ctx context.Context, req events.APIGatewayV2HTTPRequest, q url.Values) (string, events.APIGatewayV2HTTPResponse, bool) {
	ref := req.RequestContext.RequestID
	bankError := q.Get("error") != "" || q.Get("error_description") != ""
	if state := q.Get("state"); state != "" {
		stateHash := consent.HashState(state)
		if err := h.checkBrowser(ctx, req, stateHash); err != nil {
			return "", h.refused(ctx, err, ref), false
		}
		return stateHash, events.APIGatewayV2HTTPResponse{}, true
	}
	if bankError {
		stateHash, found, err := h.journeyByCookie(ctx, req)
		if found {
			h.logger.InfoContext(ctx, "callback without state: journey found by its cookie")
			return stateHash, events.APIGatewayV2HTTPResponse{}, true
		}
		if err != nil {
			return "", h.refused(ctx, err, ref), false
		}
	}
	h.logger.WarnContext(ctx, "callback refused", "reason", "no state", "bankError", bankError)
	return "", render(pageNoState, ref), false
}

// refused answers a state that cannot be claimed: unknown (forged, or
// reaped), expired, or already used (a replayed or concurrent callback).
func (h *Handler) refused(ctx context.Context, err error, ref string) events.APIGatewayV2HTTPResponse {
	var p page
	var reason string
	switch {
	case errors.Is(err, consent.ErrNotFound):
		p, reason = pageUnknown, "unknown state"
	case errors.Is(err, consent.ErrSessionExpired):
		p, reason = pageExpired, "expired session"
	case errors.Is(err, consent.ErrSessionUsed):
		p, reason = pageUsed, "session already used"
	case errors.Is(err, errOtherBrowser):
		return render(pageOtherBrowser, ref) // logged by checkBrowser
	case awserr.Transient(err):
		// Nothing was claimed: the same link, reloaded, finishes the journey.
		h.logger.WarnContext(ctx, "claim auth session: store unavailable", "err", err)
		resp := render(pageUnavailable, ref)
		resp.Headers["Retry-After"] = strconv.Itoa(int(httpapi.StoreRetryAfter / time.Second))
		return resp
	default:
		h.logger.ErrorContext(ctx, "claim auth session", "err", err)
		return render(pageInternal, ref)
	}
	h.logger.WarnContext(ctx, "callback refused", "reason", reason)
	return render(p, ref)
}

// callbackQuery parses the raw query string (which decodes the bank's "+"
// for spaces), falling back to the gateway's parsed parameters. A query that
// does not parse, or repeats one of the callback's parameters, is refused:
// which of two states would be the real one?
func callbackQuery(req events.APIGatewayV2HTTPRequest) (url.Values, bool) {
	q := url.Values{}
	if req.RawQueryString != "" {
		var err error
		if q, err = url.ParseQuery(req.RawQueryString); err != nil {
			return nil, false
		}
	} else {
		for k, v := range req.QueryStringParameters {
			q.Set(k, v)
		}
	}
	for _, k := range []string{"state", "code", "error", "error_description"} {
		if len(q[k]) > 1 {
			return nil, false
		}
	}
	return q, true
}

// keepAlivePoint is refresh.KeepAlivePoint under REFRESH_POLICY=ondemand
// (new tokens wait there), else nil.
func keepAlivePoint(c config.Config) func(time.Time) time.Time {
	if c.RefreshPolicy == config.RefreshOnDemand {
		return refresh.KeepAlivePoint
	}
	return nil
}
