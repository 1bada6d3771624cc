package banklimits

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Currency is the only currency the bank takes (AISP and PISP Specifications: GBP only;
// docs/bank-rules.md §PIS limits).
const Currency = "GBP"

// SchemeSortCode is the only account identification scheme the bank takes for a payment's
// accounts (PISP Specifications; OB v3.1 OBExternalAccountIdentification4Code).
const SchemeSortCode = "UK.OBIE.SortCodeAccountNumber"

// The payee name and reference limits. The bank's PISP page says payee names and references
// are truncated and some characters refused without publishing the list, so these are the
// Faster Payments limits every UK bank accepts: an 18-character reference and the basic FPS
// character set (docs/bank-rules.md §PIS limits).
const (
	maxNameLen      = 140 // the bank's AIS Name limit (AISP Specifications); OB Max350Text at most
	maxReferenceLen = 18  // Faster Payments reference
)

// Compiled on first use (sync.OnceValue), not at every cold start: only a
// payment's validation needs them.
var (
	amountRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,13}(\.\d{1,2})?$`) }) // OB ActiveOrHistoricCurrencyAndAmount
	sortCodeRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{6}$`) })
	accountRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{8}$`) })
	// nameRe: letters, digits, space and - . / & ' ( ) , + :
	nameRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9 \-./&'(),+:]+$`) })
	// referenceRe: letters, digits, space and - . / ? : ( ) , ' +
	referenceRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9 \-./?:(),'+]+$`) })
	// The bank's standing-order frequencies (PISP Specifications; docs/bank-rules.md §PIS limits):
	// IntrvlWkDay:X:Y with X in 01, 02, 04 and Y in 01-07, or IntrvlMnthDay:X:Y with X in
	// 01, 02, 03, 06, 12 and Y in 01-31; anything else is refused.
	weekFreqRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^IntrvlWkDay:0[124]:0[1-7]$`) })
	monthFreqRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^IntrvlMnthDay:(01|02|03|06|12):(0[1-9]|[12][0-9]|3[01])$`)
	})
)

// paymentContextCodes are the OBExternalPaymentContext1Code values (OB v3.1 Risk).
var paymentContextCodes = []string{"BillPayment", "EcommerceGoods", "EcommerceServices", "Other", "PartyToParty"}

// Amount checks an instructed amount: a decimal string above zero with at most 2 decimals
// (OB v3.1 ActiveOrHistoricCurrencyAndAmount: up to 13 digits and 5 decimals; GBP has 2).
func Amount(s string) error {
	switch {
	case !amountRe().MatchString(s):
		return errors.New("must be a decimal string with at most 2 decimals, e.g. \"10.50\"")
	case !strings.ContainsFunc(s, func(r rune) bool { return r >= '1' && r <= '9' }):
		return errors.New("must be greater than zero")
	}
	return nil
}

// CurrencyCode checks a currency the app named: GBP (AISP and PISP Specifications).
func CurrencyCode(s string) error {
	if s != Currency {
		return errors.New("must be GBP (the bank takes GBP only)")
	}
	return nil
}

// SortCode checks a UK sort code: 6 digits, the first part of a UK.OBIE.SortCodeAccountNumber
// identification (OB v3.1 namespaced enumerations, OBExternalAccountIdentification4Code).
func SortCode(s string) error {
	if !sortCodeRe().MatchString(s) {
		return errors.New("must be 6 digits")
	}
	return nil
}

// AccountNumber checks a UK account number: 8 digits, the second part of a
// UK.OBIE.SortCodeAccountNumber identification (OB v3.1 OBExternalAccountIdentification4Code).
func AccountNumber(s string) error {
	if !accountRe().MatchString(s) {
		return errors.New("must be 8 digits")
	}
	return nil
}

// Name checks an account holder's name. No leading or trailing space: the bank compares the
// authorization URL's ben_name with the consent's exactly (General specifications,
// "Parameters": ben_name as sent in the consent request).
func Name(s string) error {
	return text(s, maxNameLen, nameRe(), "letters, digits, spaces and - . / & ' ( ) , + :")
}

// Reference checks a payment reference (RemittanceInformation.Reference, or a standing order's
// Reference) against the Faster Payments limits above.
func Reference(s string) error {
	return text(s, maxReferenceLen, referenceRe(), "letters, digits, spaces and - . / ? : ( ) , ' +")
}

// text: not blank, no leading or trailing space, at most max characters of re.
func text(s string, max int, re *regexp.Regexp, allowed string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return errors.New("must not be blank")
	case strings.TrimSpace(s) != s:
		return errors.New("must not start or end with a space")
	case len(s) > max:
		return errors.New("must be at most " + strconv.Itoa(max) + " characters")
	case !re.MatchString(s):
		return errors.New("may contain only " + allowed)
	}
	return nil
}

// Frequency checks a standing order's frequency against the bank's patterns.
func Frequency(s string) error {
	if !weekFreqRe().MatchString(s) && !monthFreqRe().MatchString(s) {
		return errors.New("must be IntrvlWkDay:0[124]:0[1-7] or IntrvlMnthDay:(01|02|03|06|12):(01-31)")
	}
	return nil
}

// NumberOfPayments checks a standing order's number of payments: 1 to 998, or 999 for a
// standing order that runs until cancelled (PISP Specifications, standing orders: end dates
// are not supported).
func NumberOfPayments(n int) error {
	if n < 1 || n > 999 {
		return errors.New("must be 1 to 999 (999 = until cancelled)")
	}
	return nil
}

// PaymentContextCode checks a payment's Risk.PaymentContextCode.
func PaymentContextCode(s string) error {
	if !slices.Contains(paymentContextCodes, s) {
		return errors.New("must be one of " + strings.Join(paymentContextCodes, ", "))
	}
	return nil
}
