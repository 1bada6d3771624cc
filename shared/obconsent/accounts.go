package obconsent

import (
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
)

// accountsConsent validates an accounts request and returns the bank body
// (OBReadConsent1), the permissions and the expiry.
func accountsConsent(f *fieldErrors, r *Request, now time.Time) (*bankapi.OBReadConsent1, time.Time) {
	f.notFor(r.Type, map[string]bool{
		"debtorAccount": r.DebtorAccount != nil, "journey": r.Journey != "", "amount": r.Amount != "",
		"currency": r.Currency != "", "creditor": r.Creditor != nil, "reference": r.Reference != "",
		"executionDate": r.ExecutionDate != "", "standingOrder": r.StandingOrder != nil,
		"paymentContextCode": r.PaymentContextCode != "",
	})
	body := &bankapi.OBReadConsent1{}
	perms, errs := banklimits.Permissions(r.Permissions)
	for _, err := range errs {
		f.check("permissions", err)
	}
	body.Data.Permissions = perms
	var expires time.Time
	if r.ExpirationDateTime != "" {
		expires, body.Data.ExpirationDateTime = dateTime(f, "expirationDateTime", r.ExpirationDateTime)
		if !expires.IsZero() {
			f.check("expirationDateTime", banklimits.Expiry(expires, now))
		}
	}
	var from, to time.Time
	if r.TransactionFromDateTime != "" {
		from, body.Data.TransactionFromDateTime = dateTime(f, "transactionFromDateTime", r.TransactionFromDateTime)
	}
	if r.TransactionToDateTime != "" {
		to, body.Data.TransactionToDateTime = dateTime(f, "transactionToDateTime", r.TransactionToDateTime)
	}
	if !from.IsZero() && !to.IsZero() {
		f.check("transactionToDateTime", banklimits.TransactionWindow(from, to))
	}
	return body, expires
}
