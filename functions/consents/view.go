package main

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// consentView is what the API shows of a consent: status only, never a
// token, verifier or the bank request.
type consentView struct {
	ID          string     `json:"id"`
	Type        string     `json:"type"`
	Brand       string     `json:"brand"`
	Journey     string     `json:"journey,omitempty"`
	Status      string     `json:"status"`
	BankStatus  string     `json:"bankStatus,omitempty"`
	Permissions []string   `json:"permissions,omitempty"`
	ExpiresAt   *time.Time `json:"expiresAt,omitempty"`
	// StepUp: the current tokens come from a step-up authorisation. Only
	// GET /consents/{id} reads the tokens to say so; the list leaves it out.
	StepUp        *bool      `json:"stepUp,omitempty"`
	StepUpAt      *time.Time `json:"stepUpAt,omitempty"` // the last step-up authorisation
	Amount        string     `json:"amount,omitempty"`
	CreditorName  string     `json:"creditorName,omitempty"`
	ExecutionDate string     `json:"executionDateTime,omitempty"`
	LastAction    string     `json:"lastAction,omitempty"`
	LastError     string     `json:"lastError,omitempty"`
	CreatedAt     time.Time  `json:"createdAt"`
	UpdatedAt     time.Time  `json:"updatedAt"`
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// view builds the view of c from the consent item alone (no stepUp).
func view(c *consent.Consent) consentView {
	return consentView{ID: c.ID, Type: c.Type, Brand: c.Brand, Journey: c.Journey, Status: c.Status,
		BankStatus: c.BankStatus, Permissions: c.Permissions, ExpiresAt: optTime(c.ExpiresAt),
		StepUpAt: optTime(c.StepUpAt), Amount: c.Amount, CreditorName: c.BenName, ExecutionDate: c.PaymentDate,
		LastAction: c.LastAction, LastError: publicError(c.LastError), CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

// get is GET /consents/{id}: the view, with stepUp from the stored tokens
// (one strongly consistent read).
func (h *Handler) get(ctx context.Context, c *consent.Consent, _ events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse {
	v := view(c)
	stepUp := false
	if c.Status == consent.StatusAuthorised {
		t, err := h.store.GetTokens(ctx, c.ID)
		switch {
		case errors.Is(err, consent.ErrNotFound):
		case err != nil:
			return httpapi.Internal(ctx, h.logger, err)
		default:
			stepUp = t.StepUp
		}
	}
	v.StepUp = &stepUp
	return httpapi.JSON(http.StatusOK, v)
}

var (
	// outcomeCode is a code the connector writes as LastError: a journey's
	// outcome (functions/callback), exchange_failed, invalid_grant,
	// refresh_token_expired.
	outcomeCode = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)
	// obErrorCode is an OB error code (OBErrorResponseError1Code and the
	// bank's own, e.g. UK.OBIE.Resource.NotFound, UK.COOP.Forbidden).
	obErrorCode = regexp.MustCompile(`\bUK\.[A-Z]{2,10}(\.[A-Za-z]{1,40}){1,3}\b`)
)

// publicError is what the API shows of a stored LastError: an outcome code
// as it is, or else the first OB error code in it (the proxy records the
// bank's error summary, bankapi.Error.Error(), which lists the codes), or
// nothing. Whatever else a writer put there (its own words, the bank's
// top-level Code) stays internal: the field carries codes an app can act
// on, never text from a bank body.
func publicError(s string) string {
	if outcomeCode.MatchString(s) {
		return s
	}
	return obErrorCode.FindString(s)
}
