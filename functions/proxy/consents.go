package main

import (
	"context"
	"errors"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// Consent types (Consent.Type).
const (
	typeAccounts = "accounts"
	typePayments = "payments"
	typeFunds    = "fundsconfirmations"
)

// load reads the caller's consent of type typ and checks that it can be used
// now, without calling the bank: another caller's consent is 404, exactly like
// a missing one; a consent the app must act on first answers that action.
func (h *Handler) load(ctx context.Context, r *call, typ string) (*consent.Consent, *events.APIGatewayV2HTTPResponse) {
	c, err := h.store.GetConsentForOwner(ctx, r.consentID, r.owner)
	if errors.Is(err, consent.ErrNotFound) {
		resp := h.problem(r, httpapi.NotFound("No such consent."))
		return nil, &resp
	}
	if err != nil {
		resp := httpapi.Internal(ctx, h.logger, err)
		return nil, &resp
	}
	if c.Type != typ {
		resp := h.problem(r, httpapi.Problem{Type: httpapi.TypeInvalidRequest, Title: "Wrong consent type",
			Status: http.StatusBadRequest, Detail: "This route needs a consent of type " + typ + "; this one is " + c.Type + "."})
		return nil, &resp
	}
	var resp events.APIGatewayV2HTTPResponse
	switch c.Status {
	case consent.StatusAuthorised:
		return c, nil
	case consent.StatusReauthRequired:
		resp = h.reauthenticate(ctx, r, c, "consent needs re-authentication")
	case consent.StatusAwaitingAuthorisation:
		resp = h.problem(r, httpapi.Problem{Type: httpapi.TypeConflict, Title: "Consent not authorised", Status: http.StatusConflict,
			Detail: "The customer has not authorised this consent yet: send them to the authorization URL first."})
	case consent.StatusConsumed:
		resp = h.problem(r, httpapi.Problem{Type: httpapi.TypePaymentNotAllowed, Title: "Consent already used", Status: http.StatusConflict,
			Detail: "This payment consent has already been used for a payment: create a new consent."})
	default: // Rejected, Revoked, Expired, Failed
		resp = h.problem(r, httpapi.Problem{Type: httpapi.TypeReconsentRequired, Title: "New consent required",
			Status: http.StatusConflict, Action: httpapi.ActionReconsent,
			Detail: "This consent is " + c.Status + ": create a new consent (POST /consents)."})
	}
	return nil, &resp
}

// record writes an action on the consent: LastAction, LastError and, when
// status is set, the local status. The write is version-checked; on a
// conflict the consent is read again and the change applied once more, then
// given up (logged): the action still reaches the app.
//
// A consent that leaves Authorised (ReauthRequired, Rejected, Expired) also
// leaves the refresh index: the scheduled refresher stops keeping its tokens
// warm (functions/tokens relies on this instead of reading the consent). A
// re-authorisation schedules the new tokens again.
func (h *Handler) record(ctx context.Context, r *call, c *consent.Consent, action, why, status string) {
	h.update(ctx, c, func(n *consent.Consent) bool {
		n.LastAction, n.LastError = action, truncate(why, 200)
		if status != "" && n.Status == consent.StatusAuthorised {
			n.Status = status
		}
		return true
	})
	r.action = action
	if status != "" && c.Status == status {
		dctx, cancel := detached(ctx)
		defer cancel()
		if err := h.store.ClearRefreshDue(dctx, c.ID); err != nil && !errors.Is(err, consent.ErrNotFound) {
			h.logger.ErrorContext(ctx, "refresh due not cleared", "consentId", c.ID, "err", err)
		}
	}
}

// touch records a successful use with the tokens tok the call used: their
// UsedAt at most once per touchEvery, decided from tok (no extra read; the
// "recent" refresh policy reads it from the refresh index), and a stale
// LastAction cleared from the consent.
func (h *Handler) touch(ctx context.Context, c *consent.Consent, tok *consent.Tokens) {
	now := h.now()
	if tok != nil && now.Sub(tok.UsedAt) >= touchEvery {
		dctx, cancel := detached(ctx)
		err := h.store.TouchTokens(dctx, c.ID, now)
		cancel()
		if err != nil && !errors.Is(err, consent.ErrNotFound) {
			h.logger.ErrorContext(ctx, "tokens use not recorded", "consentId", c.ID, "err", err)
		}
	}
	if c.LastAction == "" {
		return
	}
	h.update(ctx, c, func(n *consent.Consent) bool {
		if n.LastAction == "" {
			return false
		}
		n.LastAction, n.LastError = "", ""
		return true
	})
}

// update applies change to c and writes it, retrying once on a version conflict.
func (h *Handler) update(ctx context.Context, c *consent.Consent, change func(*consent.Consent) bool) {
	ctx, cancel := detached(ctx)
	defer cancel()
	for attempt := 0; attempt < 2; attempt++ {
		n := *c
		if !change(&n) {
			return
		}
		err := h.store.UpdateConsent(ctx, &n)
		if err == nil {
			*c = n
			return
		}
		if !errors.Is(err, consent.ErrConflict) {
			h.logger.ErrorContext(ctx, "consent update", "consentId", c.ID, "err", err)
			return
		}
		fresh, err := h.store.GetConsent(ctx, c.ID)
		if err != nil {
			h.logger.ErrorContext(ctx, "consent re-read", "consentId", c.ID, "err", err)
			return
		}
		*c = *fresh
	}
	h.logger.WarnContext(ctx, "consent update conflict: given up", "consentId", c.ID)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
