package main

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// authorizeResponse is the 200 body of POST /consents/{id}/authorize.
type authorizeResponse struct {
	AuthorizationURL     string    `json:"authorizationUrl"`     // the connector's journey link
	BankAuthorizationURL string    `json:"bankAuthorizationUrl"` // the bank's URL (not bound)
	ExpiresAt            time.Time `json:"expiresAt"`
}

// authorize is POST /consents/{id}/authorize {stepUp?}: a new authorization
// URL for the same consent (a fresh journey, re-authentication or step-up).
func (h *Handler) authorize(ctx context.Context, c *consent.Consent, req events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse {
	var r authorizeRequest
	if strings.TrimSpace(req.Body) != "" {
		if p := httpapi.DecodeJSON(req, &r, maxBody); p != nil {
			return httpapi.ProblemResponse(*p)
		}
	}
	stepUp := r.StepUp != nil && *r.StepUp
	if stepUp && c.Type != authflow.TypeAccounts {
		return httpapi.ProblemResponse(httpapi.InvalidRequest("Step-up is only for accounts consents.",
			httpapi.FieldError{Field: "stepUp", Message: "only for type accounts"}))
	}
	j, err := h.auth.Begin(ctx, c, stepUp)
	switch {
	case errors.Is(err, authflow.ErrStepUpNotAllowed):
		return httpapi.ProblemResponse(conflict("Step-up needs an Authorised accounts consent; this one is " + c.Status + "."))
	case errors.Is(err, authflow.ErrNotAuthorisable):
		return httpapi.ProblemResponse(conflict(notAuthorisableDetail(c)))
	case errors.As(err, new(*authurl.RuleError)) && h.authValues == authurl.ValuesLiteral && literalBlocked(c):
		// Created before AUTH_URL_VALUES became literal, with a payee that cannot travel so.
		return httpapi.ProblemResponse(conflict("The consent's payee name holds & or =, which the authorization URL " +
			"cannot carry while values are sent literally (AUTH_URL_VALUES=literal); create a new consent with another payee name."))
	case err != nil:
		return httpapi.Internal(ctx, h.logger, err)
	}
	h.logger.InfoContext(ctx, "authorization started", "consentId", c.ID, "stepUp", stepUp, "status", c.Status)
	return httpapi.JSON(http.StatusOK, authorizeResponse{AuthorizationURL: j.URL, BankAuthorizationURL: j.BankURL, ExpiresAt: j.ExpiresAt})
}

// literalBlocked: a value of c's authorization URL cannot travel literally.
func literalBlocked(c *consent.Consent) bool {
	return authurl.ValuesLiteral.LiteralRule(c.BenName) != ""
}

func notAuthorisableDetail(c *consent.Consent) string {
	if c.Type == authflow.TypePayments && (c.Status == consent.StatusAuthorised || c.Status == consent.StatusConsumed) {
		return "A payment consent is authorised once; create a new consent for another payment."
	}
	return "The consent is " + c.Status + " (or past its expiry) and cannot be authorised again; create a new consent."
}
