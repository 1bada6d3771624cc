package banklimits

import (
	"errors"
	"slices"
)

// supportedPermissions are the AIS permissions the bank serves: its AISP pages list no
// beneficiaries, offers, PAN, party, products or statements endpoints, and the OB v3.1 AIS
// profile (Account Access Consents) says a consent naming a permission the bank does not
// support is refused with a 400 (docs/bank-rules.md §AIS permissions).
var supportedPermissions = []string{
	"ReadAccountsBasic", "ReadAccountsDetail", "ReadBalances", "ReadDirectDebits",
	"ReadScheduledPaymentsBasic", "ReadScheduledPaymentsDetail",
	"ReadStandingOrdersBasic", "ReadStandingOrdersDetail",
	"ReadTransactionsBasic", "ReadTransactionsDetail", "ReadTransactionsCredits", "ReadTransactionsDebits",
}

// unsupportedPermissions are the other OBExternalPermissions1Code values (OB v3.1).
var unsupportedPermissions = []string{
	"ReadBeneficiariesBasic", "ReadBeneficiariesDetail", "ReadOffers", "ReadPAN",
	"ReadParty", "ReadPartyPSU", "ReadProducts", "ReadStatementsBasic", "ReadStatementsDetail",
}

// defaultPermissions: accounts, balances and transactions in detail. Direct debits, standing
// orders and scheduled payments need step-up to read (General specifications, "Two-factor
// authentication"), so an app asks for them explicitly.
var defaultPermissions = []string{
	"ReadAccountsDetail", "ReadBalances",
	"ReadTransactionsDetail", "ReadTransactionsCredits", "ReadTransactionsDebits",
}

// DefaultPermissions returns the permissions of an accounts consent that names none.
func DefaultPermissions() []string { return slices.Clone(defaultPermissions) }

// Permissions applies the OB v3.1 AIS permission rules (Account Access Consents,
// "Permissions") and the bank's subset to the permissions an app asked for, and returns those
// to send, or one error per problem. Absent (nil): the defaults. ReadTransactionsBasic/Detail
// without a direction gets both Credits and Debits (the OB rule needs at least one; asking
// for transactions means both). Duplicates are dropped.
func Permissions(in []string) ([]string, []error) {
	if in == nil {
		return DefaultPermissions(), nil
	}
	if len(in) == 0 {
		return nil, []error{errors.New("must not be empty (omit it for the default set)")}
	}
	var out []string
	var errs []error
	for _, p := range in {
		switch {
		case slices.Contains(unsupportedPermissions, p):
			errs = append(errs, errors.New(p+" is not supported by the bank"))
		case !slices.Contains(supportedPermissions, p):
			errs = append(errs, errors.New("unknown permission "+p))
		case !slices.Contains(out, p):
			out = append(out, p)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	has := func(p string) bool { return slices.Contains(out, p) }
	if !has("ReadAccountsBasic") && !has("ReadAccountsDetail") {
		errs = append(errs, errors.New("must include ReadAccountsBasic or ReadAccountsDetail"))
	}
	kind := has("ReadTransactionsBasic") || has("ReadTransactionsDetail")
	dir := has("ReadTransactionsCredits") || has("ReadTransactionsDebits")
	switch {
	case kind && !dir:
		out = append(out, "ReadTransactionsCredits", "ReadTransactionsDebits")
	case dir && !kind:
		errs = append(errs, errors.New("ReadTransactionsCredits/Debits need ReadTransactionsBasic or ReadTransactionsDetail"))
	}
	return out, errs
}
