package main

import (
	"context"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/consent"
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
}
