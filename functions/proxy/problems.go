package main

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/oauth"
	"github.com/coop-ob/connector/shared/refresh"
)

// failure says how a failed step maps to a problem.
type failure struct {
	stepUpRoute bool // a 403 Reauthenticate means step-up (transactions, direct debits, standing orders, scheduled payments)
}

// fail turns an error of a token or bank step into the problem the app gets,
// and records the action on the consent (LastAction/LastError, and the local
// status where the bank's answer changes it) when the app must act on the
// consent: reauthenticate, stepUp, reconsent, accountUnavailable. A transient
// failure (retryLater) or an unknown resource (notFound) says nothing about
// the consent and writes nothing. The bank's error table is in the General
// specifications page, "Error scenarios".
func (h *Handler) fail(ctx context.Context, r *call, c *consent.Consent, err error, f failure) events.APIGatewayV2HTTPResponse {
	var be *bankapi.Error
	var te *bankapi.TransportError
	var ue *bankapi.UnusableError
	var oe *oauth.Error
	var aws *smithy.OperationError
	switch {
	case errors.As(err, &aws):
		// Not the bank: the store or the credentials secret (read for the
		// mTLS handshake or a token request) failed. Internal says whether a
		// retry can cure it (503 retry-later) or not (500).
		return httpapi.Internal(ctx, h.logger, err)
	case errors.Is(err, refresh.ErrReauthRequired):
		// The refresher marked the consent under its lease, if the tokens it
		// refused were still the stored ones: the status is its call.
		return h.reauthenticateAs(ctx, r, c, "refresh: invalid_grant", consent.ReauthReported)
	case errors.Is(err, refresh.ErrNoRefreshToken), errors.Is(err, consent.ErrNotFound):
		return h.reauthenticate(ctx, r, c, "refresh: no tokens")
	case errors.Is(err, refresh.ErrExpired): // marked Expired by the refresher
		return h.reconsent(ctx, r, c, "refresh: refresh token expired", consent.ReconsentRequired, "")
	case errors.Is(err, refresh.ErrBusy), errors.Is(err, refresh.ErrNoTime), oauth.IsTransient(err):
		return h.retryLater(ctx, r, http.StatusServiceUnavailable, time.Second, "token endpoint unavailable: "+err.Error(), "")
	case errors.As(err, &oe):
		return h.tokenFailure(ctx, r, oe)
	case errors.As(err, &ue):
		return h.bankFailure(ctx, r, http.StatusBadGateway, unusableDetail, ue.InteractionID, nil)
	case errors.As(err, &te):
		if te.Transient {
			return h.retryLater(ctx, r, http.StatusBadGateway, 0, "bank transport error", te.InteractionID)
		}
		return h.bankFailure(ctx, r, http.StatusBadGateway, "The bank could not be reached.", te.InteractionID, nil)
	case !errors.As(err, &be):
		return httpapi.Internal(ctx, h.logger, err)
	}
	code := be.Reason() // recorded as lastError and shown to the app: codes only, never free text
	switch bankapi.Classify(be) {
	case bankapi.ActionReauthenticate:
		if f.stepUpRoute {
			return h.stepUp(ctx, r, c, code, be.InteractionID)
		}
		return h.reauthenticate(ctx, r, c, code)
	case bankapi.ActionRefresh: // still 401 after one refresh
		return h.reauthenticate(ctx, r, c, code)
	case bankapi.ActionReconsent:
		what := consent.ReconsentRequired
		if be.HasCode(bankapi.CodeInvalidConsentStatus) {
			what = consent.BankRejected
			if !c.ExpiresAt.IsZero() && !h.now().Before(c.ExpiresAt) {
				what = consent.BankExpired
			}
		}
		return h.reconsent(ctx, r, c, code, what, be.InteractionID)
	case bankapi.ActionAccountUnavailable:
		h.record(ctx, r, c, consent.AccountUnavailable, code)
		return h.problem(r, httpapi.Problem{Type: httpapi.TypeAccountUnavailable, Title: "Account unavailable",
			Status: http.StatusConflict, Action: httpapi.ActionAccountUnavailable, InteractionID: be.InteractionID,
			Detail: "The bank reports the account as temporarily unavailable (for example barred). The customer should check the account with the bank."})
	case bankapi.ActionNotFound:
		return h.problem(r, httpapi.Problem{Type: httpapi.TypeNotFound, Title: "Not found", Status: http.StatusNotFound,
			InteractionID: be.InteractionID, Detail: "The bank has no such resource for this consent (for example an unknown account id)."})
	case bankapi.ActionRetryLater:
		status := http.StatusBadGateway
		if be.Status == http.StatusTooManyRequests || be.Status == http.StatusServiceUnavailable {
			status = http.StatusServiceUnavailable
		}
		return h.retryLater(ctx, r, status, be.RetryAfter, code, be.InteractionID)
	case bankapi.ActionFixRequest:
		var errs []httpapi.FieldError
		for _, d := range be.Errors {
			errs = append(errs, httpapi.FieldError{Field: d.Path, Message: d.ErrorCode})
		}
		return h.bankFailure(ctx, r, http.StatusBadRequest, "The bank refused the request's values.", be.InteractionID, errs)
	}
	if be.Status == http.StatusForbidden {
		return h.bankFailure(ctx, r, http.StatusForbidden, "The bank refused access: the consent may not grant it.", be.InteractionID, codesOf(be))
	}
	return h.bankFailure(ctx, r, http.StatusBadGateway, "The bank answered with an unexpected error.", be.InteractionID, codesOf(be))
}

