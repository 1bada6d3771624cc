package exchange

import (
	"context"
	"time"
)

// StoreMargin is kept free before the invocation's deadline when the store
// phase is bounded by it: time for the function to log and answer before
// Lambda stops it.
const StoreMargin = 500 * time.Millisecond

type storeDeadlineKey struct{}

// WithStoreDeadline returns a copy of ctx that lets Complete's store phase
// run until deadline (minus StoreMargin) even though ctx itself ends sooner.
// A caller that bounds the token request tighter than its invocation (the
// callback's retry budget, which keeps a reserve for the writes) passes the
// invocation's deadline here. Without it the store phase ends by ctx's own
// deadline minus StoreMargin.
func WithStoreDeadline(ctx context.Context, deadline time.Time) context.Context {
	return context.WithValue(ctx, storeDeadlineKey{}, deadline)
}

// storeContext is the context of the store phase after a successful token
// request: not cancelled with ctx, bounded by StoreTimeout and by the
// invocation's deadline minus StoreMargin, read from ctx before detaching
// (WithStoreDeadline, else ctx's deadline), so the writes cannot outlive
// the Lambda invocation. A deadline already passed gives a context that is
// already done: writes then would be cut off by Lambda anyway.
func (e *Exchanger) storeContext(ctx context.Context) (context.Context, context.CancelFunc) {
	timeout := e.StoreTimeout
	if timeout <= 0 {
		timeout = DefaultStoreTimeout
	}
	deadline, ok := ctx.Value(storeDeadlineKey{}).(time.Time)
	if !ok {
		deadline, ok = ctx.Deadline()
	}
	wctx := context.WithoutCancel(ctx)
	if ok {
		if end := deadline.Add(-StoreMargin); end.Before(time.Now().Add(timeout)) {
			return context.WithDeadline(wctx, end)
		}
	}
	return context.WithTimeout(wctx, timeout)
}
