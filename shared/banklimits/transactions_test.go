package banklimits

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The booking-window rules read "today" on the UK calendar: query dates carry no
// zone and the bank reads them as UK dates.
func TestBookingWindowUKDate(t *testing.T) {
	t.Parallel()
	date := func(s string) time.Time {
		d, err := time.Parse("2006-01-02T15:04:05", s)
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
		{"summer: the UK's today", summer, "2026-07-11T00:10:00", "", []string{"from"}},
		{"winter: the UK's today", winter, "2026-12-06T10:00:00", "", []string{"from"}},
		{"winter: yesterday", winter, "2026-12-05T10:00:00", "", nil},
		{"13 months to the UK day", summer, "2025-06-11T00:00:00", "", nil},
		{"a second more", summer, "2025-06-10T23:59:59", "", []string{"from"}},
		{"to before from", winter, "2026-12-02T00:00:00", "2026-12-01T00:00:00", []string{"to"}},
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
			fromErr, toErr := BookingWindow(from, to, tt.now)
			if fromErr != nil {
				got = append(got, "from")
			}
			if toErr != nil {
				got = append(got, "to")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("refused fields (-want +got):\n%s", diff)
			}
		})
	}
}

// The order rule of a window: a consent's window and a read's booking dates
// may not end before they start; equal ends are a window.
func TestWindowOrder(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
	day := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	if err := TransactionWindow(now, now); err != nil {
		t.Errorf("an empty window: %v", err)
	}
	if err := TransactionWindow(now, now.Add(-time.Second)); err == nil {
		t.Error("a reversed window is accepted")
	}
	if f, to := BookingWindow(day, day, now); f != nil || to != nil {
		t.Errorf("an empty booking window: %v, %v", f, to)
	}
	if f, to := BookingWindow(day, day.Add(-time.Second), now); f != nil || to == nil {
		t.Errorf("a reversed booking window: %v, %v; want to refused", f, to)
	}
}

// Step-up starts 90 days before the UK's today, on the UK calendar.
func TestStepUpHorizon(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 7, 10, 23, 30, 0, 0, time.UTC) // 11 July in London
	if got, want := StepUpHorizon(now), time.Date(2026, 4, 12, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("StepUpHorizon = %v, want %v", got, want)
	}
}