func codesOf(be *bankapi.Error) []httpapi.FieldError {
	var errs []httpapi.FieldError
	for _, c := range be.ErrorCodes() {
		errs = append(errs, httpapi.FieldError{Field: "bank", Message: c})
	}
	return errs
}

func (h *Handler) problem(r *call, p httpapi.Problem) events.APIGatewayV2HTTPResponse {
	r.action = p.Action
	if p.InteractionID == "" && r.bankCalls > 0 {
		p.InteractionID = r.interactionID
	}
	return httpapi.ProblemResponse(p)
}

func (h *Handler) bankFailure(ctx context.Context, r *call, status int, detail, iid string, errs []httpapi.FieldError) events.APIGatewayV2HTTPResponse {
	h.logger.WarnContext(ctx, "bank refused", "consentId", r.consentID, "status", status, "interactionId", iid)
	return h.problem(r, httpapi.Problem{Type: httpapi.TypeBankError, Title: "Bank error", Status: status,
		Detail: detail, InteractionID: iid, Errors: errs})
}

// reauthenticate: the PSU must authorise the same consent again (403
// UK.OBIE.Reauthenticate, a 401 that a refresh did not cure, a dead refresh
// token). Payment consents cannot be re-authorised (OB PIS profile): reconsent.
func (h *Handler) reauthenticate(ctx context.Context, r *call, c *consent.Consent, why string) events.APIGatewayV2HTTPResponse {
	return h.reauthenticateAs(ctx, r, c, why, consent.ReauthRequired)
}

// reauthenticateAs is reauthenticate recording what (consent.ReauthReported
// leaves the status to whoever already set it).
func (h *Handler) reauthenticateAs(ctx context.Context, r *call, c *consent.Consent, why string, what consent.Happening) events.APIGatewayV2HTTPResponse {
	if c.Type == typePayments {
		return h.reconsent(ctx, r, c, why, consent.ReconsentRequired, "")
	}
	u := h.startURL(ctx, r, c, false) // before record: the journey depends on the status it finds
	if !h.record(ctx, r, c, what, why) {
		return h.replaced(ctx, r)
	}
	return h.problem(r, httpapi.Problem{Type: httpapi.TypeReauthenticationRequired, Title: "Re-authentication required",
		Status: http.StatusForbidden, Action: httpapi.ActionReauthenticate, AuthorizationURL: u,
		Detail: "The bank needs the customer to authorise this consent again: send them to authorizationUrl."})
}

