package consent

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/httpapi"
)

var allStatuses = []string{StatusAwaitingAuthorisation, StatusAuthorised, StatusReauthRequired, StatusRejected,
	StatusRevoked, StatusExpired, StatusFailed, StatusConsumed}

// TestApply: each happening, from a consent in a given status with a recorded action and
// error, leaves exactly the fields the table says (what every function did before the table).
func TestApply(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	type fields struct{ Status, BankStatus, LastAction, LastError string }
	before := func(status string) fields { return fields{status, "Bank" + status, "oldAction", "oldError"} }
	tests := []struct {
		what    Happening
		from    string
		want    fields
		refused bool
	}{
		{Created, StatusNew, fields{StatusAwaitingAuthorisation, "AwaitingAuthorisation", "oldAction", "oldError"}, false},
		{Created, StatusAwaitingAuthorisation, fields{}, true},
		{Authorised, StatusAwaitingAuthorisation, fields{StatusAuthorised, "Authorised", "oldAction", ""}, false},
		{Authorised, StatusReauthRequired, fields{StatusAuthorised, "Authorised", "oldAction", ""}, false},
		{SteppedUp, StatusAuthorised, fields{StatusAuthorised, "Authorised", "oldAction", ""}, false},
		{Authorised, StatusRevoked, fields{}, true},
		{Authorised, StatusFailed, fields{}, true},
		{Authorised, StatusConsumed, fields{}, true},
		{AuthorisationFailed, StatusAwaitingAuthorisation, fields{StatusFailed, "BankAwaitingAuthorisation", "oldAction", "why"}, false},
		{AuthorisationFailed, StatusAuthorised, fields{StatusAuthorised, "BankAuthorised", "oldAction", "why"}, false},
		{AuthorisationFailed, StatusReauthRequired, fields{StatusReauthRequired, "BankReauthRequired", "oldAction", "why"}, false},
		{AuthorisationFailed, StatusRejected, fields{}, true},
		{AuthorisationUnresolved, StatusAwaitingAuthorisation, fields{StatusAwaitingAuthorisation, "BankAwaitingAuthorisation", "oldAction", "why"}, false},
		{AuthorisationUnresolved, StatusExpired, fields{}, true},
		{ReauthRequired, StatusAuthorised, fields{StatusReauthRequired, "BankAuthorised", "reauthenticate", "why"}, false},
		{ReauthRequired, StatusRevoked, fields{StatusRevoked, "BankRevoked", "reauthenticate", "why"}, false},
		{ReauthReported, StatusAuthorised, fields{StatusAuthorised, "BankAuthorised", "reauthenticate", "why"}, false},
		{RefreshRejected, StatusAuthorised, fields{StatusReauthRequired, "BankAuthorised", "reauthenticate", "why"}, false},
		{RefreshRejected, StatusRevoked, fields{}, true},
		{RefreshTokenLapsed, StatusAuthorised, fields{StatusExpired, "BankAuthorised", "reauthenticate", "why"}, false},
		{RefreshTokenLapsed, StatusReauthRequired, fields{}, true},
		{StepUpRequired, StatusAuthorised, fields{StatusAuthorised, "BankAuthorised", "stepUp", "why"}, false},
		{ReconsentRequired, StatusAuthorised, fields{StatusAuthorised, "BankAuthorised", "reconsent", "why"}, false},
		{BankRejected, StatusAuthorised, fields{StatusRejected, "BankAuthorised", "reconsent", "why"}, false},
		{BankRejected, StatusReauthRequired, fields{StatusReauthRequired, "BankReauthRequired", "reconsent", "why"}, false},
		{BankExpired, StatusAuthorised, fields{StatusExpired, "BankAuthorised", "reconsent", "why"}, false},
		{BankExpired, StatusRejected, fields{StatusRejected, "BankRejected", "reconsent", "why"}, false},
		{AccountUnavailable, StatusAuthorised, fields{StatusAuthorised, "BankAuthorised", "accountUnavailable", "why"}, false},
		{Used, StatusAuthorised, fields{StatusAuthorised, "BankAuthorised", "", ""}, false},
		{Revoked, StatusAuthorised, fields{StatusRevoked, "Revoked", "revoked", "oldError"}, false},
		{Revoked, StatusRevoked, fields{StatusRevoked, "Revoked", "revoked", "oldError"}, false},
		{PaymentConsumed, StatusAuthorised, fields{StatusConsumed, "Consumed", "", ""}, false},
		{Reconfirmed, StatusAuthorised, fields{StatusAuthorised, "BankAuthorised", "oldAction", "oldError"}, false},
		{Reconfirmed, StatusReauthRequired, fields{}, true},
		{Reconfirmed, StatusRevoked, fields{}, true},
		{Reconfirmed, StatusAwaitingAuthorisation, fields{}, true},
		{Happening("Unknown"), StatusAuthorised, fields{}, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.what)+"/"+tt.from, func(t *testing.T) {
			t.Parallel()
			b := before(tt.from)
			c := &Consent{ID: "c1", Status: b.Status, BankStatus: b.BankStatus, LastAction: b.LastAction, LastError: b.LastError}
			changed, err := Apply(c, tt.what, now, "why")
			got := fields{c.Status, c.BankStatus, c.LastAction, c.LastError}
			if tt.refused {
				var te *TransitionError
				if !errors.Is(err, ErrTransition) || !errors.As(err, &te) || te.What != tt.what || te.From != tt.from || te.ID != "c1" {
					t.Errorf("err %v, want a *TransitionError of %s from %q", err, tt.what, tt.from)
				}
				if got != b || changed {
					t.Errorf("refused Apply changed %+v to %+v (changed %v)", b, got, changed)
				}
				return
			}
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
			confirms := tt.what == Authorised || tt.what == SteppedUp || tt.what == Reconfirmed
			if changed != (got != b || confirms) {
				t.Errorf("changed %v, fields %+v → %+v", changed, b, got)
			}
			if wantStepUp := tt.what == SteppedUp; c.StepUpAt.Equal(now) != wantStepUp {
				t.Errorf("StepUpAt %v, want set %v", c.StepUpAt, wantStepUp)
			}
			// An authorisation at the bank is also a confirmation; a reconfirmation is only that.
			if c.LastConfirmedAt.Equal(now) != confirms {
				t.Errorf("LastConfirmedAt %v, want set %v", c.LastConfirmedAt, confirms)
			}
			if wantAuth := confirms && tt.what != Reconfirmed; c.AuthorisedAt.Equal(now) != wantAuth {
				t.Errorf("AuthorisedAt %v, want set %v", c.AuthorisedAt, wantAuth)
			}
		})
	}
}

