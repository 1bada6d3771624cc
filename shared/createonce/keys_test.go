package createonce_test

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/createonce"
	"github.com/coop-ob/connector/shared/obconsent"
)

// TestClaimOutcomes: a key is claimed once per owner; the same request while the claim runs is
// InProgress with the claim's remaining time, another request is a Mismatch, a finished key is
// Done with its consent, a released key can be claimed again. The store is the real one (kumo).
func TestClaimOutcomes(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	var n atomic.Int64
	k := &createonce.Keys{Store: env.Deps.Store, Logger: env.Deps.Logger, Now: env.Deps.Now,
		NewClaim: func() string { return "claim-" + strconv.FormatInt(n.Add(1), 10) }, ReleaseTimeout: time.Second}
	ctx := context.Background()
	r := &obconsent.Request{Brand: "coop", Type: "accounts"}
	claim := func(owner, key string, r *obconsent.Request, want createonce.Outcome) createonce.Claim {
		t.Helper()
		c, err := k.Claim(ctx, owner, key, r)
		if err != nil || c.Outcome != want {
			t.Fatalf("Claim(%s, %s) = %+v, %v; want outcome %d", owner, key, c, err, want)
		}
		return c
	}

	first := claim("alice", "k-1", r, createonce.Claimed)
	if first.Key == nil || first.Key.RequestHash != createonce.RequestHash(r) {
		t.Fatalf("claimed key %+v", first.Key)
	}
	busy := claim("alice", "k-1", r, createonce.InProgress)
	if busy.Held == nil || busy.RetryAfter <= 0 || busy.RetryAfter > createonce.ClaimFor {
		t.Errorf("in progress: held %+v, retry after %v", busy.Held, busy.RetryAfter)
	}
	claim("alice", "k-1", &obconsent.Request{Brand: "smile", Type: "accounts"}, createonce.Mismatch)
	claim("bob", "k-1", r, createonce.Claimed) // keys are per owner

	k.Finish(ctx, first.Key, "consent-1")
	if done := claim("alice", "k-1", r, createonce.Done); done.ConsentID != "consent-1" {
		t.Errorf("done: consent %q", done.ConsentID)
	}

	second := claim("alice", "k-2", r, createonce.Claimed)
	k.Release(ctx, second.Key)
	claim("alice", "k-2", r, createonce.Claimed)

	k.Release(ctx, nil) // no key: nothing to do
	k.Finish(ctx, nil, "consent-2")
}

// TestRequestHash: spacing and field order do not count, every value does.
func TestRequestHash(t *testing.T) {
	t.Parallel()
	a := createonce.RequestHash(&obconsent.Request{Brand: "coop", Type: "accounts", Permissions: []string{"ReadAccountsBasic"}})
	if b := createonce.RequestHash(&obconsent.Request{Type: "accounts", Brand: "coop", Permissions: []string{"ReadAccountsBasic"}}); a != b {
		t.Error("same request, different hash")
	}
	if c := createonce.RequestHash(&obconsent.Request{Brand: "coop", Type: "accounts", Permissions: []string{"ReadAccountsDetail"}}); a == c {
		t.Error("different permission, same hash")
	}
}
