package refresh_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/oauth"
	"github.com/coop-ob/connector/shared/refresh"
)

const lookahead = 10 * time.Minute

func newEnv(t *testing.T, mode sandbox.RefreshMode) *testenv.Env {
	t.Helper()
	return testenv.Start(t, testenv.Options{
		Bank: sandbox.Options{RefreshMode: mode},
		Env:  map[string]string{"BANK_HTTP_TIMEOUT": "1s"},
	})
}

func newRefresher(env *testenv.Env, holder string) *refresh.Refresher {
	d := env.Deps
	return &refresh.Refresher{Store: d.Store, OAuth: d.OAuth, Now: d.Now, Logger: d.Logger,
		Holder: holder, Lease: 30 * time.Second, Lookahead: lookahead, BusyWait: 300 * time.Millisecond}
}

func tokens(t *testing.T, env *testenv.Env, id string) *consent.Tokens {
	t.Helper()
	tk, err := env.Deps.Store.GetTokens(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func consentOf(t *testing.T, env *testenv.Env, id string) *consent.Consent {
	t.Helper()
	c, err := env.Deps.Store.GetConsent(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRefreshModes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		mode   sandbox.RefreshMode
		rotate bool
	}{
		{"keep", sandbox.RefreshKeep, false},
		{"rotate", sandbox.RefreshRotate, true},
		{"rotate-one-time", sandbox.RefreshRotateOneTime, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, tc.mode)
			ctx := context.Background()
			id := refreshtest.Authorise(t, env)
			before := tokens(t, env, id)
			r := newRefresher(env, "test")
			seen := []string{before.AccessToken, before.RefreshToken}
			prev := before
			for i := range 2 {
				env.Bank.Advance(25 * time.Minute)
				got, err := r.Refresh(ctx, id)
				if err != nil {
					t.Fatalf("refresh %d: %v", i, err)
				}
				stored := tokens(t, env, id)
				if stored.AccessToken != got.AccessToken || stored.RefreshToken != got.RefreshToken || stored.Version != got.Version {
					t.Errorf("refresh %d: returned tokens differ from the stored ones", i)
				}
				if got.AccessToken == prev.AccessToken {
					t.Errorf("refresh %d: access token not replaced", i)
				}
				if rotated := got.RefreshToken != prev.RefreshToken; rotated != tc.rotate {
					t.Errorf("refresh %d: refresh token rotated = %v, want %v", i, rotated, tc.rotate)
				}
				if !tc.rotate && !got.RefreshExpiresAt.Equal(before.RefreshExpiresAt) {
					t.Errorf("kept refresh token's expiry changed: %v → %v", before.RefreshExpiresAt, got.RefreshExpiresAt)
				}
				if want := got.AccessExpiresAt.Add(-lookahead); !got.RefreshDue.Equal(want) {
					t.Errorf("RefreshDue = %v, want %v", got.RefreshDue, want)
				}
				if got.LeaseHolder != "" || got.Version != prev.Version+1 {
					t.Errorf("lease %q version %d (prev %d)", got.LeaseHolder, got.Version, prev.Version)
				}
				seen = append(seen, got.AccessToken, got.RefreshToken)
				prev = got
			}
			total, by := refreshtest.RefreshGrants(env.Bank)
			if total != 2 || by[200] != 2 {
				t.Errorf("bank refresh grants %d %v, want 2 answered 200", total, by)
			}
			env.AssertNoSecrets(t, seen...)
		})
	}
}

func TestRefreshInvalidGrant(t *testing.T) {
	t.Parallel()
	env := newEnv(t, sandbox.RefreshKeep)
	ctx := context.Background()
	id := refreshtest.Authorise(t, env)
	before := tokens(t, env, id)
	if err := env.Bank.RevokeTokens(id); err != nil {
		t.Fatal(err)
	}
	_, err := newRefresher(env, "test").Refresh(ctx, id)
	if !errors.Is(err, refresh.ErrReauthRequired) || !oauth.IsInvalidGrant(err) {
		t.Fatalf("Refresh = %v, want ErrReauthRequired wrapping invalid_grant", err)
	}
	c := consentOf(t, env, id)
	if c.Status != consent.StatusReauthRequired || c.LastAction != "reauthenticate" || c.LastError != "invalid_grant" {
		t.Errorf("consent status %q action %q error %q", c.Status, c.LastAction, c.LastError)
	}
	after := tokens(t, env, id)
	if !after.RefreshDue.IsZero() || after.RefreshShard != "" || after.LeaseHolder != "" {
		t.Errorf("refresh index entry or lease left: due %v shard %q lease %q", after.RefreshDue, after.RefreshShard, after.LeaseHolder)
	}
	if after.RefreshToken != before.RefreshToken {
		t.Error("the refresh token was changed")
	}
}

