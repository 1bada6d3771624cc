package consent

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func sampleConsent(id, owner string) *Consent {
	return &Consent{
		ID: id, Owner: owner, Brand: "coop", Type: "payments", Journey: "DSP",
		BankStatus: "AwaitingAuthorisation", Status: StatusAwaitingAuthorisation,
		Permissions: []string{"ReadAccountsDetail"},
		Request:     []byte(`{"Data":{"Initiation":{"InstructedAmount":{"Amount":"10.50","Currency":"GBP"}}},"Risk":{}}`),
		BenName:     "Test Beneficiary", Amount: "10.50", PaymentDate: "2026-12-01T00:00:00+00:00",
		ExpiresAt: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
	}
}

func TestConsentRoundTrip(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	c := sampleConsent("c1", "alice")
	if err := s.CreateConsent(ctx, c); err != nil {
		t.Fatalf("CreateConsent: %v", err)
	}
	if c.Version != 1 || !c.CreatedAt.Equal(clk.Now()) {
		t.Errorf("after create: version %d createdAt %v", c.Version, c.CreatedAt)
	}
	got, err := s.GetConsent(ctx, "c1")
	if err != nil {
		t.Fatalf("GetConsent: %v", err)
	}
	if diff := cmp.Diff(c, got); diff != "" {
		t.Errorf("GetConsent (-want +got):\n%s", diff)
	}
	if string(got.Request) != string(c.Request) {
		t.Errorf("request bytes changed")
	}

	clk.Advance(time.Minute)
	got.Status, got.StepUpAt = StatusAuthorised, clk.Now()
	if err := s.UpdateConsent(ctx, got); err != nil {
		t.Fatalf("UpdateConsent: %v", err)
	}
	again, _ := s.GetConsent(ctx, "c1")
	if diff := cmp.Diff(got, again); diff != "" || again.Version != 2 {
		t.Errorf("after update version %d (-want +got):\n%s", again.Version, diff)
	}
	if _, err := s.GetConsent(ctx, "missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetConsent(missing) = %v, want ErrNotFound", err)
	}
}

func TestCreateConsentConflict(t *testing.T) {
	t.Parallel()
	s, _, _ := newStore(t)
	ctx := context.Background()
	if err := s.CreateConsent(ctx, sampleConsent("c1", "alice")); err != nil {
		t.Fatal(err)
	}
	err := s.CreateConsent(ctx, sampleConsent("c1", "mallory"))
	var ce *ConflictError
	if !errors.Is(err, ErrConflict) || !errors.As(err, &ce) {
		t.Fatalf("second CreateConsent = %v, want *ConflictError", err)
	}
	got, _ := s.GetConsent(ctx, "c1")
	if got.Owner != "alice" {
		t.Errorf("owner = %q after conflicting create, want alice", got.Owner)
	}
}

func TestUpdateConsentStale(t *testing.T) {
	t.Parallel()
	s, _, _ := newStore(t)
	ctx := context.Background()
	if err := s.CreateConsent(ctx, sampleConsent("c1", "alice")); err != nil {
		t.Fatal(err)
	}
	a, _ := s.GetConsent(ctx, "c1")
	b, _ := s.GetConsent(ctx, "c1")
	a.Status = StatusAuthorised
	if err := s.UpdateConsent(ctx, a); err != nil {
		t.Fatalf("first update: %v", err)
	}
	b.Status = StatusRevoked
	if err := s.UpdateConsent(ctx, b); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale update = %v, want ErrConflict", err)
	}
	if b.Version != 1 {
		t.Errorf("stale consent version changed to %d", b.Version)
	}
	got, _ := s.GetConsent(ctx, "c1")
	if diff := cmp.Diff(a, got); diff != "" {
		t.Errorf("stored consent changed by stale update (-want +got):\n%s", diff)
	}
}

