package obconsent

import (
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
)

// fundsConsent validates a fundsconfirmations request and returns the bank
// body (OBFundsConfirmationConsent1) and the expiry.
func fundsConsent(f *fieldErrors, r *Request, now time.Time) (*bankapi.OBFundsConfirmationConsent1, time.Time) {
	f.notFor(r.Type, map[string]bool{
		"permissions": r.Permissions != nil, "transactionFromDateTime": r.TransactionFromDateTime != "",
		"transactionToDateTime": r.TransactionToDateTime != "", "journey": r.Journey != "",
		"amount": r.Amount != "", "currency": r.Currency != "", "creditor": r.Creditor != nil,
		"reference": r.Reference != "", "executionDate": r.ExecutionDate != "",
		"standingOrder": r.StandingOrder != nil, "paymentContextCode": r.PaymentContextCode != "",
	})
	body := &bankapi.OBFundsConfirmationConsent1{}
	if r.DebtorAccount == nil {
		f.add("debtorAccount", "required")
	} else if a := account(f, "debtorAccount", r.DebtorAccount, false); a != nil {
		body.Data.DebtorAccount = *a
	}
	var expires time.Time
	if r.ExpirationDateTime != "" {
		expires, body.Data.ExpirationDateTime = dateTime(f, "expirationDateTime", r.ExpirationDateTime)
		if !expires.IsZero() {
			f.check("expirationDateTime", banklimits.Expiry(expires, now))
		}
	}
	return body, expires
}
