package main

import (
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/aisread"
	"github.com/coop-ob/connector/shared/banklimits"
	"github.com/coop-ob/connector/shared/httpapi"
)

// A transactions window the bank always refuses (older than 13 months, not
// before the UK's today, from after to) is a 400 naming the parameter, with
// no bank call and nothing written: never a step-up, which the customer
// would complete only for the bank to refuse the window anyway.
func TestTransactionsWindowRefusedBeforeStepUp(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	plain := f.aisConsent(owner, false)
	stepped := f.aisConsent(owner, true)
	today := banklimits.Today(f.env.Bank.Now())
	oldest := today.AddDate(0, -banklimits.HistoryMonths, 0)
	q := func(from, to time.Time) string {
		s := ""
		if !from.IsZero() {
			s = aisread.ParamFrom + "=" + from.Format(aisread.DateLayout)
		}
		if !to.IsZero() {
			if s != "" {
				s += "&"
			}
			s += aisread.ParamTo + "=" + to.Format(aisread.DateLayout)
		}
		return s
	}
	tests := []struct {
		name   string
		query  string
		fields []string
	}{
		{"from older than 13 months", q(oldest.Add(-time.Second), time.Time{}), []string{aisread.ParamFrom}},
		{"from and to older than 13 months", q(oldest.AddDate(0, -1, 0), oldest.Add(-time.Hour)), []string{aisread.ParamFrom, aisread.ParamTo}},
		{"from today", q(today, time.Time{}), []string{aisread.ParamFrom}},
		{"to today", q(today.AddDate(0, 0, -3), today.Add(time.Hour)), []string{aisread.ParamTo}},
		{"to in the future", q(today.AddDate(0, 0, -3), today.AddDate(0, 0, 5)), []string{aisread.ParamTo}},
		{"from after to", q(today.AddDate(0, 0, -3), today.AddDate(0, 0, -4)), []string{aisread.ParamTo}},
	}
	for _, c := range []struct {
		name  string
		id    string
		owner string
	}{{"without step-up", plain.ID, plain.Owner}, {"with step-up", stepped.ID, stepped.Owner}} {
		for _, tt := range tests {
			t.Run(c.name+"/"+tt.name, func(t *testing.T) {
				before := f.consent(c.id)
				f.env.Bank.ResetRequests()
				resp := f.call(aisGet(before, "/transactions", "1001", tt.query))
				p := wantProblem(t, resp, http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
				var fields []string
				for _, e := range p.Errors {
					fields = append(fields, e.Field)
				}
				if diff := cmp.Diff(tt.fields, fields); diff != "" {
					t.Errorf("fields (-want +got):\n%s", diff)
				}
				if n := len(f.env.Bank.Requests()); n != 0 {
					t.Errorf("%d bank requests, want 0", n)
				}
				if got := f.consent(c.id); got.Version != before.Version || got.LastAction != before.LastAction {
					t.Errorf("consent written: version %d → %d, action %q → %q", before.Version, got.Version, before.LastAction, got.LastAction)
				}
			})
		}
	}
	// The oldest date the bank accepts is accepted, with step-up.
	wantOK(t, f.call(aisGet(stepped, "/transactions", "1001", q(oldest, time.Time{}))), http.StatusOK)
	// Without step-up it asks for one: the bank would answer it after the code.
	wantProblem(t, f.call(aisGet(plain, "/transactions", "1001", q(oldest, time.Time{}))), http.StatusForbidden,
		httpapi.TypeStepUpRequired, httpapi.ActionStepUp)
}
