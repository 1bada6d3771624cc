package consent

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/eventschema"
)

// events reads consent id's outbox: detail-type, sequence and the decoded detail of each,
// each detail checked against its detail-type's schema.
func events(t *testing.T, s *Store, id string) ([]OutboxEvent, []EventDetail) {
	t.Helper()
	list, err := s.ConsentEvents(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var details []EventDetail
	for _, ev := range list {
		var d EventDetail
		if err := json.Unmarshal([]byte(ev.Detail), &d); err != nil {
			t.Fatalf("%s: detail %v", ev.SK, err)
		}
		if d.EventID != ev.EventID || d.Sequence != ev.Sequence || ev.SK != outboxSK(ev.Sequence) || d.ConsentID != id {
			t.Errorf("%s: item (%s, %d) and detail (%s, %d, %s) disagree", ev.SK, ev.EventID, ev.Sequence, d.EventID, d.Sequence, d.ConsentID)
		}
		if err := eventschema.Validate(ev.DetailType, []byte(ev.Detail)); err != nil {
			t.Errorf("%s: %v", ev.SK, err)
		}
		details = append(details, d)
	}
	return list, details
}

func detailTypes(list []OutboxEvent) []string {
	var out []string
	for _, ev := range list {
		out = append(out, ev.DetailType)
	}
	return out
}

// TestOutboxWithEachChange: every write of a change Apply made stores its
// event in the same transaction, numbered after the consent's last one;
// a write of no change stores none.
func TestOutboxWithEachChange(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	c := createdConsent(t, s, clk, "c1", "alice")
	if len(c.Events) != 0 || c.EventSequence != 1 {
		t.Fatalf("after create: %d pending, sequence %d; want 0, 1", len(c.Events), c.EventSequence)
	}
	clk.Advance(time.Minute)
	if _, err := Apply(c, ReauthReported, clk.Now(), "invalid_grant"); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	// Used changes LastAction back (no event of its own); a write without a change has none.
	if _, err := Apply(c, Used, clk.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := Apply(c, Revoked, clk.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	list, details := events(t, s, "c1")
	want := []string{EventConsentCreated, EventConsentReauthRequired, EventConsentRevoked}
	if got := detailTypes(list); !slices.Equal(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	for i, d := range details {
		if d.Sequence != int64(i+1) || d.Version != EventVersion || d.Owner != "alice" || d.ConsentType != "payments" || d.Brand != "coop" {
			t.Errorf("event %d: %+v", i, d)
		}
	}
	if d := details[0]; d.Status != StatusAwaitingAuthorisation || d.PreviousStatus != "" || d.Happening != string(Created) {
		t.Errorf("created: %+v", d)
	}
	if d := details[1]; d.Action != ActionReauthenticate || d.Reason != "invalid_grant" || d.Status != StatusAwaitingAuthorisation {
		t.Errorf("reauth: %+v", d)
	}
	if d := details[2]; d.Status != StatusRevoked || d.PreviousStatus != StatusAwaitingAuthorisation || d.BankStatus != BankRevoked {
		t.Errorf("revoked: %+v", d)
	}
	if got, _ := s.GetConsent(ctx, "c1"); got.EventSequence != 3 {
		t.Errorf("stored sequence %d, want 3", got.EventSequence)
	}
	for _, ev := range list {
		if ev.Shard == "" || ev.Due.IsZero() || !ev.PublishedAt.IsZero() || ev.TTL != 0 {
			t.Errorf("%s: not unpublished: %+v", ev.SK, ev)
		}
	}
}

// TestOutboxNoEventWithoutChange: a write refused by its condition stores
// neither the change nor its event; the writer that re-reads numbers its
// event after the winner's.
func TestOutboxNoEventWithoutChange(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	c := createdConsent(t, s, clk, "c1", "alice")
	stale := *c
	_, _ = Apply(c, AccountUnavailable, clk.Now(), "UK.OBIE.Resource.NotFound")
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	_, _ = Apply(&stale, Revoked, clk.Now(), "")
	if err := s.UpdateConsent(ctx, &stale); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale update = %v, want ErrConflict", err)
	}
	// A second create of the same id, with its Created event, is refused whole.
	again := sampleConsent("c1", "mallory")
	again.Status, again.BankStatus = StatusNew, ""
	_, _ = Apply(again, Created, clk.Now(), "")
	if err := s.CreateConsent(ctx, again); !errors.Is(err, ErrConflict) {
		t.Fatalf("second create = %v, want ErrConflict", err)
	}
	list, _ := events(t, s, "c1")
	if got, want := detailTypes(list), []string{EventConsentCreated, EventConsentAccountUnavailable}; !slices.Equal(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	fresh, _ := s.GetConsent(ctx, "c1")
	_, _ = Apply(fresh, Revoked, clk.Now(), "")
	if err := s.UpdateConsent(ctx, fresh); err != nil {
		t.Fatal(err)
	}
	list, _ = events(t, s, "c1")
	if len(list) != 3 || list[2].DetailType != EventConsentRevoked || list[2].Sequence != 3 {
		t.Fatalf("after the re-read: %v", detailTypes(list))
	}
}

// TestOutboxAuthorise: the authorisation transaction stores its event; one
// refused (the consent was revoked meanwhile) stores none.
func TestOutboxAuthorise(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	c := sampleConsent("c1", "alice")
	if err := s.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	a := newSession(t, s, clk, "st1")
	if _, err := s.ClaimAuthSession(ctx, a.StateHash); err != nil {
		t.Fatal(err)
	}
	stale := *c
	_, _ = Apply(c, Authorised, clk.Now(), "")
	if err := s.AuthoriseWithTokens(ctx, c, &Tokens{AccessToken: "at-1", RefreshToken: "rt-1"}, a.StateHash); err != nil {
		t.Fatal(err)
	}
	_, _ = Apply(&stale, SteppedUp, clk.Now(), "")
	if err := s.AuthoriseWithTokens(ctx, &stale, &Tokens{AccessToken: "at-2", RefreshToken: "rt-2"}, a.StateHash); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale authorise = %v", err)
	}
	list, details := events(t, s, "c1")
	if got, want := detailTypes(list), []string{EventConsentAuthorised}; !slices.Equal(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	if d := details[0]; d.Status != StatusAuthorised || d.PreviousStatus != StatusAwaitingAuthorisation || d.Sequence != 1 {
		t.Errorf("authorised: %+v", d)
	}
}

// TestOutboxPublished: an event is listed as unpublished (in its shard of
// the refresh index) until MarkPublished; marking twice is fine, and a
// published event gets its retention.
func TestOutboxPublished(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	createdConsent(t, s, clk, "c1", "alice")
	keys, _, err := s.UnpublishedEvents(ctx, s.shard("c1"), clk.Now(), 10, Cursor{})
	if err != nil || len(keys) != 1 || keys[0].PK != consentPK("c1") || keys[0].SK != outboxSK(1) {
		t.Fatalf("unpublished %+v %v; want E#1 of c1", keys, err)
	}
	if keys, _, _ := s.UnpublishedEvents(ctx, s.shard("c1"), clk.Now().Add(-time.Minute), 10, Cursor{}); len(keys) != 0 {
		t.Errorf("an event written after before is listed: %+v", keys)
	}
	ev, err := s.GetEvent(ctx, keys[0].PK, keys[0].SK)
	if err != nil || ev.DetailType != EventConsentCreated {
		t.Fatalf("GetEvent %+v %v", ev, err)
	}
	for range 2 {
		if err := s.MarkPublished(ctx, ev.PK, ev.SK, clk.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if keys, _, _ := s.UnpublishedEvents(ctx, s.shard("c1"), clk.Now(), 10, Cursor{}); len(keys) != 0 {
		t.Errorf("published event still listed: %+v", keys)
	}
	got, _ := s.GetEvent(ctx, ev.PK, ev.SK)
	if got.Shard != "" || !got.PublishedAt.Equal(clk.Now()) || got.TTL != clk.Now().Add(OutboxRetention).Unix() || got.Detail != ev.Detail {
		t.Errorf("published item %+v", got)
	}
	if err := s.MarkPublished(ctx, ev.PK, outboxSK(99), clk.Now()); err != nil {
		t.Errorf("marking a missing event: %v", err)
	}
}

// TestOutboxDeadlineEvents: passing the reconfirmation's warning and then
// its deadline stores Reconfirmation Due and Overdue, numbered after the
// consent's own events; a pass of a consent that changed meanwhile stores none.
func TestOutboxDeadlineEvents(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	s.ReconfirmPeriod, s.ReconfirmWarn = 10*24*time.Hour, 2*24*time.Hour
	ctx := context.Background()
	c := sampleConsent("c1", "alice")
	c.Type, c.Journey, c.ExpiresAt = "accounts", "", time.Time{}
	if err := s.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	_, _ = Apply(c, Authorised, clk.Now(), "")
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	warn := c.DeadlineDue
	clk.Advance(9 * 24 * time.Hour)
	stale := DueDeadline{ConsentID: "c1", Due: warn.Add(-time.Second)}
	if _, ok, err := s.PassDeadline(ctx, stale, clk.Now()); ok || err != nil {
		t.Fatalf("stale pass: ok %v err %v", ok, err)
	}
	if p, ok, err := s.PassDeadline(ctx, DueDeadline{ConsentID: "c1", Due: warn}, clk.Now()); !ok || err != nil || p != PointWarning {
		t.Fatalf("warning pass: %s %v %v", p, ok, err)
	}
	clk.Advance(2 * 24 * time.Hour)
	fresh, _ := s.GetConsent(ctx, "c1")
	if p, ok, err := s.PassDeadline(ctx, DueDeadline{ConsentID: "c1", Due: fresh.DeadlineDue}, clk.Now()); !ok || err != nil || p != PointDue {
		t.Fatalf("deadline pass: %s %v %v", p, ok, err)
	}
	list, details := events(t, s, "c1")
	want := []string{EventConsentAuthorised, EventReconfirmationDue, EventReconfirmationOverdue}
	if got := detailTypes(list); !slices.Equal(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	for _, d := range details[1:] {
		if d.Deadline != DeadlineReconfirmation || d.ActionBy == nil || !d.ActionBy.Equal(fresh.ActionBy) || d.Status != StatusAuthorised {
			t.Errorf("deadline event %+v", d)
		}
	}
	// The consent's next write numbers after the deadline events.
	again, _ := s.GetConsent(ctx, "c1")
	_, _ = Apply(again, Revoked, clk.Now(), "")
	if err := s.UpdateConsent(ctx, again); err != nil {
		t.Fatal(err)
	}
	if list, _ := events(t, s, "c1"); len(list) != 4 || list[3].Sequence != 4 {
		t.Errorf("after the deadlines: %v", detailTypes(list))
	}
}

// createdConsent stores a new consent of owner (status New, its Created event in the outbox),
// as the consents function creates one.
func createdConsent(t *testing.T, s *Store, clk *clock, id, owner string) *Consent {
	t.Helper()
	c := sampleConsent(id, owner)
	c.Status, c.BankStatus = StatusNew, ""
	if _, err := Apply(c, Created, clk.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateConsent(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}
