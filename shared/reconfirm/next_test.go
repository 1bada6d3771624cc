package reconfirm

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/consent"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func authorised(typ string) *consent.Consent {
	return &consent.Consent{Type: typ, Status: consent.StatusAuthorised, BankStatus: consent.BankAuthorised,
		CreatedAt: t0.Add(-time.Hour), AuthorisedAt: t0, LastConfirmedAt: t0}
}

// TestNext: every deadline, with short periods; the earliest one is the next action, named
// only within the warning lead.
func TestNext(t *testing.T) {
	t.Parallel()
	p := Policy{Period: 10 * time.Hour, Warn: 2 * time.Hour, Enforce: true}
	withExpiry := authorised("accounts")
	withExpiry.ExpiresAt = t0.Add(5 * time.Hour)
	legacy := authorised("accounts")
	legacy.LastConfirmedAt, legacy.AuthorisedAt = time.Time{}, time.Time{}
	reauth := authorised("accounts")
	reauth.Status = consent.StatusReauthRequired
	revoked := authorised("accounts")
	revoked.Status = consent.StatusRevoked
	tests := []struct {
		name      string
		p         Policy
		c         *consent.Consent
		refresh   time.Time
		scheduled bool
		now       time.Time
		want      Deadlines
	}{
		{"early", p, authorised("accounts"), time.Time{}, false, t0.Add(time.Hour),
			Deadlines{ReconfirmBy: t0.Add(10 * time.Hour), AccessEndsAt: t0.Add(10 * time.Hour), ActionBy: t0.Add(10 * time.Hour), NextAction: ActionNone}},
		{"within warning", p, authorised("accounts"), time.Time{}, false, t0.Add(8 * time.Hour),
			Deadlines{ReconfirmBy: t0.Add(10 * time.Hour), AccessEndsAt: t0.Add(10 * time.Hour), ActionBy: t0.Add(10 * time.Hour), NextAction: ActionReconfirm}},
		{"past", p, authorised("accounts"), time.Time{}, false, t0.Add(11 * time.Hour),
			Deadlines{ReconfirmBy: t0.Add(10 * time.Hour), AccessEndsAt: t0.Add(10 * time.Hour), ActionBy: t0.Add(10 * time.Hour), NextAction: ActionReconfirm}},
		{"warn mode: access does not end", Policy{Period: p.Period, Warn: p.Warn}, authorised("accounts"), time.Time{}, false, t0.Add(9 * time.Hour),
			Deadlines{ReconfirmBy: t0.Add(10 * time.Hour), ActionBy: t0.Add(10 * time.Hour), NextAction: ActionReconfirm}},
		{"refresh lapse no rotation extends", p, authorised("accounts"), t0.Add(3 * time.Hour), false, t0.Add(2 * time.Hour),
			Deadlines{ReconfirmBy: t0.Add(10 * time.Hour), RefreshLapse: t0.Add(3 * time.Hour), AccessEndsAt: t0.Add(3 * time.Hour), ActionBy: t0.Add(3 * time.Hour), NextAction: ActionReauthenticate}},
		{"refresh lapse a rotation extends", p, authorised("accounts"), t0.Add(3 * time.Hour), true, t0.Add(2 * time.Hour),
			Deadlines{ReconfirmBy: t0.Add(10 * time.Hour), AccessEndsAt: t0.Add(10 * time.Hour), ActionBy: t0.Add(10 * time.Hour), NextAction: ActionNone}},
		{"bank expiry first", p, withExpiry, time.Time{}, false, t0.Add(4 * time.Hour),
			Deadlines{ReconfirmBy: t0.Add(10 * time.Hour), AccessEndsAt: t0.Add(5 * time.Hour), ActionBy: t0.Add(5 * time.Hour), NextAction: ActionReconsent}},
		{"clock off", Policy{Warn: p.Warn, Enforce: true}, authorised("accounts"), time.Time{}, false, t0.Add(11 * time.Hour),
			Deadlines{NextAction: ActionNone}},
		{"payment consent: no clock", p, authorised("payments"), time.Time{}, false, t0.Add(11 * time.Hour),
			Deadlines{NextAction: ActionNone}},
		{"legacy consent counts from creation", p, legacy, time.Time{}, false, t0,
			Deadlines{ReconfirmBy: t0.Add(9 * time.Hour), AccessEndsAt: t0.Add(9 * time.Hour), ActionBy: t0.Add(9 * time.Hour), NextAction: ActionNone}},
		{"reauth required", p, reauth, time.Time{}, false, t0, Deadlines{NextAction: ActionReauthenticate}},
		{"revoked", p, revoked, time.Time{}, false, t0, Deadlines{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.p.Next(tt.c, tt.refresh, tt.scheduled, tt.now)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Next (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBlocked: enforce blocks from reconfirmBy on, warn never; a reconfirmation moves the clock.
func TestBlocked(t *testing.T) {
	t.Parallel()
	p := FromConfig(config.Config{ReconfirmPeriod: time.Hour, ReconfirmWarn: time.Minute, ReconfirmMode: config.ReconfirmEnforce})
	c := authorised("accounts")
	if p.Blocked(c, t0.Add(59*time.Minute)) || !p.Blocked(c, t0.Add(time.Hour)) {
		t.Error("enforce: want blocked from reconfirmBy on, not before")
	}
	if _, err := consent.Apply(c, consent.Reconfirmed, t0.Add(2*time.Hour), ""); err != nil {
		t.Fatal(err)
	}
	if p.Blocked(c, t0.Add(2*time.Hour+time.Minute)) {
		t.Error("a late reconfirmation did not restore access")
	}
	w := FromConfig(config.Config{ReconfirmPeriod: time.Hour, ReconfirmMode: config.ReconfirmWarn})
	if w.Blocked(c, t0.Add(100*time.Hour)) || !w.Due(c, t0.Add(100*time.Hour)) {
		t.Error("warn: want due but never blocked")
	}
}
