package main

import (
	"context"

	"github.com/coop-ob/connector/shared/exchange"
)

// retryExchanges exchanges the codes the callback left pending
// (exchange.Retrier) and counts the outcomes in the Summary.
func (h *Handler) retryExchanges(ctx context.Context, r *run, sum *Summary) error {
	rt := &exchange.Retrier{Exchanger: h.exchanger, Store: h.store, Logger: h.logger, Now: h.now, Lease: h.lease(),
		SessionTTL: h.cfg.AuthSessionTTL, Shards: h.shards(), First: r.first, PageSize: pageSize}
	c, err := rt.RetryPending(ctx, r.now, r.stopping)
	sum.ExchangesCompleted += c.Completed
	sum.ExchangesFailed += c.Failed
	sum.ExchangesRetry += c.Retry
	if c.Incomplete {
		sum.Incomplete = true
	}
	return err
}
