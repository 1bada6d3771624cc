package main

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/coop-ob/connector/shared/bankapi"
)

// The connector's payment field rules (docs/api-consents.md). The bank's
// page says payee names and references are truncated and some characters
// refused without publishing the list (ob-reference §1.7), so these are the
// Faster Payments limits: an 18-character reference and the basic FPS
// character set, which every UK bank accepts.
var (
	amountRe   = regexp.MustCompile(`^\d{1,13}(\.\d{1,2})?$`)
	sortCodeRe = regexp.MustCompile(`^\d{6}$`)
	accountRe  = regexp.MustCompile(`^\d{8}$`)
	// nameRe: letters, digits, space and - . / & ' ( ) , + :
	nameRe = regexp.MustCompile(`^[A-Za-z0-9 \-./&'(),+:]+$`)
	// referenceRe: letters, digits, space and - . / ? : ( ) , ' +
	referenceRe = regexp.MustCompile(`^[A-Za-z0-9 \-./?:(),'+]+$`)
	weekFreqRe  = regexp.MustCompile(`^IntrvlWkDay:0[124]:0[1-7]$`)
	monthFreqRe = regexp.MustCompile(`^IntrvlMnthDay:(01|02|03|06|12):(0[1-9]|[12][0-9]|3[01])$`)
)

// Length limits.
const (
	maxNameLen      = 140 // the bank's AIS Name limit; also OB Max350Text at most
	maxReferenceLen = 18  // Faster Payments reference
)

// schemeSortCode is the only identification scheme the bank takes for payments.
const schemeSortCode = "UK.OBIE.SortCodeAccountNumber"

// account checks a UK account; nameRequired for a creditor.
func account(f *fieldErrors, field string, a *accountInput, nameRequired bool) *bankapi.CashAccount {
	n := len(*f)
	if !sortCodeRe.MatchString(a.SortCode) {
		f.add(field+".sortCode", "must be 6 digits")
	}
	if !accountRe.MatchString(a.AccountNumber) {
		f.add(field+".accountNumber", "must be 8 digits")
	}
	switch {
	case a.Name == "" && nameRequired:
		f.add(field+".name", "required")
	case a.Name != "":
		checkText(f, field+".name", a.Name, maxNameLen, nameRe, "letters, digits, spaces and - . / & ' ( ) , + :")
	}
	if len(*f) > n {
		return nil
	}
	return &bankapi.CashAccount{SchemeName: schemeSortCode, Identification: a.SortCode + a.AccountNumber, Name: a.Name}
}

// checkText: not blank, no leading or trailing space (the bank compares
// ben_name with the consent exactly), at most max characters of re.
func checkText(f *fieldErrors, field, s string, max int, re *regexp.Regexp, allowed string) {
	switch {
	case strings.TrimSpace(s) == "":
		f.add(field, "must not be blank")
	case strings.TrimSpace(s) != s:
		f.add(field, "must not start or end with a space")
	case len(s) > max:
		f.add(field, "must be at most "+strconv.Itoa(max)+" characters")
	case !re.MatchString(s):
		f.add(field, "may contain only "+allowed)
	}
}

// positive reports whether a decimal string matching amountRe is above zero.
func positive(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= '1' && r <= '9' })
}
