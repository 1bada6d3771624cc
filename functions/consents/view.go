package main

import (
	"context"
	"errors"
	"net/http"
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
	// BindBrowser: the consent's journeys complete only in the browser that opened their link
	// (false when created with bindBrowser false).
	BindBrowser bool `json:"bindBrowser"`
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
	// The dashboard fields (deadlines.go, docs/reconfirmation.md).
	AuthorisedAt     *time.Time `json:"authorisedAt,omitempty"`
	LastConfirmedAt  *time.Time `json:"lastConfirmedAt,omitempty"` // AIS only
	ReconfirmBy      *time.Time `json:"reconfirmBy,omitempty"`     // AIS only, when the clock is on
	RefreshExpiresAt *time.Time `json:"refreshExpiresAt,omitempty"`
	AccessEndsAt     *time.Time `json:"accessEndsAt,omitempty"`
	ActionBy         *time.Time `json:"actionBy,omitempty"`
	NextAction       string     `json:"nextAction,omitempty"`
	// Accounts: GET /consents/{id} of an AIS consent only, once read from the bank.
	Accounts []accountView `json:"accounts,omitempty"`
}

// accountView is one account the customer shared (consent.SharedAccount).
type accountView struct {
	AccountID      string `json:"accountId"`
	Identification string `json:"identification,omitempty"` // masked: the last four characters
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
		BankStatus: c.BankStatus, Permissions: c.Permissions, ExpiresAt: optTime(c.ExpiresAt), BindBrowser: !c.Unbound,
		StepUpAt: optTime(c.StepUpAt), Amount: c.Amount, CreditorName: c.BenName, ExecutionDate: c.PaymentDate,
		LastAction: c.LastAction, LastError: consent.PublicError(c.LastError), CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

// get is GET /consents/{id}: the view, with stepUp from the stored tokens
// (one strongly consistent read).
func (h *Handler) get(ctx context.Context, c *consent.Consent, _ events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse {
	v := view(c)
	stepUp := false
	var tok *consent.Tokens
	if c.Status == consent.StatusAuthorised {
		t, err := h.store.GetTokens(ctx, c.ID)
		switch {
		case errors.Is(err, consent.ErrNotFound):
		case err != nil:
			return httpapi.Internal(ctx, h.logger, err)
		default:
			stepUp, tok = t.StepUp, t
		}
	}
	v.StepUp = &stepUp
	h.withDeadlines(&v, c, tok)
	if c.Status == consent.StatusAuthorised || c.Status == consent.StatusReauthRequired {
		a, err := h.store.GetAccounts(ctx, c.ID)
		switch {
		case errors.Is(err, consent.ErrNotFound):
		case err != nil:
			return httpapi.Internal(ctx, h.logger, err)
		default:
			v.Accounts = make([]accountView, 0, len(a.Accounts))
			for _, s := range a.Accounts {
				v.Accounts = append(v.Accounts, accountView{AccountID: s.ID, Identification: s.Masked})
			}
		}
	}
	return httpapi.JSON(http.StatusOK, v)
}
