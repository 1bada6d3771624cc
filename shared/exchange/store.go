package exchange

import (
	"context"
	"errors"
	"time"

	"github.com/coop-ob/connector/shared/awserr"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/internal/conflict"
)

// storeBackoff are the waits between attempts of the store phase after a
// transient store failure; its length + 1 is the number of attempts.
var storeBackoff = []time.Duration{50 * time.Millisecond, 200 * time.Millisecond, 500 * time.Millisecond}

// store records the issued tokens t of session s: read the consent, check it
// is still authorisable, authorise it with t. A version conflict re-reads
// (conflict.Retry); a transient store failure is retried (retryStore).
// Nothing else is retried: a used session, a consent gone or no longer
// authorisable are answers.
func (e *Exchanger) store(ctx context.Context, s *consent.AuthSession, t *consent.Tokens) error {
	return e.retryStore(ctx, s, func() error {
		return conflict.Retry(func() error {
			c, err := e.Store.GetConsent(ctx, s.ConsentID)
			if err != nil {
				return err
			}
			if err := authorise(c, s, e.now()); err != nil {
				return err
			}
			t.Owner = c.Owner
			return e.Store.AuthoriseWithTokens(ctx, c, t, s.StateHash)
		})
	})
}

// retryStore calls f again after a short wait (storeBackoff) while it fails
// transiently (transientStore) and ctx allows; it returns f's last error.
func (e *Exchanger) retryStore(ctx context.Context, s *consent.AuthSession, f func() error) error {
	for i := 0; ; i++ {
		err := f()
		if err == nil || !transientStore(err) || i == len(storeBackoff) {
			return err
		}
		e.logger().WarnContext(ctx, "store call failed; retrying", "consentId", s.ConsentID, "attempt", i+1, "err", err)
		timer := time.NewTimer(storeBackoff[i])
		select {
		case <-ctx.Done():
			timer.Stop()
			return err
		case <-timer.C:
		}
	}
}

// transientStore reports whether a store error is worth another attempt
// (awserr.Transient: throttling, a 5xx, a timeout or dropped connection, a
// transaction that collided with another). The store's answers (conflicts
// left after conflict.Retry, a used session, a missing or ended consent)
// are not.
func transientStore(err error) bool {
	for _, answer := range []error{consent.ErrConflict, consent.ErrSessionUsed, consent.ErrNotFound, ErrNotAuthorisable} {
		if errors.Is(err, answer) {
			return false
		}
	}
	return awserr.Transient(err)
}
