package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/coop-ob/connector/shared/accountlist"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
)

// accountsReader is the part of *bankapi.Client the accounts retry uses.
type accountsReader interface {
	Do(ctx context.Context, r bankapi.Request) (*bankapi.Response, error)
}

// retryAccounts retries the shared-accounts reads the callback could not do
// (entries under "A#" shards of the refresh index: a Query per shard, the
// cost follows what is pending). A read that fails again is rescheduled
// (accountlist.NextRetry) until accountlist.MaxAttempts; a consent no longer
// Authorised leaves the index. An error reading the index fails the run.
func (h *Handler) retryAccounts(ctx context.Context, r *run) error {
	if h.bank == nil {
		return nil
	}
	for shard := range h.shards() {
		var cur consent.Cursor
		for {
			if r.stopping() {
				return nil
			}
			page, next, err := h.store.DueAccounts(ctx, shard, r.now, pageSize, cur)
			if err != nil {
				return fmt.Errorf("accounts entries shard %d: %w", shard, err)
			}
			for _, d := range page {
				h.retryAccount(ctx, r, d)
			}
			if !next.More() {
				break
			}
			cur = next
		}
	}
	return nil
}

func (h *Handler) retryAccount(ctx context.Context, r *run, d consent.DueAccount) {
	err := accountlist.Read(ctx, h.bank, h.store, d.ConsentID, r.now)
	if err == nil {
		h.logger.InfoContext(ctx, "shared accounts read", slog.String("consentId", d.ConsentID), slog.Int("attempts", d.Attempts+1))
		return
	}
	if errors.Is(err, accountlist.ErrNotApplicable) || errors.Is(err, consent.ErrNotFound) {
		// The consent no longer gives access: nothing to read, nothing to keep.
		if err := h.store.DeleteAccounts(ctx, d.ConsentID); err != nil {
			h.logger.ErrorContext(ctx, "shared accounts not erased", slog.String("consentId", d.ConsentID), slog.Any("err", err))
		}
		return
	}
	next := accountlist.NextRetry(r.now, d.Attempts+2)
	h.logger.WarnContext(ctx, "shared accounts not read", slog.String("consentId", d.ConsentID), slog.Any("err", err),
		slog.Bool("retried", !next.IsZero()))
	if err := h.store.MarkAccountsPending(ctx, d.ConsentID, d.Attempts+1, next); err != nil {
		h.logger.ErrorContext(ctx, "shared accounts retry not scheduled", slog.String("consentId", d.ConsentID), slog.Any("err", err))
	}
}
