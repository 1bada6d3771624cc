package banklimits

import "slices"

// AISRead is what reading one kind of AIS resource takes at this bank. The bank answers 403 to
// a read the consent's permissions do not cover, step-up or not, and a read of direct debits,
// standing orders or scheduled payments always needs a step-up authorisation (General
// specifications, "Two-factor authentication"; docs/bank-rules.md §AIS permissions and
// §Step-up).
type AISRead struct {
	Permissions []string // the consent must hold one of these (OBExternalPermissions1Code)
	StepUp      bool     // always needs step-up, whatever the dates
}

// aisReads are the reads of the AIS resources the bank serves, by resource name.
var aisReads = map[string]AISRead{
	"accounts":           {Permissions: []string{"ReadAccountsBasic", "ReadAccountsDetail"}},
	"balances":           {Permissions: []string{"ReadBalances"}},
	"transactions":       {Permissions: []string{"ReadTransactionsBasic", "ReadTransactionsDetail"}},
	"direct-debits":      {Permissions: []string{"ReadDirectDebits"}, StepUp: true},
	"standing-orders":    {Permissions: []string{"ReadStandingOrdersBasic", "ReadStandingOrdersDetail"}, StepUp: true},
	"scheduled-payments": {Permissions: []string{"ReadScheduledPaymentsBasic", "ReadScheduledPaymentsDetail"}, StepUp: true},
}

// AISReadOf is the read of resource (accounts, balances, transactions, direct-debits,
// standing-orders, scheduled-payments); an unknown resource needs a permission no consent holds.
func AISReadOf(resource string) AISRead {
	r := aisReads[resource]
	r.Permissions = slices.Clone(r.Permissions)
	return r
}

// Granted reports whether held (a consent's permissions, as created at the bank) includes one
// of the permissions r needs.
func (r AISRead) Granted(held []string) bool {
	return slices.ContainsFunc(r.Permissions, func(p string) bool { return slices.Contains(held, p) })
}
