package consent

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestOpenAuthSession: the first browser to open a journey is recorded (its hash and the
// time); a second one is refused with ErrSessionOpened and the first's hash; the same hash
// again (a retried write) succeeds; a used or expired session is not opened.
func TestOpenAuthSession(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	a := newSession(t, s, clk, "open1")
	got, err := s.OpenAuthSession(ctx, a.StateHash, "hash-a")
	if err != nil || got.BrowserHash != "hash-a" || got.OpenedAt.IsZero() || got.Status != SessionPending {
		t.Fatalf("first open: %+v %v", got, err)
	}
	if got, err := s.OpenAuthSession(ctx, a.StateHash, "hash-a"); err != nil || got.BrowserHash != "hash-a" {
		t.Errorf("the same browser's write again: %+v %v", got, err)
	}
	got, err = s.OpenAuthSession(ctx, a.StateHash, "hash-b")
	if !errors.Is(err, ErrSessionOpened) || got == nil || got.BrowserHash != "hash-a" {
		t.Errorf("second browser: %+v %v, want ErrSessionOpened with the first's hash", got, err)
	}
	if _, err := s.OpenAuthSession(ctx, HashState("nope"), "h"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown: %v", err)
	}
	used := newSession(t, s, clk, "open2")
	if _, err := s.ClaimAuthSession(ctx, used.StateHash); err != nil {
		t.Fatal(err)
	}
	if _, err := s.OpenAuthSession(ctx, used.StateHash, "h"); !errors.Is(err, ErrSessionUsed) {
		t.Errorf("used: %v, want ErrSessionUsed", err)
	}
	late := newSession(t, s, clk, "open3")
	clk.Advance(11 * time.Minute)
	if _, err := s.OpenAuthSession(ctx, late.StateHash, "h"); !errors.Is(err, ErrSessionExpired) {
		t.Errorf("expired: %v, want ErrSessionExpired", err)
	}
}
