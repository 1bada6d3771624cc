package main

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/eventschema"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh"
)

// TestDeadlinesReported: a consent's reconfirmation deadline is found by the tokens run from its
// entry in the refresh index (short periods via settings): the warning once when it falls due,
// the deadline once when it passes, and then the entry leaves the index. A reconfirmation
// reschedules it. Token refreshes never see these entries.
func TestDeadlinesReported(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshRotate, map[string]string{"RECONFIRM_PERIOD": "2h", "RECONFIRM_WARN": "30m"})
	ctx := context.Background()
	st := f.env.Deps.Store
	now := f.env.Bank.Now()
	c := &consent.Consent{ID: "c-deadline", Owner: "app", Brand: "coop", Type: "accounts"}
	if _, err := consent.Apply(c, consent.Created, now, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := consent.Apply(c, consent.Authorised, now, ""); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	points := func() []string {
		var out []string
		for _, l := range f.logLines(t, "consent deadline") {
			if l["consentId"] == c.ID {
				out = append(out, l["point"].(string))
			}
		}
		return out
	}
	f.run(t)
	if got := points(); len(got) != 0 {
		t.Fatalf("reported %v before anything was due", got)
	}
	f.advance(91 * time.Minute) // within the 30-minute warning
	f.run(t)
	f.run(t)
	if got := points(); len(got) != 1 || got[0] != consent.PointWarning {
		t.Fatalf("after the warning point: %v, want one warning", got)
	}
	f.advance(30 * time.Minute) // past reconfirmBy
	f.run(t)
	f.run(t)
	if got := points(); len(got) != 2 || got[1] != consent.PointDue {
		t.Fatalf("after the deadline: %v, want warning then due", got)
	}
	if got := f.consent(t, c.ID); got.DeadlineShard != "" || !got.DeadlineDue.IsZero() {
		t.Errorf("entry still in the index after the deadline: %q %v", got.DeadlineShard, got.DeadlineDue)
	}
	// A late reconfirmation schedules the next warning.
	late := f.consent(t, c.ID)
	if _, err := consent.Apply(late, consent.Reconfirmed, f.env.Bank.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := st.UpdateConsent(ctx, late); err != nil {
		t.Fatal(err)
	}
	if got := f.consent(t, c.ID); got.DeadlineShard == "" || !got.DeadlineDue.Equal(late.LastConfirmedAt.Add(90*time.Minute).Truncate(time.Second)) {
		t.Errorf("after reconfirm: entry %q due %v, want the warning 90 minutes after the reconfirmation", got.DeadlineShard, got.DeadlineDue)
	}
	// Each point the runs passed is one event, between the consent's own, in one sequence.
	list, err := st.ConsentEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for i, ev := range list {
		if err := eventschema.Validate(ev.DetailType, []byte(ev.Detail)); err != nil {
			t.Error(err)
		}
		if ev.Sequence != int64(i+1) {
			t.Errorf("event %d has sequence %d", i+1, ev.Sequence)
		}
		types = append(types, ev.DetailType)
	}
	want := []string{consent.EventConsentCreated, consent.EventConsentAuthorised, consent.EventReconfirmationDue,
		consent.EventReconfirmationOverdue, consent.EventConsentReconfirmed}
	if !slices.Equal(types, want) {
		t.Errorf("events %v, want %v", types, want)
	}
}

// TestPastReconfirmByKeptAliveNotWarm: under RECONFIRM_MODE=enforce, once the tokens run passes a
// consent's reconfirmBy its tokens are no longer refreshed warm, under REFRESH_POLICY=all and
// under recent for a consent still recently used, even if the app never calls again; the
// refresh token is still kept alive (one refresh at its keep-alive point).
func TestPastReconfirmByKeptAliveNotWarm(t *testing.T) {
	t.Parallel()
	for _, policy := range []string{"all", "recent"} {
		t.Run(policy, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, sandbox.RefreshRotate, map[string]string{"REFRESH_POLICY": policy,
				"REFRESH_RECENT_WINDOW": "720h", "RECONFIRM_PERIOD": "2h", "RECONFIRM_WARN": "30m"})
			id := refreshtest.Authorise(t, f.env)
			f.advance(91 * time.Minute) // the warning
			f.run(t)
			f.advance(30 * time.Minute) // past reconfirmBy
			f.run(t)
			tk := f.tokens(t, id)
			if p := refresh.KeepAlivePoint(tk.RefreshExpiresAt); !tk.RefreshDue.Equal(p) {
				t.Fatalf("past reconfirmBy the refresh is due %v, want the keep-alive point %v", tk.RefreshDue, p)
			}
			f.env.Bank.ResetRequests()
			f.advance(6 * time.Hour) // many access-token lifetimes
			f.run(t)
			if n, _ := refreshtest.RefreshGrants(f.env.Bank); n != 0 {
				t.Errorf("%d warm refreshes past reconfirmBy", n)
			}
			f.advance(tk.RefreshDue.Sub(f.env.Bank.Now()) + time.Minute)
			f.run(t)
			if n, _ := refreshtest.RefreshGrants(f.env.Bank); n != 1 {
				t.Errorf("%d refreshes at the keep-alive point, want 1", n)
			}
		})
	}
}