// TestApplyUnchanged: Apply reports no change when the fields already hold what it writes.
func TestApplyUnchanged(t *testing.T) {
	t.Parallel()
	c := &Consent{Status: StatusRevoked, BankStatus: BankRevoked, LastAction: ActionRevoked}
	if changed, err := Apply(c, Revoked, time.Now(), ""); err != nil || changed {
		t.Errorf("Apply = %v, %v; want false, nil", changed, err)
	}
}

// TestTransitionsTable: the table's invariants that its users rely on. Every row names a known
// happening, statuses and values; a happening moves a consent to one status at most (Target),
// records one action at most (ActionOf) and never lists a status in two rows; the statuses a
// journey may authorise (the store's condition, Authorisable) are listed, not AnyStatus; the
// actions are the app's (httpapi) and the bank statuses the bank's (bankapi) spelling.
func TestTransitionsTable(t *testing.T) {
	t.Parallel()
	known := map[Happening]bool{}
	for _, w := range []Happening{Created, Authorised, SteppedUp, AuthorisationFailed, AuthorisationUnresolved,
		ReauthRequired, ReauthReported, RefreshRejected, RefreshTokenLapsed, StepUpRequired, ReconsentRequired,
		BankRejected, BankExpired, AccountUnavailable, Used, Reconfirmed, Revoked, PaymentConsumed} {
		known[w] = true
	}
	statuses := append([]string{StatusNew, AnyStatus}, allStatuses...)
	targets, actions, seen := map[Happening]string{}, map[Happening]string{}, map[Happening][]string{}
	for i, r := range Transitions() {
		if !known[r.What] {
			t.Errorf("row %d: unknown happening %q", i, r.What)
		}
		for _, f := range r.From {
			if !slices.Contains(statuses, f) {
				t.Errorf("row %d (%s): unknown from status %q", i, r.What, f)
			}
			if slices.Contains(seen[r.What], f) {
				t.Errorf("row %d (%s): status %q already in an earlier row", i, r.What, f)
			}
			seen[r.What] = append(seen[r.What], f)
		}
		if r.To != Keep {
			if !slices.Contains(allStatuses, r.To) {
				t.Errorf("row %d (%s): unknown status %q", i, r.What, r.To)
			}
			if old, ok := targets[r.What]; ok && old != r.To {
				t.Errorf("%s moves to %s and %s", r.What, old, r.To)
			}
			targets[r.What] = r.To
		}
		if r.Action != Keep && r.Action != Clear {
			if old, ok := actions[r.What]; ok && old != r.Action {
				t.Errorf("%s records %s and %s", r.What, old, r.Action)
			}
			actions[r.What] = r.Action
		}
		if !slices.Contains([]string{Keep, Clear, Detail}, r.Error) {
			t.Errorf("row %d (%s): Error %q", i, r.What, r.Error)
		}
	}
	for w := range known {
		if len(seen[w]) == 0 {
			t.Errorf("%s has no row", w)
		}
		if Target(w) != targets[w] || ActionOf(w) != actions[w] {
			t.Errorf("%s: Target %q ActionOf %q", w, Target(w), ActionOf(w))
		}
	}
	for _, w := range []Happening{Authorised, SteppedUp} {
		if got := allowedFrom(w); !slices.Equal(got, authorisableStatuses) {
			t.Errorf("%s from %v, want the store's authorisable statuses %v", w, got, authorisableStatuses)
		}
	}
	if want := []string{StatusAwaitingAuthorisation, StatusAuthorised, StatusReauthRequired}; !slices.Equal(authorisableStatuses, want) {
		t.Errorf("authorisable %v, want %v", authorisableStatuses, want)
	}
	for _, s := range allStatuses {
		if Authorisable(s) != slices.Contains(authorisableStatuses, s) {
			t.Errorf("Authorisable(%s) = %v", s, Authorisable(s))
		}
	}
	for got, want := range map[string]string{ActionReauthenticate: httpapi.ActionReauthenticate, ActionStepUp: httpapi.ActionStepUp,
		ActionReconsent: httpapi.ActionReconsent, ActionAccountUnavailable: httpapi.ActionAccountUnavailable,
		BankAwaitingAuthorisation: bankapi.StatusAwaitingAuthorisation, BankRevoked: bankapi.StatusRevoked,
		BankConsumed: bankapi.StatusConsumed, BankAuthorised: "Authorised"} {
		if got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
}

// TestNextAllowed: Next and Allowed read the table as Apply does.
func TestNextAllowed(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		status string
		what   Happening
		next   string
		ok     bool
	}{
		{StatusAuthorised, ReauthRequired, StatusReauthRequired, true},
		{StatusRevoked, ReauthRequired, StatusRevoked, true},
		{StatusAuthorised, StepUpRequired, StatusAuthorised, true},
		{StatusReauthRequired, RefreshRejected, StatusReauthRequired, false},
		{StatusAwaitingAuthorisation, AuthorisationFailed, StatusFailed, true},
		{StatusConsumed, Authorised, StatusConsumed, false},
	} {
		next, ok := Next(tt.status, tt.what)
		if next != tt.next || ok != tt.ok || Allowed(tt.status, tt.what) != tt.ok {
			t.Errorf("Next(%s, %s) = %s, %v; want %s, %v", tt.status, tt.what, next, ok, tt.next, tt.ok)
		}
	}
}
