package banklimits

import (
	"testing"
	"time"
)

func TestToday(t *testing.T) {
	t.Parallel()
	// 23:30 UTC in summer is already tomorrow in London: "today" is London's.
	now := time.Date(2026, 6, 10, 23, 30, 0, 0, time.UTC)
	if got := Today(now).Format(time.DateOnly); got != "2026-06-11" {
		t.Errorf("Today = %s, want 2026-06-11", got)
	}
}

func TestExecutionDate(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC) // a Wednesday
	c := NewCalendar()
	tests := []struct{ date, err string }{
		{"2026-06-11", ""},
		{"2028-06-09", ""}, // a Friday two years ahead less a day
		{"2026-6-11", "must be a date YYYY-MM-DD"},
		{"2026-06-10", "must be after today"},
		{"2026-06-01", "must be after today"},
		{"2028-06-12", "must be at most 2 years ahead"},
		{"2026-06-13", "must not be a Saturday or Sunday"},
		{"2026-08-31", "must not be a bank holiday"},
	}
	for _, tt := range tests {
		d, err := c.ExecutionDate(tt.date, now)
		switch {
		case tt.err == "" && (err != nil || d.Format(time.DateOnly) != tt.date):
			t.Errorf("ExecutionDate(%s) = %v, %v; want the date", tt.date, d, err)
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("ExecutionDate(%s) error %v, want %q", tt.date, err, tt.err)
		}
	}
	if got := LastExecutionDate(now).Format(time.DateOnly); got != "2028-06-10" {
		t.Errorf("LastExecutionDate = %s, want 2028-06-10", got)
	}
}

func TestFirstPaymentDate(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 6, 10, 23, 30, 0, 0, time.UTC) // already the 11th in London
	for date, want := range map[string]string{
		"2026-06-12": "", "2026-06-13": "", // a weekend is the bank's to move
		"2026-06-11": "must be after today", "12/06/2026": "must be a date YYYY-MM-DD",
	} {
		_, err := FirstPaymentDate(date, now)
		if got := errText(err); got != want {
			t.Errorf("FirstPaymentDate(%s) = %q, want %q", date, got, want)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
