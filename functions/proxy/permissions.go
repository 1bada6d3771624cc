package main

import (
	"net/http"
	"slices"
	"strings"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// OB AIS permission codes (OBExternalPermissions1Code; docs/bank-rules.md §AIS permissions) an
// AIS route needs: the consent must hold one of its kind's list. The bank
// answers 403 to a call the consent does not cover, step-up or not, so the
// proxy answers first, without a bank call or a step-up journey that cannot
// help.
var (
	permsAccounts          = []string{"ReadAccountsBasic", "ReadAccountsDetail"}
	permsBalances          = []string{"ReadBalances"}
	permsTransactions      = []string{"ReadTransactionsBasic", "ReadTransactionsDetail"}
	permsDirectDebits      = []string{"ReadDirectDebits"}
	permsStandingOrders    = []string{"ReadStandingOrdersBasic", "ReadStandingOrdersDetail"}
	permsScheduledPayments = []string{"ReadScheduledPaymentsBasic", "ReadScheduledPaymentsDetail"}
)

// granted reports whether c holds one of the permissions k needs. The stored
// permissions are those the consent was created with at the bank (an AIS
// consent cannot be created without them).
func (k aisKind) granted(c *consent.Consent) bool {
	return slices.ContainsFunc(k.perms, func(p string) bool { return slices.Contains(c.Permissions, p) })
}

// permissionNotGranted is the problem for a route the consent's permissions
// do not cover. Only a new consent can add a permission (OB AIS: a consent's
// permissions are fixed at creation), so the action is reconsent; the
// consent itself is not changed or marked: its other routes still work.
func permissionNotGranted(need []string) httpapi.Problem {
	list := strings.Join(need, " or ")
	return httpapi.Problem{Type: httpapi.TypePermissionNotGranted, Title: "Permission not granted",
		Status: http.StatusForbidden, Action: httpapi.ActionReconsent,
		Detail: "This consent does not grant " + list + ", which this data needs: create a new consent (POST /consents) with it.",
		Errors: []httpapi.FieldError{{Field: "permissions", Message: "needs " + list}}}
}
