// Package conflict re-runs a consent's read-modify-write when the consent's
// version moved between the read and the conditional write
// (consent.ErrConflict: another function changed it meanwhile). It is the
// one retry policy of the exchange and refresh packages, which update the
// same consents from different functions.
package conflict

import (
	"errors"

	"github.com/coop-ob/connector/shared/consent"
)

// MaxAttempts bounds the reads of one update: a consent that changes this
// often between read and write is being fought over, and the caller says so.
const MaxAttempts = 3

// Retry calls attempt (read the consent, change it, write it conditionally)
// until it returns an error that does not wrap consent.ErrConflict, or nil,
// at most MaxAttempts times. It returns attempt's last error, which wraps
// consent.ErrConflict only when every attempt conflicted.
func Retry(attempt func() error) error {
	var err error
	for range MaxAttempts {
		err = attempt()
		if !errors.Is(err, consent.ErrConflict) {
			return err
		}
	}
	return err
}
