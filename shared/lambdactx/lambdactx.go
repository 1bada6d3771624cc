// Package lambdactx bounds work that must outlive a request's own context
// but not the Lambda invocation: writes after the bank has answered (a
// rotated refresh token, a payment's outcome, a consent's new status) run on
// a detached context whose deadline still ends before the function's.
//
// AWS Lambda puts the invocation's deadline on the handler's context
// (aws-lambda-go). A handler that shortens its own budget with
// context.WithTimeout calls Mark first, so that Detach bounds detached work
// by the invocation's deadline rather than by the exhausted budget.
package lambdactx

import (
	"context"
	"time"
)

// Margin is kept free before the invocation's deadline: detached work ends
// this long before Lambda stops the function, so its outcome can be logged.
const Margin = 250 * time.Millisecond

type hardKey struct{}

// Mark records ctx's current deadline (the invocation's) as the hard limit
// Detach honours in ctx and every context derived from it. Without a
// deadline it returns ctx.
func Mark(ctx context.Context) context.Context {
	d, ok := ctx.Deadline()
	if !ok {
		return ctx
	}
	return context.WithValue(ctx, hardKey{}, d)
}

// Deadline is the hard limit of ctx: the deadline recorded by Mark, else
// ctx's own deadline.
func Deadline(ctx context.Context) (time.Time, bool) {
	if d, ok := ctx.Value(hardKey{}).(time.Time); ok {
		return d, true
	}
	return ctx.Deadline()
}

// Detach returns a context with ctx's values that ignores ctx's
// cancellation and ends after d or at Deadline(ctx) minus Margin, whichever
// comes first (at once when that is already past).
func Detach(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	end := time.Now().Add(d)
	if hard, ok := Deadline(ctx); ok && hard.Add(-Margin).Before(end) {
		end = hard.Add(-Margin)
	}
	return context.WithDeadline(context.WithoutCancel(ctx), end)
}

// WithBudget bounds a request's own work: ctx ends after budget or margin
// before ctx's deadline (the invocation's), whichever comes first, so the
// handler still has margin to answer before Lambda stops it.
func WithBudget(ctx context.Context, budget, margin time.Duration) (context.Context, context.CancelFunc) {
	end := time.Now().Add(budget)
	if dl, ok := ctx.Deadline(); ok && dl.Add(-margin).Before(end) {
		end = dl.Add(-margin)
	}
	return context.WithDeadline(ctx, end)
}
