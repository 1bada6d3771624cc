package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/uuid"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/createonce"
	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/reconfirm"
	"github.com/coop-ob/connector/shared/setup"
)

// bankDoer is the part of *bankapi.Client the handler uses.
type bankDoer interface {
	Do(ctx context.Context, r bankapi.Request) (*bankapi.Response, error)
}

// starter starts an authorization journey (*authflow.Starter).
type starter interface {
	Begin(ctx context.Context, c *consent.Consent, stepUp bool) (authflow.Journey, error)
}

// Handler serves the consents routes of the HTTP API.
type Handler struct {
	store   *consent.Store
	tokens  bankapi.ClientCredentials
	bank    bankDoer
	creds   credentials.Provider
	auth    starter
	keys    *createonce.Keys     // the Idempotency-Keys of POST /consents
	days    *banklimits.Calendar // England and Wales bank holidays and EXTRA_NON_WORKING_DAYS
	logger  *slog.Logger
	now     func() time.Time
	newUUID func() string // interaction ids and idempotency keys
	// reconfirm is the reconfirmation clock (RECONFIRM_*; deadlines.go, reconfirm.go).
	reconfirm reconfirm.Policy
	// authValues is how the authorization URL writes values (AUTH_URL_VALUES): a
	// request whose values cannot travel so is refused before the bank is called.
	authValues authurl.Values
	metrics    *metrics.Recorder
}

// New builds the handler from the function's long-lived clients.
func New(d *setup.Deps) *Handler {
	return &Handler{
		store: d.Store, tokens: d.OAuth, bank: d.Bank, creds: d.Credentials, logger: d.Logger,
		auth:       &authflow.Starter{Store: d.Store, Credentials: d.Credentials, Config: d.Config, Now: d.Now},
		days:       banklimits.NewCalendar(d.Config.ExtraNonWorkingDays...),
		now:        func() time.Time { return d.Now() },
		newUUID:    uuid.NewString,
		reconfirm:  reconfirm.FromConfig(d.Config),
		authValues: authurl.Values(d.Config.AuthURLValues),
		metrics:    d.Metrics,
		keys: &createonce.Keys{Store: d.Store, Logger: d.Logger, Now: func() time.Time { return d.Now() },
			NewClaim: uuid.NewString, ReleaseTimeout: releaseTimeout},
	}
}

// The function's timeout is 15 s (template.yaml) and one bank call may take
// BANK_HTTP_TIMEOUT (8 s): a consent POST with a token call, a 401 and a
// second token call and POST could outlast it, and a killed invocation
// gives the app a bare 5xx. Each request gets a budget instead, like the
// proxy's, ending a safety margin before the invocation's deadline.
const (
	budget         = 12 * time.Second // a request's whole time for bank calls and store writes
	deadlineMargin = time.Second      // kept free before the Lambda deadline to answer
	// releaseTimeout bounds the release of an Idempotency-Key after a failure,
	// which runs even when the request's budget is spent (within deadlineMargin).
	releaseTimeout = deadlineMargin / 2
)

// Route keys, exactly as template.yaml declares them.
const (
	routeCreate    = "POST /consents"
	routeList      = "GET /consents"
	routeGet       = "GET /consents/{id}"
	routeDelete    = "DELETE /consents/{id}"
	routeAuthorize = "POST /consents/{id}/authorize"
	routeReconfirm = "POST /consents/{id}/reconfirm"
)

// Handle dispatches on the route key, within the request's budget. Every
// expected failure is a problem response with a nil error.
func (h *Handler) Handle(ctx context.Context, req events.APIGatewayV2HTTPRequest) (resp events.APIGatewayV2HTTPResponse, _ error) {
	ctx = httpapi.Begin(ctx, h.metrics, req)
	defer func() { httpapi.Finish(ctx, resp) }()
	ctx, cancel := lambdactx.WithBudget(ctx, budget, deadlineMargin)
	defer cancel()
	// Journeys started here redirect to this API's own /callback unless REDIRECT_URI is set.
	ctx = authflow.WithAPIDomain(ctx, req.RequestContext.DomainName)
	owner, ok := httpapi.Caller(req)
	if !ok {
		return httpapi.ProblemResponse(httpapi.Unauthorized()), nil
	}
	switch req.RouteKey {
	case routeCreate:
		return h.create(ctx, owner, req), nil
	case routeList:
		return h.list(ctx, owner, req), nil
	}
	id := req.PathParameters["id"]
	var handle func(context.Context, *consent.Consent, events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse
	switch req.RouteKey {
	case routeGet:
		handle = h.get
	case routeDelete:
		handle = h.revoke
	case routeAuthorize:
		handle = h.authorize
	case routeReconfirm:
		handle = h.reconfirmConsent
	default:
		return httpapi.ProblemResponse(httpapi.NotFound("No such route.")), nil
	}
	c, resp := h.owned(ctx, id, owner)
	if c == nil {
		return resp, nil
	}
	return handle(ctx, c, req), nil
}

// owned reads the caller's consent id. A malformed id is a 400, as on the proxy's routes; an
// unknown id and another caller's answer the same 404 (ids cannot be probed).
func (h *Handler) owned(ctx context.Context, id, owner string) (*consent.Consent, events.APIGatewayV2HTTPResponse) {
	notFound := httpapi.ProblemResponse(httpapi.NotFound("No consent with this id."))
	if !authurl.ValidConsentID(id) {
		return nil, httpapi.ProblemResponse(httpapi.InvalidRequest("The consent id is malformed.",
			httpapi.FieldError{Field: "id", Message: "must be the bank's consent id: a UUID of 36 characters"}))
	}
	c, err := h.store.GetConsentForOwner(ctx, id, owner)
	switch {
	case errors.Is(err, consent.ErrNotFound):
		return nil, notFound
	case err != nil:
		return nil, httpapi.Internal(ctx, h.logger, err)
	}
	return c, events.APIGatewayV2HTTPResponse{}
}

func conflict(detail string) httpapi.Problem {
	return httpapi.Problem{Type: httpapi.TypeConflict, Title: "Conflict", Status: http.StatusConflict, Detail: detail}
}
