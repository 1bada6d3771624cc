package main

import (
	"time"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/consent"
)

// withDeadlines adds the dashboard fields of c to v (shared/reconfirm,
// docs/reconfirmation.md). tok is the consent's tokens when the caller read
// them (GET /consents/{id}): only then are refreshExpiresAt and a refresh
// lapse no scheduled refresh extends known; the list reads no tokens, so a
// refresh never rewrites what the list shows.
func (h *Handler) withDeadlines(v *consentView, c *consent.Consent, tok *consent.Tokens) {
	v.AuthorisedAt = optTime(c.AuthorisedAt)
	var refreshExpiresAt time.Time
	scheduled := false
	if tok != nil {
		refreshExpiresAt, scheduled = tok.RefreshExpiresAt, !tok.RefreshDue.IsZero()
		v.RefreshExpiresAt = optTime(tok.RefreshExpiresAt)
	}
	d := h.reconfirm.Next(c, refreshExpiresAt, scheduled, h.now())
	if c.Type == authflow.TypeAccounts {
		v.LastConfirmedAt = optTime(c.LastConfirmedAt)
	}
	v.ReconfirmBy = optTime(d.ReconfirmBy)
	v.AccessEndsAt = optTime(d.AccessEndsAt)
	v.ActionBy = optTime(d.ActionBy)
	v.NextAction = d.NextAction
}
