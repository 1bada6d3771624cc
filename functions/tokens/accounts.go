package main

import (
	"context"

	"github.com/coop-ob/connector/shared/accountlist"
)

// accountsReader is the part of *bankapi.Client the accounts retry uses.
type accountsReader = accountlist.BankDoer

// retryAccounts retries the shared-accounts reads the callback could not do
// (accountlist.Retrier). An error reading the index fails the run.
func (h *Handler) retryAccounts(ctx context.Context, r *run) error {
	if h.bank == nil {
		return nil
	}
	rt := &accountlist.Retrier{Bank: h.bank, Store: h.store, Logger: h.logger, Shards: h.shards()}
	return rt.RetryPending(ctx, r.now, r.stopping)
}
