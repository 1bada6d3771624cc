package main

import (
	"context"
	"errors"
	"time"

	"github.com/coop-ob/connector/shared/accountlist"
	"github.com/coop-ob/connector/shared/bankapi"
)

// accountsReader is the part of *bankapi.Client the accounts read uses.
type accountsReader interface {
	Do(ctx context.Context, r bankapi.Request) (*bankapi.Response, error)
}

// readAccounts reads the accounts the customer just shared with an AIS
// consent (shared/accountlist), bounded by accountlist.Timeout so that the
// customer's redirect waits little. A failure is logged (never the bank's
// body) and leaves the accounts unknown; it never changes the journey's
// outcome; the tokens run retries it (functions/tokens/accounts.go).
func (h *Handler) readAccounts(ctx context.Context, consentID string) {
	if h.bank == nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, accountlist.Timeout)
	defer cancel()
	err := accountlist.Read(ctx, h.bank, h.store, consentID, h.now())
	if err == nil || errors.Is(err, accountlist.ErrNotApplicable) {
		return
	}
	h.logger.WarnContext(ctx, "shared accounts not read; retried in the background", "consentId", consentID, "err", err)
	sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer scancel()
	if err := h.store.MarkAccountsPending(sctx, consentID, 0, accountlist.NextRetry(h.now(), 1)); err != nil {
		h.logger.ErrorContext(ctx, "shared accounts retry not scheduled", "consentId", consentID, "err", err)
	}
}
