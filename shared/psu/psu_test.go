package psu

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The auth-date forms the header allows pass; RFC 3339 look-alikes Go's
// parser takes but RFC 3339 does not, and years outside 2000-2099, do not.
func TestParseAuthDate(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"2025-01-01T00:00:00+23:59", "2025-01-01T00:00:00.25Z", "Wed, 01 Jan 2025 00:00:00 GMT"} {
		if _, err := ParseAuthDate(v); err != nil {
			t.Errorf("ParseAuthDate(%q): %v", v, err)
		}
	}
	for _, v := range []string{"2025-01-01T00:00:00+24:00", "2025-01-01T00:00:00+23:60", "1999-12-31T23:59:59Z",
		"2025-01-01t00:00:00z", "Fri, 31 Dec 1999 23:59:59 GMT"} {
		if _, err := ParseAuthDate(v); err == nil {
			t.Errorf("ParseAuthDate(%q) accepted", v)
		}
	}
}

func TestRead(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		headers map[string]string
		want    Present
		fields  []string
	}{
		{"none", nil, Present{}, nil},
		{"both", map[string]string{HeaderIP: " ::ffff:192.0.2.1 ", HeaderAuthDate: "2026-06-10T11:00:00Z"},
			Present{IP: "192.0.2.1", AuthDate: now.Add(-time.Hour)}, nil},
		{"a zone", map[string]string{HeaderIP: "fe80::1%eth0"}, Present{}, []string{HeaderIP}},
		{"not an address", map[string]string{HeaderIP: "host"}, Present{}, []string{HeaderIP}},
		{"in the future", map[string]string{HeaderAuthDate: "2026-06-10T12:06:00Z"}, Present{}, []string{HeaderAuthDate}},
		{"within the clock slack", map[string]string{HeaderAuthDate: "2026-06-10T12:04:00Z"},
			Present{AuthDate: now.Add(4 * time.Minute)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, errs := Read(func(n string) (string, bool) { v, ok := tt.headers[n]; return v, ok }, now)
			var fields []string
			for _, e := range errs {
				fields = append(fields, e.Field)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Present (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.fields, fields); diff != "" {
				t.Errorf("refused (-want +got):\n%s", diff)
			}
		})
	}
}