func TestRefreshOneTimeReuseIsReauth(t *testing.T) {
	t.Parallel()
	env := newEnv(t, sandbox.RefreshRotateOneTime)
	ctx := context.Background()
	id := refreshtest.Authorise(t, env)
	old := tokens(t, env, id)
	r := newRefresher(env, "test")
	if _, err := r.Refresh(ctx, id); err != nil {
		t.Fatal(err)
	}
	// Someone writes back the spent token (what a lost race would do): the bank
	// revokes the chain and the consent needs the PSU again.
	cur := tokens(t, env, id)
	cur.RefreshToken = old.RefreshToken
	if err := env.Deps.Store.PutTokens(ctx, cur); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Refresh(ctx, id); !errors.Is(err, refresh.ErrReauthRequired) {
		t.Fatalf("reuse of a spent token: %v, want ErrReauthRequired", err)
	}
	if c := consentOf(t, env, id); c.Status != consent.StatusReauthRequired {
		t.Errorf("status %q", c.Status)
	}
}

func TestRefreshLapsed(t *testing.T) {
	t.Parallel()
	env := newEnv(t, sandbox.RefreshKeep)
	id := refreshtest.Authorise(t, env)
	env.Bank.Advance(31 * 24 * time.Hour)
	env.Bank.ResetRequests()
	if _, err := newRefresher(env, "test").Refresh(context.Background(), id); !errors.Is(err, refresh.ErrExpired) {
		t.Fatalf("Refresh = %v, want ErrExpired", err)
	}
	if n, _ := refreshtest.RefreshGrants(env.Bank); n != 0 {
		t.Errorf("%d refresh calls to the bank for a lapsed token", n)
	}
	c := consentOf(t, env, id)
	if c.Status != consent.StatusExpired || c.LastAction != "reauthenticate" {
		t.Errorf("consent status %q action %q", c.Status, c.LastAction)
	}
	// The Expired consent's tokens are deleted with its status write.
	if _, err := env.Deps.Store.GetTokens(context.Background(), id); !errors.Is(err, consent.ErrNotFound) {
		t.Errorf("lapsed tokens: %v, want erased", err)
	}
}

// A refresh whose answer does not arrive keeps the old tokens and backs
// off. What happens next depends on whether the bank processed it: if not,
// the old refresh token still works; if it did (and rotated, one-time use),
// the answer's loss cost the consent its token chain: the next refresh is
// invalid_grant and the consent ReauthRequired (docs/bank-rules.md §Refresh tokens), never a
// silent success.
func TestRefreshTransient(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		fault     sandbox.Fault
		processed bool // the bank handled the refresh before its answer was lost
	}{
		{"500", sandbox.Fault{Status: 500}, false},
		{"429", sandbox.Fault{Status: 429, RetryAfter: time.Second}, false},
		{"html-503", sandbox.Fault{Status: 503, HTML: true}, false},
		// BANK_HTTP_TIMEOUT is 1s: the client gives up, then the bank drops
		// the request unprocessed.
		{"timeout", sandbox.Fault{Delay: 1500 * time.Millisecond, Drop: true}, false},
		{"dropped", sandbox.Fault{Drop: true}, false},
		{"answer lost after processing", sandbox.Fault{DropAfterProcessing: true}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, sandbox.RefreshRotateOneTime)
			ctx := context.Background()
			id := refreshtest.Authorise(t, env)
			env.Bank.Advance(25 * time.Minute)
			before := tokens(t, env, id)
			env.Bank.Fail("/apis/oauth", tc.fault)
			r := newRefresher(env, "test")
			_, err := r.Refresh(ctx, id)
			if !oauth.IsTransient(err) {
				t.Fatalf("Refresh = %v, want a transient error", err)
			}
			after := tokens(t, env, id)
			now := env.Deps.Now()
			if after.AccessToken != before.AccessToken || after.RefreshToken != before.RefreshToken || after.Version != before.Version {
				t.Error("tokens changed by a failed refresh")
			}
			if after.Failures != 1 || after.LeaseHolder != "" || !after.RefreshDue.Equal(after.NextAttemptAt) ||
				after.NextAttemptAt.Before(now.Add(refresh.BackoffBase-5*time.Second)) {
				t.Errorf("backoff: failures %d lease %q due %v next %v (now %v)", after.Failures, after.LeaseHolder, after.RefreshDue, after.NextAttemptAt, now)
			}
			got, err := r.Refresh(ctx, id)
			if tc.processed {
				if !errors.Is(err, refresh.ErrReauthRequired) {
					t.Fatalf("refresh after a processed, lost rotation = %v, want ErrReauthRequired", err)
				}
				if c := consentOf(t, env, id); c.Status != consent.StatusReauthRequired {
					t.Errorf("consent %q, want ReauthRequired", c.Status)
				}
				return
			}
			if err != nil {
				t.Fatalf("second refresh with the unspent token: %v", err)
			}
			if got.Failures != 0 || got.RefreshToken == before.RefreshToken {
				t.Errorf("after success: failures %d, rotated %v", got.Failures, got.RefreshToken != before.RefreshToken)
			}
		})
	}
}