// stepUp: the call needs a step-up (2FA) authorisation the consent does not
// hold (bank page, "Two-factor authentication"). On these routes a bank 403
// Reauthenticate is read as step-up even when the tokens carried one (the
// bank may have let it lapse, or revoked the tokens): a step-up journey cures
// both, and the local status is left alone so that the consent's other
// routes keep working until the bank says otherwise.
func (h *Handler) stepUp(ctx context.Context, r *call, c *consent.Consent, why, iid string) events.APIGatewayV2HTTPResponse {
	u := h.startURL(ctx, r, c, true)
	h.record(ctx, r, c, consent.StepUpRequired, why)
	return h.problem(r, httpapi.Problem{Type: httpapi.TypeStepUpRequired, Title: "Step-up authentication required",
		Status: http.StatusForbidden, Action: httpapi.ActionStepUp, AuthorizationURL: u, InteractionID: iid,
		Detail: "This data needs a step-up (two-factor) authorisation: send the customer to authorizationUrl, then call again."})
}

// reconsent: the consent can no longer be used; the app creates a new one.
func (h *Handler) reconsent(ctx context.Context, r *call, c *consent.Consent, why string, what consent.Happening, iid string) events.APIGatewayV2HTTPResponse {
	if !h.record(ctx, r, c, what, why) {
		return h.replaced(ctx, r)
	}
	return h.problem(r, httpapi.Problem{Type: httpapi.TypeReconsentRequired, Title: "New consent required",
		Status: http.StatusConflict, Action: httpapi.ActionReconsent, InteractionID: iid,
		Detail: "The bank no longer accepts this consent for this call: create a new consent (POST /consents)."})
}

// retryLater: the bank is busy, failing or unreachable; nothing changed. It
// is not recorded on the consent: a transient failure says nothing about the
// consent, and a write per failed call would cost a DynamoDB write (and
// version conflicts between concurrent calls) exactly when the bank is
// struggling. The log line keeps the cause.
func (h *Handler) retryLater(ctx context.Context, r *call, status int, after time.Duration, why, iid string) events.APIGatewayV2HTTPResponse {
	h.logger.WarnContext(ctx, "bank unavailable", "consentId", r.consentID, "status", status, "err", why, "interactionId", iid)
	return h.retryProblem(r, status, after, iid, "The bank is unavailable or throttling: retry after the Retry-After delay.")
}

// retryProblem is a retryLater problem with detail and a Retry-After of
// after, in whole seconds (at least 1).
func (h *Handler) retryProblem(r *call, status int, after time.Duration, iid, detail string) events.APIGatewayV2HTTPResponse {
	secs := max(1, int((after+time.Second-1)/time.Second))
	resp := h.problem(r, httpapi.Problem{Type: httpapi.TypeRetryLater, Title: "Try again later", Status: status,
		Action: httpapi.ActionRetryLater, InteractionID: iid, Detail: detail})
	resp.Headers["Retry-After"] = strconv.Itoa(secs)
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

// startURL makes a fresh authorization URL for c, or "" (logged) when it cannot.
func (h *Handler) startURL(ctx context.Context, r *call, c *consent.Consent, stepUp bool) string {
	dctx, cancel := detached(ctx)
	defer cancel()
	u, _, err := h.auth.Start(dctx, c, stepUp)
	if err != nil {
		h.logger.ErrorContext(ctx, "authorization url", "consentId", r.consentID, "stepUp", stepUp, "err", err)
		return ""
	}
	return u
}

// detachedWrites bounds the store writes that follow a bank call.
const detachedWrites = 3 * time.Second

// detached is ctx without its cancellation and with a short deadline that
// ends before the Lambda invocation's (lambdactx): state changes after a
// long retry must still be written, but not past the function's timeout.
func detached(ctx context.Context) (context.Context, context.CancelFunc) {
	return lambdactx.Detach(ctx, detachedWrites)
}
