package bankapi

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/coop-ob/connector/shared/metrics"
)

// RetryPolicy bounds Retry. Zero Base or Cap take the defaults.
type RetryPolicy struct {
	Max   int                                              // retries after the first attempt
	Base  time.Duration                                    // first backoff (default 200 ms)
	Cap   time.Duration                                    // longest wait (default 2 s); a longer Retry-After ends the retries
	Sleep func(ctx context.Context, d time.Duration) error // default: a timer or ctx.Done
	// Jitter maps a backoff d to the wait actually used; default a uniform
	// value in [d/2, d].
	Jitter func(d time.Duration) time.Duration
}

// DefaultRetryPolicy suits a read inside a Lambda invocation with an 8 s
// bank timeout. A value: each caller gets its own copy.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{Max: 2, Base: 200 * time.Millisecond, Cap: 2 * time.Second}
}

// Retry calls fn, and again up to p.Max times while Classify says
// ActionRetryLater or fn's error is an *UnusableError, waiting an exponential backoff with jitter (capped at
// p.Cap), or the error's Retry-After when longer. A Retry-After longer than
// p.Cap, or than what is left of ctx, ends the retries at once: the bank
// asked not to be called before then (RFC 9110 §10.2.3), so fn's error is
// returned for the caller to pass on as "retry later" with that
// Retry-After. Use it for reads: a payment POST may be retried only with
// the same idempotency key and body, which is the caller's decision. It
// returns fn's last error, or the context's error joined to it when ctx
// ends during a wait.
func Retry(ctx context.Context, p RetryPolicy, fn func() error) error {
	if p.Base <= 0 {
		p.Base = 200 * time.Millisecond
	}
	if p.Cap <= 0 {
		p.Cap = 2 * time.Second
	}
	if p.Sleep == nil {
		p.Sleep = Sleep
	}
	if p.Jitter == nil {
		p.Jitter = func(d time.Duration) time.Duration { return d/2 + rand.N(d/2+1) }
	}
	for attempt := 0; ; attempt++ {
		err := fn()
		if err == nil || attempt >= p.Max || !retryable(err) {
			return err
		}
		d, ok := p.wait(ctx, attempt, err)
		if !ok {
			return err
		}
		metrics.From(ctx).BankRetry(ctx, ErrorStatus(err))
		if serr := p.Sleep(ctx, d); serr != nil {
			return errors.Join(err, serr)
		}
	}
}

// retryable: what Classify calls ActionRetryLater, and an unusable 2xx,
// which for a read is a bank front end failing as a 5xx does.
func retryable(err error) bool {
	return Classify(err) == ActionRetryLater || IsUnusable(err)
}

// wait is the pause after attempt (0-based) failed with err, or false when
// the error's Retry-After is longer than p.Cap or than ctx has left.
func (p RetryPolicy) wait(ctx context.Context, attempt int, err error) (time.Duration, bool) {
	d := p.Cap
	if attempt < 32 {
		if b := p.Base << attempt; b > 0 && b < p.Cap {
			d = b
		}
	}
	d = min(p.Jitter(d), p.Cap)
	var e *Error
	if !errors.As(err, &e) || e.RetryAfter <= d {
		return d, true
	}
	if e.RetryAfter > p.Cap {
		return 0, false
	}
	if dl, ok := ctx.Deadline(); ok && e.RetryAfter >= time.Until(dl) {
		return 0, false
	}
	return e.RetryAfter, true
}

// Sleep waits d, or until ctx ends (its error then). The default RetryPolicy.Sleep.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ErrorStatus is the bank's HTTP status in err (an *Error), or 0 when the bank did not answer.
func ErrorStatus(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.Status
	}
	return 0
}
