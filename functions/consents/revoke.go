package main

import (
	"context"
	"errors"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/obconsent"
)

// revoke is DELETE /consents/{id}: DELETE at the bank, then the local status
// Revoked, then the tokens wiped. Repeating it answers 204 without calling
// the bank again. Payment consents have no revocation in OB v3.1: 409.
func (h *Handler) revoke(ctx context.Context, c *consent.Consent, _ events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse {
	if !obconsent.Revocable(c.Type) {
		return httpapi.ProblemResponse(conflict("Payment consents cannot be revoked: Open Banking has no revocation for them. An unauthorised one lapses; an authorised one is used by its payment."))
	}
	if c.Status != consent.StatusRevoked {
		if resp, failed := h.deleteAtBank(ctx, c.ID, c.Type); failed {
			return resp
		}
		if err := h.markRevoked(ctx, c); err != nil {
			return httpapi.Internal(ctx, h.logger, err)
		}
		h.logger.InfoContext(ctx, "consent revoked", "consentId", c.ID, "type", c.Type)
	}
	// After the status: tokens a late callback or exchange retry could still
	// store are refused by shared/exchange (it checks the status before the
	// token request and on every re-read) and by the store itself
	// (AuthoriseWithTokens only writes a consent whose stored status is
	// authorisable), so nothing re-creates them once the status is Revoked.
	if err := h.store.DeleteTokens(ctx, c.ID); err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	// The shared accounts go with the access (docs/reconfirmation.md, retention).
	if err := h.store.DeleteAccounts(ctx, c.ID); err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	return events.APIGatewayV2HTTPResponse{StatusCode: http.StatusNoContent, Headers: map[string]string{"Cache-Control": "no-store"}}
}

// deleteAtBank revokes the consent at the bank (obconsent.Revoke); one already gone there
// is done.
func (h *Handler) deleteAtBank(ctx context.Context, id, typ string) (events.APIGatewayV2HTTPResponse, bool) {
	gone, err := obconsent.Revoke(ctx, h.bank.Do, h.tokens, id, typ, h.newUUID())
	if gone != nil {
		h.logger.InfoContext(ctx, "consent already gone at the bank", "consentId", id, "interactionId", gone.InteractionID)
	}
	if err != nil {
		return h.bankProblem(ctx, "revoke consent", err), true
	}
	return events.APIGatewayV2HTTPResponse{}, false
}

// markRevoked sets the status, re-reading on a version conflict (a refresh
// or callback may have written the consent meanwhile).
func (h *Handler) markRevoked(ctx context.Context, c *consent.Consent) error {
	for attempt := 0; ; attempt++ {
		if _, err := consent.Apply(c, consent.Revoked, h.now(), ""); err != nil {
			return err
		}
		err := h.store.UpdateConsent(ctx, c)
		if !errors.Is(err, consent.ErrConflict) || attempt == 2 {
			return err
		}
		fresh, gerr := h.store.GetConsent(ctx, c.ID)
		if gerr != nil {
			return gerr
		}
		*c = *fresh
	}
}
