package main

import (
	"context"

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
// outcome.
func (h *Handler) readAccounts(ctx context.Context, consentID string) {
	if h.bank == nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, accountlist.Timeout)
	defer cancel()
	if err := accountlist.Read(ctx, h.bank, h.store, consentID, h.now()); err != nil {
		h.logger.WarnContext(ctx, "shared accounts not read", "consentId", consentID, "err", err)
	}
}
