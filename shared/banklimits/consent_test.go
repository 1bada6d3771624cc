package banklimits

import (
	"testing"
	"time"
)

func TestExpiry(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
	if err := Expiry(now.Add(time.Second), now); err != nil {
		t.Errorf("Expiry a second ahead: %v", err)
	}
	for _, e := range []time.Time{now, now.Add(-time.Hour)} {
		if err := Expiry(e, now); err == nil {
			t.Errorf("Expiry(%v) = nil, want an error", e)
		}
	}
}
