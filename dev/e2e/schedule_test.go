package e2e

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// stackEnv overrides function settings for the run. The functions run as their own
// processes on the real clock, so advancing the bank's clock does not move theirs: with
// REFRESH_LOOKAHEAD equal to the bank's 30-minute access-token lifetime, tokens are due for
// the scheduled refresh as soon as they are stored, and only TestSchedule ticks the
// schedule (Options.ScheduleEvery keeps the background one away). REFRESH_POLICY recent keeps
// a used consent warm, which TestSchedule checks; the default, ondemand, would leave it to the
// proxy's refresh on use.
var stackEnv = map[string]string{"REFRESH_LOOKAHEAD": "30m", "REFRESH_POLICY": "recent",
	// Payments are polled a second after each change (paypoll_test.go): seconds, not minutes.
	"PAYMENT_POLL_BACKOFF": "1s",
	// Every payment journey runs with the bank's answer signatures verified (docs/bank-rules.md §Signed responses).
	"PIS_SIGNATURE": "verify",
	// The events sweep publishes what the stream left unpublished a second later, not ten
	// minutes (neverlost_test.go: sweepGrace).
	"EVENT_SWEEP_GRACE": "1s"}

// refreshGrants lists the token-endpoint refresh_token requests in reqs.
func refreshGrants(reqs []sandbox.RequestLog) []sandbox.RequestLog {
	var out []sandbox.RequestLog
	for _, r := range reqs {
		if r.Server == "api" && r.Method == http.MethodPost && r.GrantType == "refresh_token" {
			out = append(out, r)
		}
	}
	return out
}

// tickAndDrain runs the schedule as EventBridge would: the tokens run sends the due consents
// to the refresh queue, and the stack's event source mapping has the tokens function refresh
// them; it returns once the queue is empty.
func tickAndDrain(t *testing.T) {
	t.Helper()
	if err := st.TickSchedule(t.Context()); err != nil {
		t.Fatalf("scheduled run: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := st.WaitQueues(ctx); err != nil {
		t.Fatalf("refresh queue: %v", err)
	}
}

// TestSchedule advances the bank's clock to a minute before the access token expires,
// runs the schedule as EventBridge would, and checks that the tokens function refreshed the
// consent's tokens at the bank (through the refresh queue) and that the consent keeps working on the new token after
// the old one has expired at the bank.
func TestSchedule(t *testing.T) {
	c := newCaller(t)
	b := st.Bank()
	id := c.authorisedAIS(t) // also uses the consent (REFRESH_POLICY recent)
	store := tableStore()
	before, err := store.GetTokens(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := len(b.Requests())
	// The functions keep the real clock: once the bank's clock is 31 minutes ahead, the
	// client-credentials tokens they cached are dead at the bank (they do not retry a 401
	// with a new one), so any later test creating a consent would get a 502. Put it back.
	var advanced time.Duration
	advance := func(d time.Duration) { b.Advance(d); advanced += d }
	t.Cleanup(func() { b.Advance(-advanced) })
	advance(29 * time.Minute)
	tickAndDrain(t)
	var mine []sandbox.RequestLog
	for _, r := range refreshGrants(b.Requests()[n:]) {
		if r.Status == http.StatusOK {
			mine = append(mine, r)
		}
	}
	if len(mine) == 0 {
		t.Fatalf("the bank's request log shows no successful refresh_token grant after the scheduled run")
	}
	for _, r := range mine {
		if !r.BasicAuth || r.ClientCertFingerprint == "" {
			t.Errorf("refresh grant without client_secret_basic or mTLS: %+v", r)
		}
	}
	harvest(t)
	after, err := store.GetTokens(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if after.AccessToken == before.AccessToken || after.Version <= before.Version {
		t.Fatalf("the consent's tokens were not refreshed by the schedule (version %d → %d)", before.Version, after.Version)
	}

	advance(2 * time.Minute) // the old access token has now expired at the bank
	m := len(b.Requests())
	mustContain(t, c.get(t, "/consents/"+id+"/accounts"), "GET accounts on the refreshed token", "1001")
	if g := refreshGrants(b.Requests()[m:]); len(g) != 0 {
		t.Errorf("the call needed %d more refresh grants: the scheduled refresh was not used", len(g))
	}
}
