package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/aisread"
	"github.com/coop-ob/connector/shared/httpapi"
)

// A route whose permission the consent lacks is 403 permission-not-granted,
// action reconsent, with no bank call, no step-up journey and the consent
// unchanged, whether or not it holds step-up. With the permission, the
// step-up rule applies as before.
func TestPermissionNotGranted(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	perms := []string{"ReadAccountsBasic", "ReadDirectDebits"}
	plain := f.aisConsentWith(owner, perms, false)
	stepped := f.aisConsentWith(owner, perms, true)
	old := f.env.Bank.Now().AddDate(0, 0, -120).Format(aisread.DateLayout)
	tests := []struct {
		suffix, query, need string
	}{
		{"/balances", "", "ReadBalances"},
		{"/transactions", "", "ReadTransactionsBasic or ReadTransactionsDetail"},
		{"/transactions", "fromBookingDateTime=" + old, "ReadTransactionsBasic or ReadTransactionsDetail"},
		{"/standing-orders", "", "ReadStandingOrdersBasic or ReadStandingOrdersDetail"},
		{"/scheduled-payments", "", "ReadScheduledPaymentsBasic or ReadScheduledPaymentsDetail"},
	}
	before := map[string]any{plain.ID: f.consent(plain.ID), stepped.ID: f.consent(stepped.ID)}
	f.env.Bank.ResetRequests()
	for _, c := range []string{plain.ID, stepped.ID} {
		for _, tt := range tests {
			resp := f.call(aisGet(f.consent(c), tt.suffix, "1001", tt.query))
			p := wantProblem(t, resp, http.StatusForbidden, httpapi.TypePermissionNotGranted, httpapi.ActionReconsent)
			if p.AuthorizationURL != "" || !strings.Contains(p.Detail, tt.need) ||
				!cmp.Equal(p.Errors, []httpapi.FieldError{{Field: "permissions", Message: "needs " + tt.need}}) {
				t.Errorf("%s %s: problem %+v, want no URL and %s named", tt.suffix, tt.query, p, tt.need)
			}
		}
	}
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests for routes the consent does not cover, want 0", n)
	}
	for id, was := range before {
		if diff := cmp.Diff(was, f.consent(id)); diff != "" {
			t.Errorf("consent %s changed (-before +after):\n%s", id, diff)
		}
	}

	// The permission held: without step-up, step-up as before; with it, the data.
	wantProblem(t, f.call(aisGet(plain, "/direct-debits", "1001", "")), http.StatusForbidden, httpapi.TypeStepUpRequired, httpapi.ActionStepUp)
	wantOK(t, f.call(aisGet(stepped, "/direct-debits", "1001", "")), http.StatusOK)
	wantOK(t, f.call(aisGet(plain, "", "", "")), http.StatusOK)
	wantOK(t, f.call(aisGet(plain, "", "1001", "")), http.StatusOK)

	// Either permission of a Basic/Detail pair grants the route: the Detail
	// ones are held by TestStepUp's consent, the Basic ones here.
	basic := f.aisConsentWith(owner, []string{"ReadAccountsBasic", "ReadTransactionsBasic", "ReadTransactionsCredits",
		"ReadTransactionsDebits", "ReadStandingOrdersBasic", "ReadScheduledPaymentsBasic"}, true)
	for _, tt := range tests[1:] {
		wantOK(t, f.call(aisGet(basic, tt.suffix, "1001", tt.query)), http.StatusOK)
	}
}
