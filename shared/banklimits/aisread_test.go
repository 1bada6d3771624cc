package banklimits

import (
	"slices"
	"testing"
)

// Each read needs one of its permissions, every one the bank serves; only
// direct debits, standing orders and scheduled payments always need step-up.
func TestAISReadOf(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		resource string
		held     []string
		granted  bool
		stepUp   bool
	}{
		{"accounts", []string{"ReadAccountsBasic"}, true, false},
		{"accounts", []string{"ReadBalances"}, false, false},
		{"balances", []string{"ReadAccountsDetail", "ReadBalances"}, true, false},
		{"transactions", []string{"ReadTransactionsCredits"}, false, false},
		{"transactions", []string{"ReadTransactionsDetail"}, true, false},
		{"direct-debits", []string{"ReadDirectDebits"}, true, true},
		{"standing-orders", []string{"ReadStandingOrdersBasic"}, true, true},
		{"scheduled-payments", []string{"ReadScheduledPaymentsDetail"}, true, true},
		{"statements", supportedPermissions, false, false},
	} {
		r := AISReadOf(tt.resource)
		if r.Granted(tt.held) != tt.granted || r.StepUp != tt.stepUp {
			t.Errorf("%s with %v: granted %v step-up %v, want %v %v", tt.resource, tt.held, r.Granted(tt.held), r.StepUp, tt.granted, tt.stepUp)
		}
		for _, p := range r.Permissions {
			if !slices.Contains(supportedPermissions, p) {
				t.Errorf("%s needs %s, which the bank does not serve", tt.resource, p)
			}
		}
	}
}
