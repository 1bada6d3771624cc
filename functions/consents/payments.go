package main

import (
	"crypto/rand"
	"encoding/hex"
	"slices"
	"strconv"
	"time"

	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/bankapi"
)

// paymentContextCodes are OBExternalPaymentContext1Code values (OB v3.1 Risk).
var paymentContextCodes = []string{"BillPayment", "EcommerceGoods", "EcommerceServices", "Other", "PartyToParty"}

// paymentConsent is a validated payments request.
type paymentConsent struct {
	path        string // consent resource under bankapi.PISPPath
	body        any    // OBWriteDomesticConsent4, …Scheduled…4 or …StandingOrder…5
	benName     string
	amount      string
	paymentDate string // DSP: RequestedExecutionDateTime as sent
}

// paymentsRequest validates a payments request against the bank's PIS
// rules (ob-reference §1.7) and builds the consent body of its journey.
func paymentsRequest(f *fieldErrors, r *createRequest, now time.Time) *paymentConsent {
	f.notFor(r.Type, map[string]bool{
		"permissions": r.Permissions != nil, "transactionFromDateTime": r.TransactionFromDateTime != "",
		"transactionToDateTime": r.TransactionToDateTime != "", "expirationDateTime": r.ExpirationDateTime != "",
	})
	switch r.Journey {
	case authurl.JourneyDomestic, authurl.JourneyScheduled, authurl.JourneyStandingOrder:
	case "":
		f.add("journey", "required")
	default:
		f.add("journey", "must be DP, DSP or DSO")
	}
	if r.Journey != authurl.JourneyScheduled && r.ExecutionDate != "" {
		f.add("executionDate", "only for journey DSP")
	}
	if r.Journey != authurl.JourneyStandingOrder && r.StandingOrder != nil {
		f.add("standingOrder", "only for journey DSO")
	}
	amount := checkAmount(f, r)
	var creditor, debtor *bankapi.CashAccount
	if r.Creditor == nil {
		f.add("creditor", "required")
	} else {
		creditor = account(f, "creditor", r.Creditor, true)
	}
	if r.DebtorAccount != nil {
		debtor = account(f, "debtorAccount", r.DebtorAccount, false)
	}
	if r.Reference != "" {
		checkText(f, "reference", r.Reference, maxReferenceLen, referenceRe, "letters, digits, spaces and - . / ? : ( ) , ' +")
	} else if r.Journey == authurl.JourneyStandingOrder {
		f.add("reference", "required for journey DSO")
	}
	risk := bankapi.Risk{PaymentContextCode: "PartyToParty"}
	if r.PaymentContextCode != "" {
		if !slices.Contains(paymentContextCodes, r.PaymentContextCode) {
			f.add("paymentContextCode", "must be one of BillPayment, EcommerceGoods, EcommerceServices, Other, PartyToParty")
		}
		risk.PaymentContextCode = r.PaymentContextCode
	}
	var pc *paymentConsent
	switch r.Journey {
	case authurl.JourneyDomestic:
		pc = domestic(r, amount, creditor, debtor, risk)
	case authurl.JourneyScheduled:
		pc = scheduled(f, r, now, amount, creditor, debtor, risk)
	case authurl.JourneyStandingOrder:
		pc = standingOrder(f, r, now, amount, creditor, debtor, risk)
	}
	if len(*f) > 0 || pc == nil {
		return nil
	}
	pc.benName, pc.amount = creditor.Name, amount.Amount
	return pc
}

// checkAmount: a decimal string above zero with at most 2 decimals, in GBP.
func checkAmount(f *fieldErrors, r *createRequest) bankapi.Amount {
	switch {
	case r.Amount == "":
		f.add("amount", "required")
	case !amountRe.MatchString(r.Amount):
		f.add("amount", "must be a decimal string with at most 2 decimals, e.g. \"10.50\"")
	case !positive(r.Amount):
		f.add("amount", "must be greater than zero")
	}
	if r.Currency != "" && r.Currency != "GBP" {
		f.add("currency", "must be GBP (the bank takes GBP only)")
	}
	return bankapi.Amount{Amount: r.Amount, Currency: "GBP"}
}

func remittance(ref string) *bankapi.RemittanceInformation {
	if ref == "" {
		return nil
	}
	return &bankapi.RemittanceInformation{Reference: ref}
}

