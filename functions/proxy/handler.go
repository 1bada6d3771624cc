package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/uuid"

	"github.com/coop-ob/connector/shared/aisread"
	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/reconfirm"
	"github.com/coop-ob/connector/shared/refresh"
	"github.com/coop-ob/connector/shared/setup"
)

// Tuning of the proxy. The Lambda timeout is 15 s and one bank call may take
// BANK_HTTP_TIMEOUT (8 s): budget bounds a request's retries well inside it.
const (
	minValidity  = 60 * time.Second // refresh an access token valid for less than this
	touchEvery   = 15 * time.Minute // Tokens.UsedAt is written (store.TouchTokens) at most this often per consent
	refreshLease = 30 * time.Second // the on-demand refresh lease (covers one token call)
	budget       = 12 * time.Second // a request's whole time for bank calls and waits
	payAttempts  = 3                // sends of one payment order inside one request
	// storeMargin is the time kept for the store writes around an on-demand
	// refresh: one starts only with BANK_HTTP_TIMEOUT + storeMargin left.
	storeMargin = 2 * time.Second
)

// tokenSource is the consent's auth-code tokens, refreshed under the store's
// lease (shared/refresh.Refresher).
type tokenSource interface {
	Valid(ctx context.Context, consentID string, minValidity time.Duration) (*consent.Tokens, error)
	ValidFrom(ctx context.Context, consentID string, minValidity time.Duration, read *consent.Tokens) (*consent.Tokens, error)
	RefreshRejected(ctx context.Context, consentID, rejectedAccessToken string) (*consent.Tokens, error)
}

// authStarter makes a fresh authorization URL for an existing consent
// (shared/authflow.Starter).
type authStarter interface {
	Begin(ctx context.Context, c *consent.Consent, stepUp bool) (authflow.Journey, error)
}

// Handler serves the proxy routes. Build it once per cold start with New.
type Handler struct {
	store   *consent.Store
	bank    *bankapi.Client
	tokens  tokenSource
	auth    authStarter
	cc      bankapi.ClientCredentials
	creds   credentials.Provider
	logger  *slog.Logger
	now     func() time.Time
	newID   func() string
	retry   bankapi.RetryPolicy // reads (GETs); payment resends use its backoff
	payWait func(ctx context.Context, d time.Duration) error
	budget  time.Duration // a request's whole time for bank calls and waits
	holder  string        // this container's name in the refresh lease
	// touchUses: record uses on the tokens (TouchTokens). Only the warm
	// policies read them (recent); under ondemand nothing does, so the
	// write is saved (docs/performance.md §Cost model per refresh policy).
	touchUses bool
	table     map[string]route
	// reconfirm is the reconfirmation clock of AIS consents (reconfirm.go).
	reconfirm reconfirm.Policy
	metrics   *metrics.Recorder
}

// New builds the Handler from the cold start's clients; the bank client uses
// the one mTLS http.Client of the container, so connections and TLS sessions
// are reused across warm invocations.
func New(d *setup.Deps) *Handler {
	now := func() time.Time { return d.Now() }
	holder := "proxy-" + uuid.NewString()
	h := &Handler{
		store: d.Store,
		bank:  d.Bank,
		tokens: &refresh.Refresher{Store: d.Store, OAuth: d.OAuth, Now: now, Logger: d.Logger,
			Holder: holder, Lease: refreshLease, Lookahead: d.Config.RefreshLookahead,
			MinRemaining: d.Config.BankHTTPTimeout + storeMargin, OnDemand: d.Config.RefreshPolicy == config.RefreshOnDemand},
		auth:   &authflow.Starter{Store: d.Store, Credentials: d.Credentials, Config: d.Config, Now: now},
		cc:     d.OAuth,
		creds:  d.Credentials,
		logger: d.Logger,
		now:    now,
		newID:  uuid.NewString,
		retry:  bankapi.DefaultRetryPolicy(),
		budget: budget,
		holder: holder,

		touchUses: d.Config.RefreshPolicy != config.RefreshOnDemand,
		metrics:   d.Metrics,
	}
	h.reconfirm = reconfirm.FromConfig(d.Config)
	h.table = h.routes()
	return h
}

// route is one handler of the proxy.
type route func(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse

// routes maps API Gateway route keys (exactly as template.yaml) to handlers.
func (h *Handler) routes() map[string]route {
	return map[string]route{
		"GET /consents/{id}/accounts":                                h.ais(aisread.Accounts),
		"GET /consents/{id}/accounts/{accountId}":                    h.ais(aisread.Account),
		"GET /consents/{id}/accounts/{accountId}/balances":           h.ais(aisread.Balances),
		"GET /consents/{id}/accounts/{accountId}/transactions":       h.ais(aisread.Transactions),
		"GET /consents/{id}/accounts/{accountId}/direct-debits":      h.ais(aisread.DirectDebits),
		"GET /consents/{id}/accounts/{accountId}/standing-orders":    h.ais(aisread.StandingOrders),
		"GET /consents/{id}/accounts/{accountId}/scheduled-payments": h.ais(aisread.ScheduledPayments),
		"POST /consents/{id}/payments":                               h.createPayment,
		"GET /consents/{id}/payments/{paymentId}":                    h.getPayment,
		"GET /consents/{id}/funds-confirmation":                      h.pisFunds,
		"POST /consents/{id}/funds-confirmations":                    h.cbpiiFunds,
	}
}

// Handle serves one API Gateway (HTTP API, payload 2.0) request. Every
// expected failure is a problem response; the error is always nil.
func (h *Handler) Handle(ctx context.Context, req events.APIGatewayV2HTTPRequest) (resp events.APIGatewayV2HTTPResponse, _ error) {
	ctx = httpapi.Begin(ctx, h.metrics, req)
	defer func() { httpapi.Finish(ctx, resp) }()
	start := time.Now()
	// Detached writes (lambdactx.Detach) end before the invocation does, not
	// with the budget.
	ctx, cancel := context.WithTimeout(lambdactx.Mark(ctx), h.budget)
	defer cancel()
	// A re-authorisation it offers redirects to this API's own /callback unless REDIRECT_URI is set.
	ctx = authflow.WithAPIDomain(ctx, req.RequestContext.DomainName)
	r := &call{req: req, interactionID: h.newID()}
	resp = h.serve(ctx, r)
	if resp.Headers == nil {
		resp.Headers = map[string]string{}
	}
	resp.Headers[bankapi.HeaderInteractionID] = r.interactionID
	h.logger.InfoContext(ctx, "proxy request", "route", req.RouteKey, "consentId", r.consentID,
		"status", resp.StatusCode, "interactionId", r.interactionID, "bankCalls", r.bankCalls,
		"action", r.action, "durationMs", time.Since(start).Milliseconds())
	return resp, nil
}

func (h *Handler) serve(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
	fn, ok := h.table[r.req.RouteKey]
	if !ok {
		return httpapi.ProblemResponse(httpapi.NotFound("No such route."))
	}
	sub, ok := httpapi.Caller(r.req)
	if !ok {
		return httpapi.ProblemResponse(httpapi.Unauthorized())
	}
	r.owner = sub
	id := r.req.PathParameters["id"]
	if !authurl.ValidConsentID(id) {
		return httpapi.ProblemResponse(httpapi.InvalidRequest("The consent id must be a 36-character UUID.",
			httpapi.FieldError{Field: "id", Message: "must be a 36-character UUID"}))
	}
	r.consentID = id
	return fn(ctx, r)
}