// Once the refresh token is sent, the caller giving up does not lose the
// answer: the bank call and the write finish, and the rotated token is
// stored (one-time use: losing it would cost the consent).
func TestRefreshOutlivesCaller(t *testing.T) {
	t.Parallel()
	env := newEnv(t, sandbox.RefreshRotateOneTime)
	id := refreshtest.Authorise(t, env)
	before := tokens(t, env, id)
	env.Bank.ResetRequests()
	env.Bank.Fail("/apis/oauth", sandbox.Fault{Delay: 300 * time.Millisecond}) // then handled normally
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		for n := 0; n == 0 && ctx.Err() == nil; n, _ = refreshtest.RefreshGrants(env.Bank) {
			time.Sleep(5 * time.Millisecond)
		}
		cancel() // the caller gives up while the bank is working
	}()
	r := newRefresher(env, "test")
	_, _ = r.Refresh(ctx, id)
	after := tokens(t, env, id)
	if after.Version != before.Version+1 || after.RefreshToken == before.RefreshToken || after.LeaseHolder != "" {
		t.Fatalf("tokens version %d → %d, rotated %v, lease %q: the bank's answer was lost", before.Version, after.Version,
			after.RefreshToken != before.RefreshToken, after.LeaseHolder)
	}
	if _, err := r.Refresh(context.Background(), id); err != nil {
		t.Errorf("refresh with the stored token: %v", err)
	}
}

// A refresh needs MinRemaining of the caller's deadline: with less, ErrNoTime
// and the token endpoint is not called.
func TestRefreshNeedsTime(t *testing.T) {
	t.Parallel()
	env := newEnv(t, sandbox.RefreshRotateOneTime)
	id := refreshtest.Authorise(t, env)
	env.Bank.Advance(25 * time.Minute)
	before := tokens(t, env, id)
	env.Bank.ResetRequests()
	r := newRefresher(env, "test")
	r.MinRemaining = time.Minute
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := r.Refresh(ctx, id); !errors.Is(err, refresh.ErrNoTime) {
		t.Errorf("Refresh = %v, want ErrNoTime", err)
	}
	if _, err := r.Valid(ctx, id, 10*time.Minute); !errors.Is(err, refresh.ErrNoTime) {
		t.Errorf("Valid = %v, want ErrNoTime", err)
	}
	if n, _ := refreshtest.RefreshGrants(env.Bank); n != 0 {
		t.Errorf("%d refresh calls, want 0", n)
	}
	if after := tokens(t, env, id); after.Version != before.Version || after.LeaseHolder != "" {
		t.Errorf("tokens changed: version %d → %d, lease %q", before.Version, after.Version, after.LeaseHolder)
	}
	if _, err := r.Refresh(context.Background(), id); err != nil { // no deadline: no limit
		t.Errorf("Refresh without a deadline: %v", err)
	}
}

