package main

import (
	"slices"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
)

// Permissions the bank supports for AIS (ob-reference §1.6: Co-op serves no
// beneficiaries, offers, PAN, party, products or statements endpoints; the
// OB AIS profile says a consent naming an unsupported permission gets 400).
var supportedPermissions = []string{
	"ReadAccountsBasic", "ReadAccountsDetail", "ReadBalances", "ReadDirectDebits",
	"ReadScheduledPaymentsBasic", "ReadScheduledPaymentsDetail",
	"ReadStandingOrdersBasic", "ReadStandingOrdersDetail",
	"ReadTransactionsBasic", "ReadTransactionsDetail", "ReadTransactionsCredits", "ReadTransactionsDebits",
}

// unsupportedPermissions are the other OBExternalPermissions1Code values.
var unsupportedPermissions = []string{
	"ReadBeneficiariesBasic", "ReadBeneficiariesDetail", "ReadOffers", "ReadPAN",
	"ReadParty", "ReadPartyPSU", "ReadProducts", "ReadStatementsBasic", "ReadStatementsDetail",
}

// defaultPermissions: accounts, balances and transactions in detail. Direct
// debits, standing orders and scheduled payments need step-up to read, so
// an app asks for them explicitly.
var defaultPermissions = []string{
	"ReadAccountsDetail", "ReadBalances",
	"ReadTransactionsDetail", "ReadTransactionsCredits", "ReadTransactionsDebits",
}

// accountsConsent validates an accounts request and returns the bank body
// (OBReadConsent1), the permissions and the expiry.
func accountsConsent(f *fieldErrors, r *createRequest, now time.Time) (*bankapi.OBReadConsent1, time.Time) {
	f.notFor(r.Type, map[string]bool{
		"debtorAccount": r.DebtorAccount != nil, "journey": r.Journey != "", "amount": r.Amount != "",
		"currency": r.Currency != "", "creditor": r.Creditor != nil, "reference": r.Reference != "",
		"executionDate": r.ExecutionDate != "", "standingOrder": r.StandingOrder != nil,
		"paymentContextCode": r.PaymentContextCode != "",
	})
	body := &bankapi.OBReadConsent1{}
	body.Data.Permissions = permissions(f, r.Permissions)
	var expires time.Time
	if r.ExpirationDateTime != "" {
		expires, body.Data.ExpirationDateTime = dateTime(f, "expirationDateTime", r.ExpirationDateTime)
		if !expires.IsZero() && !expires.After(now) {
			f.add("expirationDateTime", "must be in the future")
		}
	}
	var from, to time.Time
	if r.TransactionFromDateTime != "" {
		from, body.Data.TransactionFromDateTime = dateTime(f, "transactionFromDateTime", r.TransactionFromDateTime)
	}
	if r.TransactionToDateTime != "" {
		to, body.Data.TransactionToDateTime = dateTime(f, "transactionToDateTime", r.TransactionToDateTime)
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		f.add("transactionToDateTime", "must not be before transactionFromDateTime")
	}
	return body, expires
}

// permissions applies the OB AIS permission rules (ob-reference §2.7) and
// the bank's subset. Absent: the defaults. ReadTransactionsBasic/Detail
// without a direction gets both Credits and Debits (the OB rule needs at
// least one; asking for transactions means both). Duplicates are dropped.
func permissions(f *fieldErrors, in []string) []string {
	if in == nil {
		return slices.Clone(defaultPermissions)
	}
	if len(in) == 0 {
		f.add("permissions", "must not be empty (omit it for the default set)")
		return nil
	}
	var out []string
	ok := true
	for _, p := range in {
		switch {
		case slices.Contains(unsupportedPermissions, p):
			f.add("permissions", p+" is not supported by the bank")
			ok = false
		case !slices.Contains(supportedPermissions, p):
			f.add("permissions", "unknown permission "+p)
			ok = false
		case !slices.Contains(out, p):
			out = append(out, p)
		}
	}
	if !ok {
		return nil
	}
	has := func(p string) bool { return slices.Contains(out, p) }
	if !has("ReadAccountsBasic") && !has("ReadAccountsDetail") {
		f.add("permissions", "must include ReadAccountsBasic or ReadAccountsDetail")
	}
	kind := has("ReadTransactionsBasic") || has("ReadTransactionsDetail")
	dir := has("ReadTransactionsCredits") || has("ReadTransactionsDebits")
	switch {
	case kind && !dir:
		out = append(out, "ReadTransactionsCredits", "ReadTransactionsDebits")
	case dir && !kind:
		f.add("permissions", "ReadTransactionsCredits/Debits need ReadTransactionsBasic or ReadTransactionsDetail")
	}
	return out
}
