package obconsent

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
)

// paymentConsent is a validated payments request.
type paymentConsent struct {
	path        string // consent resource under bankapi.PISPPath
	body        any    // OBWriteDomesticConsent4, …Scheduled…4 or …StandingOrder…5
	benName     string
	amount      string
	paymentDate string // DSP: RequestedExecutionDateTime as sent
}

// paymentsRequest validates a payments request against the bank's PIS
// limits (banklimits) and builds the consent body of its journey.
func paymentsRequest(f *fieldErrors, r *Request, now time.Time, days *banklimits.Calendar) *paymentConsent {
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
		f.check("reference", banklimits.Reference(r.Reference))
	} else if r.Journey == authurl.JourneyStandingOrder { // mandatory for DSO: docs/bank-rules.md §PIS limits
		f.add("reference", "required for journey DSO")
	}
	risk := bankapi.Risk{PaymentContextCode: "PartyToParty"}
	if r.PaymentContextCode != "" {
		f.check("paymentContextCode", banklimits.PaymentContextCode(r.PaymentContextCode))
		risk.PaymentContextCode = r.PaymentContextCode
	}
	var pc *paymentConsent
	switch r.Journey {
	case authurl.JourneyDomestic:
		pc = domestic(r, amount, creditor, debtor, risk)
	case authurl.JourneyScheduled:
		pc = scheduled(f, r, now, days, amount, creditor, debtor, risk)
	case authurl.JourneyStandingOrder:
		pc = standingOrder(f, r, now, amount, creditor, debtor, risk)
	}
	if len(*f) > 0 || pc == nil {
		return nil
	}
	pc.benName, pc.amount = creditor.Name, amount.Amount
	return pc
}

// checkAmount maps the amount and currency (GBP when absent).
func checkAmount(f *fieldErrors, r *Request) bankapi.Amount {
	if r.Amount == "" {
		f.add("amount", "required")
	} else {
		f.check("amount", banklimits.Amount(r.Amount))
	}
	if r.Currency != "" {
		f.check("currency", banklimits.CurrencyCode(r.Currency))
	}
	return bankapi.Amount{Amount: r.Amount, Currency: banklimits.Currency}
}

func remittance(ref string) *bankapi.RemittanceInformation {
	if ref == "" {
		return nil
	}
	return &bankapi.RemittanceInformation{Reference: ref}
}

func domestic(r *Request, amt bankapi.Amount, cred, debt *bankapi.CashAccount, risk bankapi.Risk) *paymentConsent {
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

// scheduled maps a DSP request; the execution date must be one the bank
// takes (banklimits.Calendar.ExecutionDate).
func scheduled(f *fieldErrors, r *Request, now time.Time, days *banklimits.Calendar, amt bankapi.Amount, cred, debt *bankapi.CashAccount, risk bankapi.Risk) *paymentConsent {
	var d time.Time
	if r.ExecutionDate == "" {
		f.add("executionDate", "required for journey DSP")
	} else {
		var err error
		d, err = days.ExecutionDate(r.ExecutionDate, now)
		f.check("executionDate", err)
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

// standingOrder maps a DSO request: the bank takes "simple" standing orders
// only (banklimits: its frequency patterns, 1–999 payments, 999 = open-ended,
// a first payment after today whose date and amount become the recurring ones).
func standingOrder(f *fieldErrors, r *Request, now time.Time, amt bankapi.Amount, cred, debt *bankapi.CashAccount, risk bankapi.Risk) *paymentConsent {
	so := r.StandingOrder
	if so == nil {
		f.add("standingOrder", "required for journey DSO")
		return nil
	}
	f.check("standingOrder.frequency", banklimits.Frequency(so.Frequency))
	f.check("standingOrder.numberOfPayments", banklimits.NumberOfPayments(so.NumberOfPayments))
	var d time.Time
	if so.FirstPaymentDate == "" {
		f.add("standingOrder.firstPaymentDate", "required")
	} else {
		var err error
		d, err = banklimits.FirstPaymentDate(so.FirstPaymentDate, now)
		f.check("standingOrder.firstPaymentDate", err)
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
