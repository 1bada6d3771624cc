package aisread

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/oblinks"
)

func TestPath(t *testing.T) {
	for _, tc := range []struct {
		r         Resource
		want      string
		perAcct   bool
		params    []string
		stepUp403 bool
	}{
		{Accounts, "/apis/retail/open-banking/v3.1/aisp/accounts", false, []string{"page"}, false},
		{Account, "/apis/retail/open-banking/v3.1/aisp/accounts/a-1", true, []string{"page"}, false},
		{Balances, "/apis/retail/open-banking/v3.1/aisp/accounts/a-1/balances", true, []string{"page"}, false},
		{Transactions, "/apis/retail/open-banking/v3.1/aisp/accounts/a-1/transactions", true,
			[]string{"page", "fromBookingDateTime", "toBookingDateTime"}, true},
		{DirectDebits, "/apis/retail/open-banking/v3.1/aisp/accounts/a-1/direct-debits", true, []string{"page"}, true},
		{StandingOrders, "/apis/retail/open-banking/v3.1/aisp/accounts/a-1/standing-orders", true, []string{"page"}, true},
		{ScheduledPayments, "/apis/retail/open-banking/v3.1/aisp/accounts/a-1/scheduled-payments", true, []string{"page"}, true},
	} {
		if got := tc.r.Path("a-1"); got != tc.want {
			t.Errorf("path %s, want %s", got, tc.want)
		}
		if tc.r.PerAccount() != tc.perAcct || !slices.Equal(tc.r.Params(), tc.params) || tc.r.StepUpRefusal() != tc.stepUp403 {
			t.Errorf("%s: perAccount %v params %v stepUpRefusal %v", tc.want, tc.r.PerAccount(), tc.r.Params(), tc.r.StepUpRefusal())
		}
	}
}

func TestQuery(t *testing.T) {
	now := time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)
	day := func(d int) string { return now.AddDate(0, 0, d).Format(DateLayout) }
	page := func(q url.Values) string { return oblinks.EncodePage(q) }
	for _, tc := range []struct {
		name   string
		r      Resource
		q      url.Values
		bank   url.Values
		stepUp bool
		reason string
		fields []string
	}{
		{"none", Transactions, url.Values{}, nil, false, "", nil},
		{"recent window", Transactions, url.Values{ParamFrom: {day(-30)}, ParamTo: {day(-1)}},
			url.Values{ParamFrom: {day(-30)}, ParamTo: {day(-1)}}, false, "", nil},
		{"older than 90 days needs step-up", Transactions, url.Values{ParamFrom: {day(-120)}},
			url.Values{ParamFrom: {day(-120)}}, true, "", nil},
		{"always step-up", DirectDebits, url.Values{}, nil, true, "", nil},
		{"bad dates, sorted", Transactions, url.Values{ParamTo: {"x"}, ParamFrom: {"2026-01-01"}}, nil, false,
			"A date filter is invalid.", []string{ParamFrom, ParamTo}},
		{"older than 13 months", Transactions, url.Values{ParamFrom: {day(-500)}}, nil, false,
			"A date filter is invalid.", []string{ParamFrom}},
		{"reversed window", Transactions, url.Values{ParamFrom: {day(-2)}, ParamTo: {day(-5)}}, nil, false,
			"A date filter is invalid.", []string{ParamTo}},
		{"page alone", Transactions, url.Values{ParamPage: {page(url.Values{"page": {"2"}, ParamFrom: {day(-120)}})}},
			url.Values{"page": {"2"}, ParamFrom: {day(-120)}}, true, "", nil},
		{"page with a filter", Transactions, url.Values{ParamPage: {page(url.Values{"page": {"2"}})}, ParamFrom: {day(-1)}}, nil, false,
			"page carries the filters of the listing: send it alone.", []string{ParamPage}},
		{"page not issued", Balances, url.Values{ParamPage: {"!!"}}, nil, false,
			"The page token is not one this route issued.", []string{ParamPage}},
		{"page with a filter the route does not take", Balances, url.Values{ParamPage: {page(url.Values{ParamFrom: {day(-1)}})}}, nil, false,
			"The page token is not one this route issued.", []string{ParamPage}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bank, stepUp, qe := tc.r.Query(tc.q, now)
			if qe != nil {
				var fields []string
				for _, f := range qe.Fields {
					fields = append(fields, f.Field)
				}
				if qe.Reason != tc.reason || !slices.Equal(fields, tc.fields) {
					t.Fatalf("refused %q %v, want %q %v", qe.Reason, fields, tc.reason, tc.fields)
				}
				return
			}
			if tc.reason != "" {
				t.Fatalf("accepted, want %q", tc.reason)
			}
			if bank.Encode() != tc.bank.Encode() || (bank == nil) != (tc.bank == nil) || stepUp != tc.stepUp {
				t.Errorf("bank query %v step-up %v, want %v %v", bank, stepUp, tc.bank, tc.stepUp)
			}
		})
	}
}
