package deploy

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLeastPrivilege pins each function's DynamoDB grant to the store operations its code
// reaches (shared/consent methods, listed beside each), so that a widened grant is a reviewed
// change. TransactWriteItems needs no action of its own: AWS authorises each item's
// Put/Update/Delete. The local stack enforces the same grants on every DynamoDB call
// (dev/stack), so a missing action fails the end-to-end tests as it would fail in AWS.
func TestLeastPrivilege(t *testing.T) {
	t.Parallel()
	want := map[string]struct {
		actions []string
		index   bool // may read the table's GSIs
	}{
		// Get/GetForOwner, GetCreateKey; Put: CreateConsent, UpdateConsent, CreateAuthSession,
		// ClaimCreateKey, FinishCreateKey; Delete: DeleteTokens (revoke), ReleaseCreateKey;
		// Query: ListConsents on the owner index.
		"ConsentsFunction": {[]string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"}, true},
		// Update: ClaimAuthSession, MarkExchangePending, FinishExchange; Put + Update:
		// AuthoriseWithTokens; Put: UpdateConsent; Put + Delete: UpdateConsent of an ended consent.
		"CallbackFunction": {[]string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"}, false},
		// Query: DueForRefresh, PendingExchanges (refresh index); Update: leases, SaveRefreshed,
		// ClaimExchange; Put + Update: AuthoriseWithTokens; Put: UpdateConsent; Put + Delete:
		// UpdateConsent of an ended consent; Delete: DeleteAccounts.
		"TokensFunction": {[]string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"}, true},
		// Put: CreatePayment, UpdatePayment, UpdateConsent, CreateAuthSession; Update: leases,
		// SaveRefreshed, TouchTokens, ClearRefreshDue; Put + Delete: UpdateConsent of an ended consent.
		"ProxyFunction": {[]string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"}, false},
	}
	tpl := loadTemplate(t)
	for name := range tpl.functions(t) {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: no expected grant; add one here", name)
			continue
		}
		var fn generic
		tpl.resource(t, name, &fn)
		policies, _ := fn.Properties["Policies"].([]any)
		var actions []string
		index := false
		for _, p := range policies {
			stmts, _ := dig(p, "Statement").([]any)
			for _, s := range stmts {
				for _, a := range list(dig(s, "Action")) {
					if strings.HasPrefix(a, "dynamodb:") {
						actions = append(actions, a)
						for _, r := range list(dig(s, "Resource")) {
							index = index || strings.Contains(r, "/index/")
						}
					}
				}
			}
		}
		slices.Sort(actions)
		if diff := cmp.Diff(w.actions, actions); diff != "" {
			t.Errorf("%s DynamoDB actions (-want +got):\n%s", name, diff)
		}
		if index != w.index {
			t.Errorf("%s: index access %v, want %v", name, index, w.index)
		}
	}
}
