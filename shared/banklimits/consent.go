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

// TransactionWindow checks an AIS consent's TransactionFromDateTime and TransactionToDateTime:
// the window may not end before it starts (OB v3.1 account-access-consents; docs/bank-rules.md
// §Transaction filters).
func TransactionWindow(from, to time.Time) error {
	if to.Before(from) {
		return errors.New("must not be before transactionFromDateTime")
	}
	return nil
}
