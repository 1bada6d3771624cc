package consent

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// TestCreateKeyLifecycle: a key is claimed once; a second claim gets the
// record that holds it; only the holder finishes or releases it; a release
// frees it; an ended claim is taken over only by the same request; a record
// past its 24-hour TTL counts as absent.
func TestCreateKeyLifecycle(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	kh := HashCreateKey("alice", "order-1")
	if kh == HashCreateKey("bob", "order-1") || kh == HashCreateKey("alic", "eorder-1") {
		t.Fatal("key hash does not separate owners")
	}
	claim := func(hash, id string) (*CreateKey, *CreateKey, error) {
		k := &CreateKey{KeyHash: kh, Owner: "alice", RequestHash: hash, Claim: id}
		held, err := s.ClaimCreateKey(ctx, k, 15*time.Second)
		return k, held, err
	}
	first, _, err := claim("h1", "c1")
	if err != nil {
		t.Fatalf("claim: %v", err)
	}
	if ttl := first.TTL.Sub(clk.Now()); first.State != CreateKeyPending || ttl < CreateKeyRetention || ttl > CreateKeyRetention+time.Second {
		t.Errorf("claimed %+v", first)
	}
	_, held, err := claim("h1", "c2")
	if !errors.Is(err, ErrConflict) || held == nil || held.Claim != "c1" || held.State != CreateKeyPending {
		t.Fatalf("second claim = %v, held %+v", err, held)
	}
	// Only the holder releases it.
	if err := s.ReleaseCreateKey(ctx, &CreateKey{KeyHash: kh, Claim: "c2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetCreateKey(ctx, kh); err != nil {
		t.Fatalf("released by another claim: %v", err)
	}
	if err := s.ReleaseCreateKey(ctx, first); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetCreateKey(ctx, kh); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after release: %v", err)
	}
	// Claimed again; its claim ends; another request with another body cannot take it over, the same body can.
	if _, _, err := claim("h1", "c3"); err != nil {
		t.Fatalf("claim after release: %v", err)
	}
	clk.Advance(16 * time.Second)
	if _, held, err := claim("h2", "c4"); !errors.Is(err, ErrConflict) || held.Claim != "c3" {
		t.Fatalf("takeover with another body = %v, held %+v", err, held)
	}
	taken, _, err := claim("h1", "c5")
	if err != nil {
		t.Fatalf("takeover of an ended claim: %v", err)
	}
	// The old holder can neither finish nor release it any more.
	if err := s.FinishCreateKey(ctx, &CreateKey{KeyHash: kh, Claim: "c3"}, "consent-x"); !errors.Is(err, ErrConflict) {
		t.Errorf("finish by a lost claim = %v", err)
	}
	if err := s.FinishCreateKey(ctx, taken, "consent-1"); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetCreateKey(ctx, kh)
	if err != nil || got.State != CreateKeyDone || got.ConsentID != "consent-1" || !got.TTL.Equal(taken.TTL) {
		t.Fatalf("after finish: %+v %v", got, err)
	}
	// Done is final: no release, no takeover, even after the claim ended.
	if err := s.ReleaseCreateKey(ctx, taken); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Hour)
	if _, held, err := claim("h1", "c6"); !errors.Is(err, ErrConflict) || held.ConsentID != "consent-1" {
		t.Fatalf("claim of a done key = %v %+v", err, held)
	}
	// Past the TTL the key is free, reaped or not.
	clk.Advance(CreateKeyRetention)
	if _, err := s.GetCreateKey(ctx, kh); !errors.Is(err, ErrNotFound) {
		t.Errorf("past TTL: %v", err)
	}
	if _, _, err := claim("h2", "c7"); err != nil {
		t.Errorf("claim past TTL: %v", err)
	}
	// Not a consent: the owner's list stays empty.
	if list, _, err := s.ListConsents(ctx, "alice", 10, ""); err != nil || len(list) != 0 {
		t.Errorf("owner list: %+v %v", list, err)
	}
}

// TestCreateKeyConcurrentClaims: of many concurrent claims of one key, exactly one wins.
func TestCreateKeyConcurrentClaims(t *testing.T) {
	t.Parallel()
	s, _, _ := newStore(t)
	kh := HashCreateKey("alice", "k")
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for i := range 8 {
		wg.Go(func() {
			k := &CreateKey{KeyHash: kh, Owner: "alice", RequestHash: "h", Claim: string(rune('a' + i))}
			_, err := s.ClaimCreateKey(context.Background(), k, 15*time.Second)
			switch {
			case err == nil:
				mu.Lock()
				wins++
				mu.Unlock()
			case !errors.Is(err, ErrConflict):
				t.Errorf("claim: %v", err)
			}
		})
	}
	wg.Wait()
	if wins != 1 {
		t.Errorf("%d claims won, want 1", wins)
	}
}
