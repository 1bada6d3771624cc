package main

import (
	"context"
	"time"

	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/oauth"
)

// retryPolicy is the callback's short retry of a transient token-endpoint
// failure while the PSU's browser waits. The tokens function does not use
// it: it makes one attempt per run.
type retryPolicy struct {
	attempts int             // token requests at most
	backoff  []time.Duration // waits between them; the last one repeats
	// budget bounds all attempts and waits together, and reserve is kept
	// before the invocation's deadline for the store writes that follow,
	// so the function answers well inside its timeout.
	budget  time.Duration
	reserve time.Duration
	// store bounds the store writes after the bank issued tokens
	// (exchange.Exchanger.StoreTimeout): they run past the budget, on a
	// context of their own, inside the reserve.
	store time.Duration
	// pendingDelay is when the tokens function may retry a pending exchange:
	// soon, while the bank's code can still be valid.
	pendingDelay time.Duration
}

// defaultRetry: 3 attempts, 200 ms then 800 ms apart, 9 s in all (the
// function's timeout is 15 s; each request is also bounded by
// BANK_HTTP_TIMEOUT).
var defaultRetry = retryPolicy{
	attempts:     3,
	backoff:      []time.Duration{200 * time.Millisecond, 800 * time.Millisecond},
	budget:       9 * time.Second,
	reserve:      3 * time.Second,
	store:        2 * time.Second,
	pendingDelay: 5 * time.Second,
}

// run calls f until it succeeds, fails in a way not worth resending
// (resendable), or the attempts or the budget are spent; it returns f's last
// error. The waits use the real clock: they pace real requests.
func (p retryPolicy) run(ctx context.Context, f func(context.Context) error) error {
	budget := p.budget
	if dl, ok := ctx.Deadline(); ok {
		budget = min(budget, time.Until(dl)-p.reserve)
	}
	bctx, cancel := context.WithTimeout(ctx, max(budget, 0))
	defer cancel()
	var err error
	for i := range max(p.attempts, 1) {
		if i > 0 {
			var wait time.Duration
			if len(p.backoff) > 0 {
				wait = p.backoff[min(i-1, len(p.backoff)-1)]
			}
			if dl, ok := bctx.Deadline(); ok && time.Until(dl) <= wait {
				return err
			}
			t := time.NewTimer(wait)
			select {
			case <-bctx.Done():
				t.Stop()
				return err
			case <-t.C:
			}
		}
		err = f(bctx)
		if err == nil || !resendable(err) {
			return err
		}
	}
	return err
}

// resendable reports whether the same code may be sent again after err: a
// transient failure that proves the bank did not consume it (no connection,
// or an HTTP 429/5xx answer), or the store or the secret failing before it
// was sent (exchange.Transient). After a lost answer the bank may have issued
// tokens for it, and a code sent twice makes the bank refuse it and revoke
// those tokens (docs/bank-rules.md §Refresh tokens).
func resendable(err error) bool {
	return exchange.Transient(err) && !oauth.MayHaveBeenProcessed(err)
}
