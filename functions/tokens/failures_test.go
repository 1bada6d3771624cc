package main

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/shared/consent"
)

func TestTransientFailureRetriedAfterBackoff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		fault sandbox.Fault
	}{
		{"500", sandbox.Fault{Status: 500}},
		{"timeout", sandbox.Fault{Delay: 1500 * time.Millisecond}}, // BANK_HTTP_TIMEOUT is 1s
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, sandbox.RefreshRotateOneTime, nil)
			id := refreshtest.Authorise(t, f.env)
			f.advance(25 * time.Minute)
			before := f.tokens(t, id)
			f.env.Bank.Fail("/apis/oauth", tc.fault)
			if s := f.run(t); s.Due != 1 || s.RetryLater != 1 || s.Refreshed != 0 {
				t.Fatalf("failing run: %+v", pick(s))
			}
			after := f.tokens(t, id)
			if after.RefreshToken != before.RefreshToken || after.AccessToken != before.AccessToken || after.Failures != 1 {
				t.Errorf("old tokens not kept as they were (failures %d)", after.Failures)
			}
			// Backing off: not due on the very next run.
			if s := f.run(t); s.Due != 0 {
				t.Errorf("run during the backoff: %+v", pick(s))
			}
			f.advance(2 * time.Minute)
			if s := f.run(t); s.Refreshed != 1 {
				t.Fatalf("run after the backoff: %+v", pick(s))
			}
			if got := f.tokens(t, id); got.Failures != 0 || got.RefreshToken == before.RefreshToken {
				t.Errorf("after recovery: failures %d, rotated %v", got.Failures, got.RefreshToken != before.RefreshToken)
			}
			if c := f.consent(t, id); c.Status != consent.StatusAuthorised {
				t.Errorf("status %s", c.Status)
			}
		})
	}
}

func TestInvalidGrantNeedsReauth(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, nil)
	id := refreshtest.Authorise(t, f.env)
	f.advance(25 * time.Minute)
	if err := f.env.Bank.RevokeTokens(id); err != nil {
		t.Fatal(err)
	}
	if s := f.run(t); s.ReauthRequired != 1 || s.Refreshed != 0 {
		t.Fatalf("summary %+v", pick(s))
	}
	c := f.consent(t, id)
	if c.Status != consent.StatusReauthRequired || c.LastAction != "reauthenticate" {
		t.Errorf("consent %s / %s", c.Status, c.LastAction)
	}
	if dt, d := f.lastEvent(t, id); dt != consent.EventConsentReauthRequired || d.Happening != string(consent.RefreshRejected) || d.Reason != "invalid_grant" {
		t.Errorf("last event %s %+v; want Reauthentication Required for the refused refresh", dt, d)
	}
	if tk := f.tokens(t, id); !tk.RefreshDue.IsZero() {
		t.Error("refresh index entry not cleared")
	}
	f.advance(time.Hour)
	if s := f.run(t); s.Due != 0 {
		t.Errorf("dead consent still scheduled: %+v", pick(s))
	}
}

func TestLapsedRefreshTokenExpires(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, nil)
	id := refreshtest.Authorise(t, f.env)
	f.env.PutAccounts(t, id)
	f.advance(31 * 24 * time.Hour)
	f.env.Bank.ResetRequests()
	if s := f.run(t); s.Expired != 1 || s.Due != 1 {
		t.Fatalf("summary %+v", pick(s))
	}
	if n, _ := refreshtest.RefreshGrants(f.env.Bank); n != 0 {
		t.Errorf("%d refresh calls for a lapsed token", n)
	}
	if c := f.consent(t, id); c.Status != consent.StatusExpired {
		t.Errorf("status %s", c.Status)
	}
	if dt, d := f.lastEvent(t, id); dt != consent.EventConsentExpired || d.Happening != string(consent.RefreshTokenLapsed) {
		t.Errorf("last event %s %+v; want Consent Expired for the lapsed refresh token", dt, d)
	}
	if f.env.AccountsStored(t, id) {
		t.Error("the expired consent kept its shared accounts")
	}
}

func TestDeadlineLeavesBacklog(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, map[string]string{"REFRESH_CONCURRENCY": "2"})
	const n = 24
	for range n {
		refreshtest.Authorise(t, f.env)
	}
	f.advance(25 * time.Minute)
	f.env.Bank.Fail("/apis/oauth", sandbox.Fault{Delay: 250 * time.Millisecond, Count: 2 * n})
	// Stop margin is max(20 %, BANK_HTTP_TIMEOUT + 2 s) = 3 s: about 1 s of work.
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
	defer cancel()
	s, err := f.h.Handle(ctx, json.RawMessage(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	if s.Refreshed == 0 || s.Refreshed >= n || !s.Incomplete || s.Errors != 0 {
		t.Fatalf("deadline run: %+v", s)
	}
	if s.Refreshed+s.RetryLater+s.Remaining != s.Due {
		t.Errorf("counts do not add up: %+v", pick(s))
	}
	if ctx.Err() != nil {
		t.Error("Handle returned after its deadline")
	}
	first := s.Refreshed
	f.env.Bank.ClearFaults()
	s = f.run(t)
	if s.Refreshed != n-first || s.Incomplete {
		t.Errorf("next run refreshed %d, want the %d left: %+v", s.Refreshed, n-first, pick(s))
	}
	if total, _ := refreshtest.RefreshGrants(f.env.Bank); total != n {
		t.Errorf("%d refresh calls, want %d", total, n)
	}
}

func TestRunFailsWhenTheTableIsUnreachable(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, nil)
	f.h.store = consent.New(f.env.DDB, "no-such-table-"+t.Name())
	if _, err := f.h.Handle(context.Background(), json.RawMessage(`{}`)); err == nil {
		t.Fatal("Handle succeeded without a table")
	}
	runs := f.logLines(t, "tokens run")
	if len(runs) != 1 || runs[0]["level"] != "ERROR" {
		t.Errorf("summary line %v", runs)
	}
}