func TestOwnerIsolation(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	for i, c := range []*Consent{sampleConsent("a1", "alice"), sampleConsent("b1", "bob"), sampleConsent("a2", "alice")} {
		clk.Advance(time.Duration(i) * time.Second)
		if err := s.CreateConsent(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	// Items of other kinds carrying the owner must not show in the listing.
	if err := s.PutTokens(ctx, &Tokens{ConsentID: "a1", Owner: "alice", AccessToken: "at"}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateAuthSession(ctx, &AuthSession{StateHash: HashState("s"), ConsentID: "a1", Owner: "alice", TTL: clk.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}

	if _, err := s.GetConsentForOwner(ctx, "a1", "bob"); !errors.Is(err, ErrNotFound) {
		t.Errorf("bob reads alice's consent: %v, want ErrNotFound", err)
	}
	if _, err := s.GetConsentForOwner(ctx, "a1", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("empty owner reads alice's consent: %v, want ErrNotFound", err)
	}
	// A consent stored without an owner is nobody's: an empty caller must not match it.
	if err := s.CreateConsent(ctx, sampleConsent("n1", "")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetConsent(ctx, "n1"); err != nil {
		t.Fatalf("ownerless consent not stored: %v", err)
	}
	if _, err := s.GetConsentForOwner(ctx, "n1", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("empty owner reads an ownerless consent: %v, want ErrNotFound", err)
	}
	if c, err := s.GetConsentForOwner(ctx, "a1", "alice"); err != nil || c.ID != "a1" {
		t.Errorf("alice reads her consent: %v, %v", c, err)
	}
	tests := []struct {
		owner string
		want  []string
	}{
		{"alice", []string{"a1", "a2"}},
		{"bob", []string{"b1"}},
		{"carol", nil},
	}
	for _, tt := range tests {
		list, next, err := s.ListConsents(ctx, tt.owner, 10, "")
		if err != nil || next != "" {
			t.Fatalf("ListConsents(%s): next %q, %v", tt.owner, next, err)
		}
		var ids []string
		for _, c := range list {
			ids = append(ids, c.ID)
		}
		if diff := cmp.Diff(tt.want, ids); diff != "" {
			t.Errorf("ListConsents(%s) (-want +got):\n%s", tt.owner, diff)
		}
	}
}

// ListConsents pages through an owner's consents oldest first: every
// consent once, a next cursor exactly while more remain (no empty last page),
// and other owners' consents never.
func TestListConsentsPages(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	var all []string
	for i := range 5 {
		clk.Advance(time.Second)
		id := fmt.Sprintf("p%d", i)
		all = append(all, id)
		if err := s.CreateConsent(ctx, sampleConsent(id, "paula")); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateConsent(ctx, sampleConsent(id+"-other", "oscar")); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		limit     int32
		wantPages [][]string
	}{
		{2, [][]string{{"p0", "p1"}, {"p2", "p3"}, {"p4"}}},
		{5, [][]string{all}},
		{4, [][]string{{"p0", "p1", "p2", "p3"}, {"p4"}}},
		{1, [][]string{{"p0"}, {"p1"}, {"p2"}, {"p3"}, {"p4"}}},
		{100, [][]string{all}},
	}
	for _, tt := range tests {
		var pages [][]string
		var cursor ListCursor
		for range 10 {
			list, next, err := s.ListConsents(ctx, "paula", tt.limit, cursor)
			if err != nil {
				t.Fatalf("limit %d: %v", tt.limit, err)
			}
			var ids []string
			for _, c := range list {
				ids = append(ids, c.ID)
			}
			pages = append(pages, ids)
			if next == "" {
				break
			}
			cursor = next
		}
		if diff := cmp.Diff(tt.wantPages, pages); diff != "" {
			t.Errorf("limit %d: pages (-want +got):\n%s", tt.limit, diff)
		}
	}
}

func TestListConsentsBadInput(t *testing.T) {
	t.Parallel()
	s, _, _ := newStore(t)
	ctx := context.Background()
	if err := s.CreateConsent(ctx, sampleConsent("c1", "alice")); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateConsent(ctx, sampleConsent("c2", "alice")); err != nil {
		t.Fatal(err)
	}
	_, good, err := s.ListConsents(ctx, "alice", 1, "")
	if err != nil || good == "" {
		t.Fatalf("first page: next %q, %v", good, err)
	}
	b64 := func(s string) ListCursor { return ListCursor(base64.RawURLEncoding.EncodeToString([]byte(s))) }
	for name, c := range map[string]ListCursor{
		"not base64":       "!!!",
		"padded base64":    ListCursor(base64.URLEncoding.EncodeToString([]byte(`{"c":"x"}`))),
		"not JSON":         b64("hello"),
		"unknown field":    b64(`{"c":"2026-01-01T00:00:00.000000000Z","i":"c1","k":"x"}`),
		"trailing data":    b64(`{"c":"2026-01-01T00:00:00.000000000Z","i":"c1"}{}`),
		"bad time":         b64(`{"c":"yesterday","i":"c1"}`),
		"time not stored":  b64(`{"c":"2026-01-01T00:00:00Z","i":"c1"}`),
		"no id":            b64(`{"c":"2026-01-01T00:00:00.000000000Z"}`),
		"id with a key":    b64(`{"c":"2026-01-01T00:00:00.000000000Z","i":"c1#META"}`),
		"cursor truncated": good[:len(good)-3],
	} {
		if _, _, err := s.ListConsents(ctx, "alice", 1, c); !errors.Is(err, ErrBadCursor) {
			t.Errorf("%s: err %v, want ErrBadCursor", name, err)
		}
	}
	if _, _, err := s.ListConsents(ctx, "alice", 0, ""); err == nil {
		t.Error("limit 0 accepted")
	}
}
