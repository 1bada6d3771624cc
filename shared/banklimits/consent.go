package banklimits

import (
	"errors"
	"time"
)

// Expiry checks an AIS or CBPII consent's ExpirationDateTime: in the future. The bank refuses
// any other with 400 UK.OBIE.Field.InvalidDate (AISP Endpoints and errors; docs/bank-rules.md
// §Error scenarios).
func Expiry(expires, now time.Time) error {
	if !expires.After(now) {
		return errors.New("must be in the future")
	}
	return nil
}
