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

// record writes what happened on the consent (consent.Apply): LastAction,
// LastError (why) and, where the transitions table says so (an Authorised
// consent, moved to consent.Target(what)), the local status. The write is
// version-checked; on a conflict the consent is read again and the change
// applied once more, then given up (logged): the action still reaches the app.
//
// A status change follows the bank's answer to tokens r.used. If the stored
// tokens are no longer those (the consent was authorised again while the
// call ran: AuthoriseWithTokens stores new tokens with a new version), the
// answer concerned tokens that no longer matter: nothing is written and
// record reports false. The check is repeated after every version conflict
// of the consent, and a re-authorisation always changes the consent's
// version, so a re-authorisation is never undone by a stale failure.
//
// A consent that leaves Authorised (ReauthRequired, Rejected, Expired) also
// leaves the refresh index: the scheduled refresher stops keeping its tokens
// warm (functions/tokens relies on this instead of reading the consent). A
// re-authorisation schedules the new tokens again; unschedule never takes
// them out.
func (h *Handler) record(ctx context.Context, r *call, c *consent.Consent, what consent.Happening, why string) bool {
	r.action = consent.ActionOf(what)
	status := consent.Target(what)
	current := true
	h.update(ctx, c, func(ctx context.Context, n *consent.Consent) bool {
		if next, _ := consent.Next(n.Status, what); next != n.Status && r.used != nil {
			if current = h.stillUsed(ctx, r); !current {
				return false
			}
		}
		_, err := consent.Apply(n, what, h.now(), truncate(why, 200))
		return err == nil
	})
	if current && status != "" && c.Status == status {
		h.unschedule(ctx, r, c.ID)
	}
	return current
}

// stillUsed reports whether the stored tokens are still r.used (a store
// error counts as yes: the bank's answer is then recorded as before).
func (h *Handler) stillUsed(ctx context.Context, r *call) bool {
	t, err := h.store.GetTokens(ctx, r.consentID)
	switch {
	case errors.Is(err, consent.ErrNotFound):
		return false
	case err != nil:
		h.logger.ErrorContext(ctx, "tokens re-read", "consentId", r.consentID, "err", err)
		return true
	}
	return t.Version == r.used.Version && t.AccessToken == r.used.AccessToken
}

// unschedule takes the consent's tokens out of the refresh index, under the
// refresh lease and only if they are still r.used (or, with no tokens used,
// whatever is stored): a re-authorisation that lands meanwhile replaces the
// tokens and their lease, and its tokens stay scheduled.
func (h *Handler) unschedule(ctx context.Context, r *call, consentID string) {
	dctx, cancel := detached(ctx)
	defer cancel()
	t, err := h.store.AcquireLease(dctx, consentID, h.holder, h.now().Add(detachedWrites))
	switch {
	case errors.Is(err, consent.ErrNotFound):
		return
	case errors.Is(err, consent.ErrLeaseHeld):
		// A refresh is running: it either fails on the dead grant and takes
		// the tokens out itself, or the tokens are alive after all.
		h.logger.WarnContext(ctx, "refresh due not cleared: refresh in progress", "consentId", consentID)
		return
	case err != nil:
		h.logger.ErrorContext(ctx, "refresh due not cleared", "consentId", consentID, "err", err)
		return
	}
	due := time.Time{}
	if r.used != nil && (t.Version != r.used.Version || t.AccessToken != r.used.AccessToken) {
		due = t.RefreshDue // replaced meanwhile: leave them as they are
	}
	err = h.store.ReleaseLease(dctx, consentID, h.holder, t.Failures, t.NextAttemptAt, due)
	if err != nil && !errors.Is(err, consent.ErrLeaseHeld) { // held elsewhere now: the tokens were replaced
		h.logger.ErrorContext(ctx, "refresh due not cleared", "consentId", consentID, "err", err)
	}
}

// touch records a successful use with the tokens tok the call used: their
// UsedAt at most once per touchEvery, decided from tok (no extra read), when
// the refresh policy reads it (touchUses: not under ondemand), and a stale
// LastAction cleared from the consent.
func (h *Handler) touch(ctx context.Context, c *consent.Consent, tok *consent.Tokens) {
	now := h.now()
	if h.touchUses && tok != nil && now.Sub(tok.UsedAt) >= touchEvery {
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
	h.update(ctx, c, func(_ context.Context, n *consent.Consent) bool {
		if n.LastAction == "" {
			return false
		}
		_, err := consent.Apply(n, consent.Used, h.now(), "")
		return err == nil
	})
}

// update applies change to c and writes it, retrying once on a version
// conflict. change gets the (detached) context of the writes.
func (h *Handler) update(ctx context.Context, c *consent.Consent, change func(context.Context, *consent.Consent) bool) {
	ctx, cancel := detached(ctx)
	defer cancel()
	for attempt := 0; attempt < 2; attempt++ {
		n := *c
		if !change(ctx, &n) {
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
