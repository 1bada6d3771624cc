package main

import (
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

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
	today := ukToday(f.env.Bank.Now())
	oldest := today.AddDate(0, -historyMonths, 0)
	q := func(from, to time.Time) string {
		s := ""
		if !from.IsZero() {
			s = paramFrom + "=" + from.Format(queryDateLayout)
		}
		if !to.IsZero() {
			if s != "" {
				s += "&"
			}
			s += paramTo + "=" + to.Format(queryDateLayout)
		}
		return s
	}
	tests := []struct {
		name   string
		query  string
		fields []string
	}{
		{"from older than 13 months", q(oldest.Add(-time.Second), time.Time{}), []string{paramFrom}},
		{"from and to older than 13 months", q(oldest.AddDate(0, -1, 0), oldest.Add(-time.Hour)), []string{paramFrom, paramTo}},
		{"from today", q(today, time.Time{}), []string{paramFrom}},
		{"to today", q(today.AddDate(0, 0, -3), today.Add(time.Hour)), []string{paramTo}},
		{"to in the future", q(today.AddDate(0, 0, -3), today.AddDate(0, 0, 5)), []string{paramTo}},
		{"from after to", q(today.AddDate(0, 0, -3), today.AddDate(0, 0, -4)), []string{paramTo}},
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

// The window rules read "today" on the UK calendar: query dates carry no
// zone and the bank reads them as UK dates.
func TestWindowErrorsUKDate(t *testing.T) {
	t.Parallel()
	date := func(s string) time.Time {
		d, err := time.Parse(queryDateLayout, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	summer := time.Date(2026, 7, 10, 23, 30, 0, 0, time.UTC) // 00:30 on 11 July in London
	winter := time.Date(2026, 12, 6, 23, 30, 0, 0, time.UTC) // 23:30 on 6 December in London
	tests := []struct {
		name     string
		now      time.Time
		from, to string
		want     []string // fields refused
	}{
		{"summer: the UTC date is the UK's yesterday", summer, "2026-07-10T10:00:00", "2026-07-10T23:59:59", nil},
		{"summer: the UK's today", summer, "2026-07-11T00:10:00", "", []string{paramFrom}},
		{"winter: the UK's today", winter, "2026-12-06T10:00:00", "", []string{paramFrom}},
		{"winter: yesterday", winter, "2026-12-05T10:00:00", "", nil},
		{"13 months to the UK day", summer, "2025-06-11T00:00:00", "", nil},
		{"a second more", summer, "2025-06-10T23:59:59", "", []string{paramFrom}},
		{"to before from", winter, "2026-12-02T00:00:00", "2026-12-01T00:00:00", []string{paramTo}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var from, to time.Time
			if tt.from != "" {
				from = date(tt.from)
			}
			if tt.to != "" {
				to = date(tt.to)
			}
			var got []string
			for _, e := range windowErrors(from, to, tt.now) {
				got = append(got, e.Field)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("refused fields (-want +got):\n%s", diff)
			}
		})
	}
}
