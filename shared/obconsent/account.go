package obconsent

import (
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
)

// account maps a UK account to the bank's CashAccount, nil if a field breaks the bank's limits
// (banklimits); nameRequired for a creditor.
func account(f *fieldErrors, field string, a *Account, nameRequired bool) *bankapi.CashAccount {
	n := len(*f)
	f.check(field+".sortCode", banklimits.SortCode(a.SortCode))
	f.check(field+".accountNumber", banklimits.AccountNumber(a.AccountNumber))
	switch {
	case a.Name == "" && nameRequired:
		f.add(field+".name", "required")
	case a.Name != "":
		f.check(field+".name", banklimits.Name(a.Name))
	}
	if len(*f) > n {
		return nil
	}
	return &bankapi.CashAccount{SchemeName: banklimits.SchemeSortCode, Identification: a.SortCode + a.AccountNumber, Name: a.Name}
}
