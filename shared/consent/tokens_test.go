package consent

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func sampleTokens(id string, now time.Time) *Tokens {
	return &Tokens{
		ConsentID: id, Owner: "alice", AccessToken: "at-1", RefreshToken: "rt-1",
		AccessExpiresAt:  now.Add(30 * time.Minute).Truncate(time.Second),
		RefreshExpiresAt: now.Add(720 * time.Hour).Truncate(time.Second),
		Scope:            "accounts offline",
		RefreshDue:       now.Add(20 * time.Minute).Truncate(time.Second),
	}
}

func TestTokensRoundTrip(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	tok := sampleTokens("c1", clk.Now())
	if err := s.PutTokens(ctx, tok); err != nil {
		t.Fatalf("PutTokens: %v", err)
	}
	if tok.Version != 1 || tok.RefreshShard != refreshShardKey(s.Shard("c1")) {
		t.Errorf("after put: version %d shard %q", tok.Version, tok.RefreshShard)
	}
	got, err := s.GetTokens(ctx, "c1")
	if err != nil {
		t.Fatalf("GetTokens: %v", err)
	}
	if diff := cmp.Diff(tok, got); diff != "" {
		t.Errorf("GetTokens (-want +got):\n%s", diff)
	}

	// A new item must not replace existing tokens.
	if err := s.PutTokens(ctx, sampleTokens("c1", clk.Now())); !errors.Is(err, ErrConflict) {
		t.Errorf("PutTokens(version 0) over existing = %v, want ErrConflict", err)
	}
	stale := *got
	got.AccessToken = "at-2"
	if err := s.PutTokens(ctx, got); err != nil || got.Version != 2 {
		t.Fatalf("PutTokens(v1) = %v, version %d", err, got.Version)
	}
	stale.RefreshToken = "rt-stale"
	if err := s.PutTokens(ctx, &stale); !errors.Is(err, ErrConflict) {
		t.Errorf("stale PutTokens = %v, want ErrConflict", err)
	}
	if now, _ := s.GetTokens(ctx, "c1"); now.RefreshToken != "rt-1" || now.AccessToken != "at-2" {
		t.Errorf("stored tokens %q/%q, want at-2/rt-1", now.AccessToken, now.RefreshToken)
	}

	if err := s.DeleteTokens(ctx, "c1"); err != nil {
		t.Fatalf("DeleteTokens: %v", err)
	}
	if _, err := s.GetTokens(ctx, "c1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetTokens after delete = %v, want ErrNotFound", err)
	}
	if err := s.DeleteTokens(ctx, "c1"); err != nil {
		t.Errorf("DeleteTokens twice: %v", err)
	}
}

func TestAcquireLeaseExactlyOne(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	if err := s.PutTokens(ctx, sampleTokens("c1", clk.Now())); err != nil {
		t.Fatal(err)
	}
	const n = 10
	var wg sync.WaitGroup
	results := make([]error, n)
	for i := range n {
		wg.Go(func() {
			_, results[i] = s.AcquireLease(ctx, "c1", fmt.Sprintf("w%d", i), clk.Now().Add(time.Minute))
		})
	}
	wg.Wait()
	wins := 0
	for i, err := range results {
		switch {
		case err == nil:
			wins++
		case !errors.Is(err, ErrLeaseHeld):
			t.Errorf("worker %d: %v, want ErrLeaseHeld", i, err)
		}
	}
	if wins != 1 {
		t.Fatalf("%d workers acquired the lease, want 1", wins)
	}
	// Expired leases can be taken over.
	clk.Advance(2 * time.Minute)
	if _, err := s.AcquireLease(ctx, "c1", "late", clk.Now().Add(time.Minute)); err != nil {
		t.Errorf("acquire after expiry: %v", err)
	}
	if _, err := s.AcquireLease(ctx, "missing", "w", clk.Now().Add(time.Minute)); !errors.Is(err, ErrNotFound) {
		t.Errorf("acquire on missing tokens: %v, want ErrNotFound", err)
	}
}

