package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/refresh"
)

// reconfirmGate refuses an AIS call with a consent past its reconfirmBy
// under RECONFIRM_MODE=enforce (shared/reconfirm): 403
// reconfirmation-required, no bank call, the consent unchanged, and the
// tokens' scheduled refresh moved to their keep-alive point (refresh.Park):
// no warm refresh, but keep-alive refreshes go on, so POST
// /consents/{id}/reconfirm restores access. nil lets the call go on.
func (h *Handler) reconfirmGate(ctx context.Context, r *call, c *consent.Consent) *events.APIGatewayV2HTTPResponse {
	if !h.reconfirm.Blocked(c, h.now()) {
		return nil
	}
	h.logger.InfoContext(ctx, "reconfirmation due", "consentId", c.ID, "reconfirmBy", h.reconfirm.By(c))
	dctx, cancel := detached(ctx)
	if err := refresh.Park(dctx, h.store, c.ID, h.holder, refreshLease, h.now()); err != nil {
		h.logger.ErrorContext(ctx, "tokens not parked", "consentId", c.ID, "err", err)
	}
	cancel()
	resp := h.problem(r, httpapi.ReconfirmationRequired())
	return &resp
}
