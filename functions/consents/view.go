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
	ID            string     `json:"id"`
	Type          string     `json:"type"`
	Brand         string     `json:"brand"`
	Journey       string     `json:"journey,omitempty"`
	Status        string     `json:"status"`
	BankStatus    string     `json:"bankStatus,omitempty"`
	Permissions   []string   `json:"permissions,omitempty"`
	ExpiresAt     *time.Time `json:"expiresAt,omitempty"`
	StepUp        bool       `json:"stepUp"` // the current tokens come from a step-up authorisation
	StepUpAt      *time.Time `json:"stepUpAt,omitempty"`
	Amount        string     `json:"amount,omitempty"`
	CreditorName  string     `json:"creditorName,omitempty"`
	ExecutionDate string     `json:"executionDateTime,omitempty"`
	LastAction    string     `json:"lastAction,omitempty"`
	CreatedAt     time.Time  `json:"createdAt"`
	UpdatedAt     time.Time  `json:"updatedAt"`
}

// listResponse is the body of GET /consents.
type listResponse struct {
	Consents []consentView `json:"consents"`
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// view builds the view of c; stepUp comes from the stored tokens.
func (h *Handler) view(ctx context.Context, c *consent.Consent) (consentView, error) {
	v := consentView{ID: c.ID, Type: c.Type, Brand: c.Brand, Journey: c.Journey, Status: c.Status,
		BankStatus: c.BankStatus, Permissions: c.Permissions, ExpiresAt: optTime(c.ExpiresAt),
		StepUpAt: optTime(c.StepUpAt), Amount: c.Amount, CreditorName: c.BenName, ExecutionDate: c.PaymentDate,
		LastAction: c.LastAction, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
	if c.Status != consent.StatusAuthorised {
		return v, nil
	}
	t, err := h.store.GetTokens(ctx, c.ID)
	switch {
	case errors.Is(err, consent.ErrNotFound):
	case err != nil:
		return v, err
	default:
		v.StepUp = t.StepUp
	}
	return v, nil
}

// get is GET /consents/{id}.
func (h *Handler) get(ctx context.Context, c *consent.Consent, _ events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse {
	v, err := h.view(ctx, c)
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	return httpapi.JSON(http.StatusOK, v)
}

// list is GET /consents: the caller's consents, oldest first.
func (h *Handler) list(ctx context.Context, owner string) events.APIGatewayV2HTTPResponse {
	cs, err := h.store.ListConsents(ctx, owner)
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	out := listResponse{Consents: []consentView{}}
	for i := range cs {
		v, err := h.view(ctx, &cs[i])
		if err != nil {
			return httpapi.Internal(ctx, h.logger, err)
		}
		out.Consents = append(out.Consents, v)
	}
	return httpapi.JSON(http.StatusOK, out)
}
