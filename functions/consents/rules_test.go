package main

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestBankHolidays(t *testing.T) {
	t.Parallel()
	tests := []struct {
		date string
		want bool
	}{
		{"2026-01-01", true}, {"2026-04-03", true}, {"2026-04-06", true}, {"2026-05-04", true},
		{"2026-05-25", true}, {"2026-08-31", true}, {"2026-12-25", true}, {"2026-12-28", true}, // Boxing Day on Saturday → Monday 28th
		{"2027-12-27", true}, {"2027-12-28", true}, // Christmas on Saturday → 27th and 28th
		{"2022-01-03", true},                                                                      // New Year's Day on Saturday → Monday 3rd
		{"2026-04-02", false}, {"2026-12-29", false}, {"2026-05-11", false}, {"2027-03-26", true}, // Good Friday 2027
	}
	for _, tt := range tests {
		d, _ := parseDate(tt.date)
		if got := isBankHoliday(d); got != tt.want {
			t.Errorf("isBankHoliday(%s) = %v, want %v", tt.date, got, tt.want)
		}
	}
}

func TestToday(t *testing.T) {
	t.Parallel()
	// 23:30 UTC in summer is already tomorrow in London: "today" is London's.
	now := time.Date(2026, 6, 10, 23, 30, 0, 0, time.UTC)
	if got := today(now).Format(time.DateOnly); got != "2026-06-11" {
		t.Errorf("today = %s, want 2026-06-11", got)
	}
}

func TestPermissions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     []string
		want   []string
		errors int
	}{
		{"default", nil, defaultPermissions, 0},
		{"detail adds directions", []string{"ReadAccountsBasic", "ReadTransactionsDetail"},
			[]string{"ReadAccountsBasic", "ReadTransactionsDetail", "ReadTransactionsCredits", "ReadTransactionsDebits"}, 0},
		{"duplicates dropped", []string{"ReadAccountsBasic", "ReadAccountsBasic"}, []string{"ReadAccountsBasic"}, 0},
		{"debits only", []string{"ReadAccountsBasic", "ReadTransactionsBasic", "ReadTransactionsDebits"},
			[]string{"ReadAccountsBasic", "ReadTransactionsBasic", "ReadTransactionsDebits"}, 0},
		{"party refused", []string{"ReadAccountsBasic", "ReadParty", "ReadPAN"}, nil, 2},
	}
	for _, tt := range tests {
		var f fieldErrors
		got := permissions(&f, tt.in)
		if len(f) != tt.errors {
			t.Errorf("%s: errors %v", tt.name, f)
		}
		if tt.errors == 0 {
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.name, diff)
			}
		}
	}
}

func TestMarshalKeepsAmpersand(t *testing.T) {
	t.Parallel()
	b, err := marshal(map[string]string{"Name": "A&B <Ltd>"})
	if err != nil || string(b) != `{"Name":"A&B <Ltd>"}` {
		t.Errorf("marshal = %s, %v", b, err)
	}
}