func domestic(r *createRequest, amt bankapi.Amount, cred, debt *bankapi.CashAccount, risk bankapi.Risk) *paymentConsent {
	if cred == nil {
		return nil
	}
	b := &bankapi.OBWriteDomesticConsent4{Risk: risk}
	b.Data.Initiation = bankapi.DomesticInitiation{
		InstructionIdentification: newIdentification(), EndToEndIdentification: newIdentification(),
		InstructedAmount: amt, DebtorAccount: debt, CreditorAccount: *cred, RemittanceInformation: remittance(r.Reference),
	}
	return &paymentConsent{path: "/domestic-payment-consents", body: b}
}

// scheduled: the bank refuses an execution date that is today (or earlier),
// more than two years ahead, on a weekend or on a bank holiday.
func scheduled(f *fieldErrors, r *createRequest, now time.Time, amt bankapi.Amount, cred, debt *bankapi.CashAccount, risk bankapi.Risk) *paymentConsent {
	d, ok := parseDate(r.ExecutionDate)
	switch {
	case r.ExecutionDate == "":
		f.add("executionDate", "required for journey DSP")
	case !ok:
		f.add("executionDate", "must be a date YYYY-MM-DD")
	case !d.After(today(now)):
		f.add("executionDate", "must be after today")
	case d.After(civilDate(now.UTC()).AddDate(2, 0, 0)):
		f.add("executionDate", "must be at most 2 years ahead")
	case isWeekend(d):
		f.add("executionDate", "must not be a Saturday or Sunday")
	case isBankHoliday(d):
		f.add("executionDate", "must not be a bank holiday")
	}
	if cred == nil || len(*f) > 0 {
		return nil
	}
	when := d.Format(obTimeLayout)
	b := &bankapi.OBWriteDomesticScheduledConsent4{Risk: risk}
	b.Data.Permission = "Create"
	b.Data.Initiation = bankapi.DomesticScheduledInitiation{
		InstructionIdentification: newIdentification(), EndToEndIdentification: newIdentification(),
		RequestedExecutionDateTime: when, InstructedAmount: amt, DebtorAccount: debt, CreditorAccount: *cred,
		RemittanceInformation: remittance(r.Reference),
	}
	return &paymentConsent{path: "/domestic-scheduled-payment-consents", body: b, paymentDate: when}
}

// standingOrder: "simple" standing orders only (ob-reference §1.7): the
// bank's frequency patterns, 1–999 payments (999 = open-ended), a first
// payment after today whose date and amount become the recurring ones.
func standingOrder(f *fieldErrors, r *createRequest, now time.Time, amt bankapi.Amount, cred, debt *bankapi.CashAccount, risk bankapi.Risk) *paymentConsent {
	so := r.StandingOrder
	if so == nil {
		f.add("standingOrder", "required for journey DSO")
		return nil
	}
	if !weekFreqRe.MatchString(so.Frequency) && !monthFreqRe.MatchString(so.Frequency) {
		f.add("standingOrder.frequency", "must be IntrvlWkDay:0[124]:0[1-7] or IntrvlMnthDay:(01|02|03|06|12):(01-31)")
	}
	if so.NumberOfPayments < 1 || so.NumberOfPayments > 999 {
		f.add("standingOrder.numberOfPayments", "must be 1 to 999 (999 = until cancelled)")
	}
	d, ok := parseDate(so.FirstPaymentDate)
	switch {
	case so.FirstPaymentDate == "":
		f.add("standingOrder.firstPaymentDate", "required")
	case !ok:
		f.add("standingOrder.firstPaymentDate", "must be a date YYYY-MM-DD")
	case !d.After(today(now)):
		f.add("standingOrder.firstPaymentDate", "must be after today")
	}
	if cred == nil || len(*f) > 0 {
		return nil
	}
	b := &bankapi.OBWriteDomesticStandingOrderConsent5{Risk: risk}
	b.Data.Permission = "Create"
	b.Data.Initiation = bankapi.DomesticStandingOrderInitiation{
		Frequency: so.Frequency, Reference: r.Reference, NumberOfPayments: strconv.Itoa(so.NumberOfPayments),
		FirstPaymentDateTime: d.Format(obTimeLayout), FirstPaymentAmount: amt,
		DebtorAccount: debt, CreditorAccount: *cred,
	}
	return &paymentConsent{path: "/domestic-standing-order-consents", body: b}
}

// newIdentification is an InstructionIdentification / EndToEndIdentification
// (OB Max35Text): 32 random hex characters.
func newIdentification() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}
