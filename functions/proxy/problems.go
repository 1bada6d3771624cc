package main

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/bankoutcome"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/lambdactx"
)

// failure says how a failed step maps to a problem.
type failure struct {
	stepUpRoute bool // a 403 Reauthenticate means step-up (transactions, direct debits, standing orders, scheduled payments)
}

// fail turns an error of a token or bank step into the problem the app gets
// (shared/bankoutcome says what it means) and records the outcome's happening
// on the consent.
func (h *Handler) fail(ctx context.Context, r *call, c *consent.Consent, err error, f failure) events.APIGatewayV2HTTPResponse {
	return h.answer(ctx, r, c, bankoutcome.Judge(err, bankoutcome.Call{StepUpRoute: f.stepUpRoute,
		Payment: c.Type == typePayments, ExpiresAt: c.ExpiresAt, Now: h.now()}))
}

// answer carries out o for call r on consent c (nil when o records nothing
// and offers no journey): it logs o's line, makes the authorization URL the
// problem offers (before the record: the journey depends on the status it
// finds), records o's happening and renders the problem. A happening whose
// status change is refused because the consent was authorised again while
// the call ran (record) answers replaced instead.
func (h *Handler) answer(ctx context.Context, r *call, c *consent.Consent, o bankoutcome.Outcome) events.APIGatewayV2HTTPResponse {
	if o.Internal != nil {
		return httpapi.Internal(ctx, h.logger, o.Internal)
	}
	if o.Log.Msg != "" {
		h.logger.Log(ctx, o.Log.Level, o.Log.Msg, append([]any{"consentId", r.consentID}, o.Log.Attrs...)...)
	}
	if o.Journey != bankoutcome.NoJourney {
		j := h.startJourney(ctx, r, c, o.Journey == bankoutcome.StepUp)
		o.Problem.AuthorizationURL, o.Problem.BankAuthorizationURL = j.URL, j.BankURL
	}
	if o.Happening != "" && !h.record(ctx, r, c, o.Happening, o.Why) {
		return h.replaced(ctx, r)
	}
	if o.Problem.Type == httpapi.TypeRetryLater {
		return h.retryProblem(r, o.Problem.Status, o.RetryAfter, o.Problem.InteractionID, o.Problem.Detail)
	}
	resp := h.problem(r, o.Problem)
	if o.RetryAfter > 0 {
		resp.Headers["Retry-After"] = strconv.Itoa(bankoutcome.RetryAfterSeconds(o.RetryAfter))
	}
	return resp
}

func (h *Handler) problem(r *call, p httpapi.Problem) events.APIGatewayV2HTTPResponse {
	r.action = p.Action
	if p.InteractionID == "" && r.bankCalls > 0 {
		p.InteractionID = r.interactionID
	}
	return httpapi.ProblemResponse(p)
}

func (h *Handler) bankFailure(ctx context.Context, r *call, status int, detail, iid string, errs []httpapi.FieldError) events.APIGatewayV2HTTPResponse {
	return h.answer(ctx, r, nil, bankoutcome.BankError(status, detail, iid, errs))
}

func (h *Handler) stepUp(ctx context.Context, r *call, c *consent.Consent, why, iid string) events.APIGatewayV2HTTPResponse {
	return h.answer(ctx, r, c, bankoutcome.StepUpRequired(why, iid))
}

// retryProblem is a retryLater problem with detail and a Retry-After of
// after, in whole seconds (at least 1).
func (h *Handler) retryProblem(r *call, status int, after time.Duration, iid, detail string) events.APIGatewayV2HTTPResponse {
	resp := h.problem(r, httpapi.Problem{Type: httpapi.TypeRetryLater, Title: "Try again later", Status: status,
		Action: httpapi.ActionRetryLater, InteractionID: iid, Detail: detail})
	resp.Headers["Retry-After"] = strconv.Itoa(bankoutcome.RetryAfterSeconds(after))
	return resp
}

// replaced: the bank refused tokens the consent no longer holds (it was
// authorised again while the call ran). Nothing is recorded; the call, made
// again, uses the new tokens.
func (h *Handler) replaced(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
	h.logger.InfoContext(ctx, "bank refused replaced tokens; consent left as is", "consentId", r.consentID)
	return h.retryProblem(r, http.StatusServiceUnavailable, time.Second, "",
		"The consent was authorised again while this call ran: retry the call.")
}

// startJourney starts a fresh journey for c, or none (logged) when it cannot.
func (h *Handler) startJourney(ctx context.Context, r *call, c *consent.Consent, stepUp bool) authflow.Journey {
	dctx, cancel := detached(ctx)
	defer cancel()
	j, err := h.auth.Begin(dctx, c, stepUp)
	if err != nil {
		h.logger.ErrorContext(ctx, "authorization url", "consentId", r.consentID, "stepUp", stepUp, "err", err)
		return authflow.Journey{}
	}
	return j
}

// detachedWrites bounds the store writes that follow a bank call.
const detachedWrites = 3 * time.Second

// detached is ctx without its cancellation and with a short deadline that
// ends before the Lambda invocation's (lambdactx): state changes after a
// long retry must still be written, but not past the function's timeout.
func detached(ctx context.Context) (context.Context, context.CancelFunc) {
	return lambdactx.Detach(ctx, detachedWrites)
}