func TestSaveRefreshed(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	if err := s.PutTokens(ctx, sampleTokens("c1", clk.Now())); err != nil {
		t.Fatal(err)
	}
	leased, err := s.AcquireLease(ctx, "c1", "w1", clk.Now().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if leased.LeaseHolder != "w1" || leased.Version != 1 {
		t.Fatalf("leased tokens: holder %q version %d", leased.LeaseHolder, leased.Version)
	}

	tests := []struct {
		name    string
		holder  string
		version int64
	}{
		{"wrong holder", "w2", 1},
		{"wrong version", "w1", 7},
	}
	for _, tt := range tests {
		bad := *leased
		bad.AccessToken, bad.RefreshToken, bad.Version = "at-bad", "rt-bad", tt.version
		if err := s.SaveRefreshed(ctx, &bad, tt.holder); !errors.Is(err, ErrConflict) {
			t.Errorf("%s: SaveRefreshed = %v, want ErrConflict", tt.name, err)
		}
		if got, _ := s.GetTokens(ctx, "c1"); got.RefreshToken != "rt-1" || got.LeaseHolder != "w1" {
			t.Errorf("%s: stored refresh token %q holder %q, want rt-1 w1", tt.name, got.RefreshToken, got.LeaseHolder)
		}
	}

	leased.AccessToken, leased.RefreshToken = "at-2", "rt-2"
	leased.RefreshDue = clk.Now().Add(50 * time.Minute).Truncate(time.Second)
	if err := s.SaveRefreshed(ctx, leased, "w1"); err != nil {
		t.Fatalf("SaveRefreshed: %v", err)
	}
	got, _ := s.GetTokens(ctx, "c1")
	if diff := cmp.Diff(leased, got); diff != "" {
		t.Errorf("after SaveRefreshed (-want +got):\n%s", diff)
	}
	if got.Version != 2 || got.LeaseHolder != "" || !got.LeaseUntil.IsZero() {
		t.Errorf("after SaveRefreshed: version %d lease %q/%v", got.Version, got.LeaseHolder, got.LeaseUntil)
	}
	// The lease is free again.
	if _, err := s.AcquireLease(ctx, "c1", "w3", clk.Now().Add(time.Minute)); err != nil {
		t.Errorf("acquire after save: %v", err)
	}
}

func TestReleaseLease(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	if err := s.PutTokens(ctx, sampleTokens("c1", clk.Now())); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AcquireLease(ctx, "c1", "w1", clk.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	next := clk.Now().Add(2 * time.Minute).Truncate(time.Second)
	if err := s.ReleaseLease(ctx, "c1", "w2", 1, next, next); !errors.Is(err, ErrLeaseHeld) {
		t.Errorf("release by non-holder = %v, want ErrLeaseHeld", err)
	}
	if err := s.ReleaseLease(ctx, "c1", "w1", 1, next, next); err != nil {
		t.Fatalf("ReleaseLease: %v", err)
	}
	got, _ := s.GetTokens(ctx, "c1")
	want := sampleTokens("c1", clk.Now())
	want.Version, want.Failures, want.NextAttemptAt, want.RefreshDue = 1, 1, next, next
	want.RefreshShard = refreshShardKey(s.Shard("c1"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after ReleaseLease (-want +got):\n%s", diff)
	}
}

func TestTouchTokens(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	if err := s.PutTokens(ctx, sampleTokens("c1", clk.Now())); err != nil {
		t.Fatal(err)
	}
	at := clk.Now().Add(time.Hour).Truncate(time.Second)
	if err := s.TouchTokens(ctx, "c1", at); err != nil {
		t.Fatalf("TouchTokens: %v", err)
	}
	got, _ := s.GetTokens(ctx, "c1")
	want := sampleTokens("c1", clk.Now())
	want.Version, want.UsedAt = 1, at
	want.RefreshShard = refreshShardKey(s.Shard("c1"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after TouchTokens (-want +got):\n%s", diff)
	}
	if err := s.TouchTokens(ctx, "missing", at); !errors.Is(err, ErrNotFound) {
		t.Errorf("TouchTokens(missing) = %v, want ErrNotFound", err)
	}
	if _, err := s.GetTokens(ctx, "missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("TouchTokens created an item: %v", err)
	}
}

// A touch between AcquireLease and SaveRefreshed is neither refused nor lost,
// and does not make the refresh fail.
func TestTouchDuringRefresh(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	tok := sampleTokens("c1", clk.Now())
	tok.UsedAt = clk.Now().Add(-time.Hour).Truncate(time.Second)
	if err := s.PutTokens(ctx, tok); err != nil {
		t.Fatal(err)
	}
	leased, err := s.AcquireLease(ctx, "c1", "w1", clk.Now().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	at := clk.Now().Truncate(time.Second)
	if err := s.TouchTokens(ctx, "c1", at); err != nil {
		t.Fatal(err)
	}
	leased.AccessToken, leased.RefreshToken = "at-2", "rt-2"
	if err := s.SaveRefreshed(ctx, leased, "w1"); err != nil {
		t.Fatalf("SaveRefreshed after a touch: %v", err)
	}
	got, _ := s.GetTokens(ctx, "c1")
	if !got.UsedAt.Equal(at) || got.RefreshToken != "rt-2" || got.Version != 2 {
		t.Errorf("stored usedAt %v refresh token %q version %d, want %v rt-2 2", got.UsedAt, got.RefreshToken, got.Version, at)
	}
	if diff := cmp.Diff(leased, got); diff != "" {
		t.Errorf("SaveRefreshed's result is not the stored item (-returned +stored):\n%s", diff)
	}
}
