package banklimits

import (
	"encoding/json"
	"os"
	"testing"
	"time"
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
	c := NewCalendar()
	for _, tt := range tests {
		d, _ := ParseDate(tt.date)
		if got := c.IsBankHoliday(d); got != tt.want {
			t.Errorf("IsBankHoliday(%s) = %v, want %v", tt.date, got, tt.want)
		}
	}
}

// TestOneOffHolidays: the holidays proclaimed for one year only, and the regular ones they
// replaced. The 2022 state funeral is not in rickar/cal's gb package: the Calendar adds it.
func TestOneOffHolidays(t *testing.T) {
	t.Parallel()
	tests := []struct {
		date string
		want bool
	}{
		{"2020-05-08", true}, {"2020-05-04", false}, // VE Day 75 replaced the early May Monday
		{"2022-06-02", true}, {"2022-06-03", true}, {"2022-05-30", false}, // Spring holiday moved; Platinum Jubilee
		{"2022-09-19", true}, // State Funeral of Queen Elizabeth II
		{"2023-05-08", true}, // Coronation of King Charles III
		{"2021-09-20", false}, {"2023-09-19", false}, {"2024-05-08", false},
	}
	c := NewCalendar()
	for _, tt := range tests {
		d, _ := ParseDate(tt.date)
		if got := c.IsBankHoliday(d); got != tt.want {
			t.Errorf("IsBankHoliday(%s) = %v, want %v", tt.date, got, tt.want)
		}
	}
}

// govukList is the shape of GOV.UK's bank holidays feed (bank-holidays.json), one division.
type govukList map[string]struct {
	Division string `json:"division"`
	Events   []struct {
		Title string `json:"title"`
		Date  string `json:"date"`
	} `json:"events"`
}

// TestBankHolidaysMatchGOVUK: every day of 2026 and 2027 is a bank holiday exactly when GOV.UK's
// England-and-Wales list (testdata/bank-holidays.json, a copy of its feed's entries for those
// years) says so.
func TestBankHolidaysMatchGOVUK(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/bank-holidays.json")
	if err != nil {
		t.Fatal(err)
	}
	var list govukList
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	ew := list["england-and-wales"]
	official := map[string]string{}
	for _, e := range ew.Events {
		official[e.Date] = e.Title
	}
	if ew.Division != "england-and-wales" || len(official) != 16 {
		t.Fatalf("testdata: division %q with %d dates, want england-and-wales with 16", ew.Division, len(official))
	}
	c := NewCalendar()
	for d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2028; d = d.AddDate(0, 0, 1) {
		title, want := official[d.Format(time.DateOnly)]
		if got := c.IsBankHoliday(d); got != want {
			t.Errorf("%s (%s): IsBankHoliday = %v, GOV.UK says %v %s", d.Format(time.DateOnly), d.Weekday(), got, want, title)
		}
	}
}

func TestExtraNonWorkingDays(t *testing.T) {
	t.Parallel()
	extra := time.Date(2027, 6, 4, 0, 0, 0, 0, time.UTC) // a Friday
	plain, c := NewCalendar(), NewCalendar(extra)
	if !plain.IsWorkingDay(extra) {
		t.Fatal("2027-06-04 is a working day without extra days")
	}
	if c.IsWorkingDay(extra) || !c.IsBankHoliday(extra) {
		t.Error("an extra non-working day is still a working day")
	}
	if next := extra.AddDate(0, 0, 3); !c.IsWorkingDay(next) {
		t.Errorf("%s: the day after the weekend is not a working day", next.Format(time.DateOnly))
	}
	now := time.Date(2027, 5, 1, 12, 0, 0, 0, time.UTC)
	if _, err := c.ExecutionDate("2027-06-04", now); err == nil || err.Error() != "must not be a bank holiday" {
		t.Errorf("ExecutionDate on an extra day: %v", err)
	}
	if _, err := plain.ExecutionDate("2027-06-04", now); err != nil {
		t.Errorf("ExecutionDate without extra days: %v", err)
	}
}

func TestIsWorkingDay(t *testing.T) {
	t.Parallel()
	c := NewCalendar()
	for date, want := range map[string]bool{
		"2026-06-05": true, "2026-06-06": false, "2026-06-07": false, "2026-12-28": false, "2026-12-29": true,
	} {
		d, _ := ParseDate(date)
		if got := c.IsWorkingDay(d); got != want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", date, got, want)
		}
	}
}
