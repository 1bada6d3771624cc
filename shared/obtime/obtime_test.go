package obtime

import (
	"errors"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // the instant in UTC, RFC3339Nano; "" when refused
		err  error
	}{
		{"2026-12-31T00:00:00+00:00", "2026-12-31T00:00:00Z", nil},
		{"2026-12-31T00:00:00Z", "2026-12-31T00:00:00Z", nil},
		{"2026-12-31T00:00:00-00:00", "2026-12-31T00:00:00Z", nil},
		{"2026-06-30T12:00:00+23:59", "2026-06-29T12:01:00Z", nil},
		{"2026-06-30T12:00:00-23:59", "2026-07-01T11:59:00Z", nil},
		{"2026-06-30T12:00:00+14:00", "2026-06-29T22:00:00Z", nil},
		{"2026-06-30T12:00:00.5Z", "2026-06-30T12:00:00.5Z", nil},
		{"2026-06-30T12:00:00.123456789+01:00", "2026-06-30T11:00:00.123456789Z", nil},
		{"2000-01-01T00:00:00Z", "2000-01-01T00:00:00Z", nil},
		{"2099-12-31T23:59:59Z", "2099-12-31T23:59:59Z", nil},
		{"2099-12-31T23:00:00-05:00", "2100-01-01T04:00:00Z", nil}, // the year is checked as written
		{"2028-02-29T00:00:00Z", "2028-02-29T00:00:00Z", nil},

		// Offsets Go's time.Parse takes and RFC 3339 does not.
		{"2026-12-31T00:00:00+24:00", "", ErrOffset},
		{"2026-12-31T00:00:00+23:60", "", ErrOffset},
		{"2026-12-31T00:00:00-24:00", "", ErrOffset},
		{"2026-12-31T00:00:00+24:59", "", ErrOffset},
		{"2026-12-31T00:00:00+99:99", "", ErrOffset},
		// Years.
		{"1999-12-31T23:59:59Z", "", ErrYear},
		{"2100-01-01T00:00:00Z", "", ErrYear},
		{"0000-01-01T00:00:00Z", "", ErrYear},
		{"9999-12-31T23:59:59+00:00", "", ErrYear},
		// Shapes.
		{"2026-12-31t00:00:00Z", "", ErrFormat},
		{"2026-12-31T00:00:00z", "", ErrFormat},
		{"2026-12-31 00:00:00Z", "", ErrFormat},
		{"2026-12-31T00:00:00,5Z", "", ErrFormat}, // Go takes a comma
		{"2026-12-31T00:00:00.Z", "", ErrFormat},
		{"2026-12-31T00:00:00.1234567890Z", "", ErrFormat},
		{"2026-12-31T00:00:00", "", ErrFormat},
		{"2026-12-31T00:00:00+0100", "", ErrFormat},
		{"2026-12-31T00:00:00+01", "", ErrFormat},
		{"2026-12-31T00:00Z", "", ErrFormat},
		{"2026-12-31", "", ErrFormat},
		{"+2026-12-31T00:00:00Z", "", ErrFormat},
		{"2026-12-31T00:00:00Z ", "", ErrFormat},
		{" 2026-12-31T00:00:00Z", "", ErrFormat},
		{"２026-12-31T00:00:00Z", "", ErrFormat},
		{"", "", ErrFormat},
		// Ranges time.Parse checks.
		{"2026-13-01T00:00:00Z", "", ErrFormat},
		{"2026-02-29T00:00:00Z", "", ErrFormat},
		{"2026-04-31T00:00:00Z", "", ErrFormat},
		{"2026-12-31T24:00:00Z", "", ErrFormat},
		{"2026-12-31T23:60:00Z", "", ErrFormat},
		{"2026-12-31T23:59:60Z", "", ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Parse(%q) error %v, want %v", tt.in, err, tt.err)
			}
			if err != nil {
				if !got.IsZero() {
					t.Errorf("Parse(%q) = %v with an error", tt.in, got)
				}
				return
			}
			if s := got.UTC().Format(time.RFC3339Nano); s != tt.want {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, s, tt.want)
			}
		})
	}
}

// TestParseKeepsOffset: the value is sent on in the offset the app wrote.
func TestParseKeepsOffset(t *testing.T) {
	t.Parallel()
	got, err := Parse("2026-06-30T12:00:00-05:30")
	if err != nil {
		t.Fatal(err)
	}
	if s := got.Format("2006-01-02T15:04:05-07:00"); s != "2026-06-30T12:00:00-05:30" {
		t.Errorf("formatted %s", s)
	}
}

func TestCheckYear(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		t    time.Time
		want error
	}{
		{time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC), ErrYear},
		{time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), nil},
		{time.Date(2099, 12, 31, 23, 59, 59, 0, time.UTC), nil},
		{time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), ErrYear},
	} {
		if err := CheckYear(tt.t); !errors.Is(err, tt.want) {
			t.Errorf("CheckYear(%v) = %v, want %v", tt.t, err, tt.want)
		}
	}
}