// RefreshRejected refreshes only if the refused access token is still the
// stored one; otherwise someone refreshed already and their tokens serve.
func TestRefreshRejected(t *testing.T) {
	t.Parallel()
	env := newEnv(t, sandbox.RefreshRotateOneTime)
	ctx := context.Background()
	id := refreshtest.Authorise(t, env)
	old := tokens(t, env, id)
	r := newRefresher(env, "test")
	cur, err := r.RefreshRejected(ctx, id, old.AccessToken)
	if err != nil || cur.AccessToken == old.AccessToken {
		t.Fatalf("RefreshRejected(current token) = %v; refreshed %v", err, err == nil && cur.AccessToken != old.AccessToken)
	}
	got, err := r.RefreshRejected(ctx, id, old.AccessToken) // a second request refused the same old token
	if err != nil || got.AccessToken != cur.AccessToken || got.Version != cur.Version {
		t.Errorf("RefreshRejected(replaced token) = %v; want the stored tokens unchanged", err)
	}
	// Under another holder's lease, with the refused token still stored: wait BusyWait, then ErrBusy.
	if _, err := env.Deps.Store.AcquireLease(ctx, id, "other", env.Deps.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := r.RefreshRejected(ctx, id, cur.AccessToken); !errors.Is(err, refresh.ErrBusy) {
		t.Errorf("RefreshRejected under another's lease = %v, want ErrBusy after BusyWait", err)
	}
	if n, _ := refreshtest.RefreshGrants(env.Bank); n != 1 {
		t.Errorf("%d refresh calls, want 1", n)
	}
}

func TestRefreshSerialised(t *testing.T) {
	t.Parallel()
	env := newEnv(t, sandbox.RefreshRotateOneTime)
	ctx := context.Background()
	id := refreshtest.Authorise(t, env)
	env.Bank.Advance(25 * time.Minute)
	env.Bank.Fail("/apis/oauth", sandbox.Fault{Delay: 200 * time.Millisecond}) // keep the winner's lease held
	var wg sync.WaitGroup
	results := make([]error, 8)
	for i := range results {
		wg.Go(func() {
			_, results[i] = newRefresher(env, "worker-"+string(rune('a'+i))).Refresh(ctx, id)
		})
	}
	wg.Wait()
	ok, busy := 0, 0
	for _, err := range results {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, refresh.ErrBusy):
			busy++
		default:
			t.Errorf("unexpected: %v", err)
		}
	}
	if ok != 1 || busy != 7 {
		t.Errorf("%d refreshed, %d busy; want 1 and 7", ok, busy)
	}
	if n, _ := refreshtest.RefreshGrants(env.Bank); n != 1 {
		t.Errorf("%d refresh calls reached the bank, want 1", n)
	}
	// The stored refresh token is the live one.
	env.Bank.Advance(25 * time.Minute)
	if _, err := newRefresher(env, "later").Refresh(ctx, id); err != nil {
		t.Errorf("refresh with the stored token: %v", err)
	}
}

func TestRefreshIfDueAndValid(t *testing.T) {
	t.Parallel()
	env := newEnv(t, sandbox.RefreshKeep)
	ctx := context.Background()
	id := refreshtest.Authorise(t, env)
	r := newRefresher(env, "test")
	before := tokens(t, env, id)

	if _, err := r.RefreshIfDue(ctx, id, env.Deps.Now()); !errors.Is(err, refresh.ErrNotDue) {
		t.Errorf("RefreshIfDue before due = %v, want ErrNotDue", err)
	}
	got, err := r.Valid(ctx, id, 5*time.Minute)
	if err != nil || got.AccessToken != before.AccessToken {
		t.Errorf("Valid with a fresh token = %v; same token %v", err, err == nil && got.AccessToken == before.AccessToken)
	}
	if n, _ := refreshtest.RefreshGrants(env.Bank); n != 0 {
		t.Errorf("%d refresh calls for fresh tokens", n)
	}
	if tk := tokens(t, env, id); tk.Version != before.Version || !tk.RefreshDue.Equal(before.RefreshDue) || tk.LeaseHolder != "" {
		t.Error("ErrNotDue changed the tokens")
	}

	env.Bank.Advance(25 * time.Minute)
	got, err = r.Valid(ctx, id, 10*time.Minute)
	if err != nil || got.AccessToken == before.AccessToken {
		t.Fatalf("Valid with an expiring token = %v (refreshed %v)", err, err == nil && got.AccessToken != before.AccessToken)
	}

	// Another holder keeps the lease: Valid waits BusyWait, then ErrBusy.
	env.Bank.Advance(25 * time.Minute)
	if _, err := env.Deps.Store.AcquireLease(ctx, id, "other", env.Deps.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Valid(ctx, id, 10*time.Minute); !errors.Is(err, refresh.ErrBusy) {
		t.Errorf("Valid under another's lease = %v, want ErrBusy", err)
	}
	if _, err := r.Refresh(ctx, "no-such-consent"); !errors.Is(err, consent.ErrNotFound) {
		t.Errorf("Refresh(missing) = %v, want consent.ErrNotFound", err)
	}
}

func TestBackoff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		failures int
		want     time.Duration
	}{{1, time.Minute}, {2, 2 * time.Minute}, {3, 4 * time.Minute}, {7, time.Hour}, {40, time.Hour}} {
		if got := refresh.Backoff(tc.failures); got != tc.want {
			t.Errorf("Backoff(%d) = %v, want %v", tc.failures, got, tc.want)
		}
	}
}
