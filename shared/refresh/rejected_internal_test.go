package refresh

import (
	"context"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
)

// The in-lease check of RefreshRejected: Valid's pre-lease read usually
// answers first, so refresh is called directly with a rejected access token
// that is no longer the stored one (another request refreshed between the
// read and the lease). The stored tokens are returned, the bank is not
// called and nothing is written but the lease, which is released.
func TestRefreshRejectedUnderLease(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	ctx := context.Background()
	d := env.Deps
	id := refreshtest.Authorise(t, env)
	old, err := d.Store.GetTokens(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	r := &Refresher{Store: d.Store, OAuth: d.OAuth, Now: d.Now, Logger: d.Logger, Holder: "test", Lease: 30 * time.Second}
	cur, err := r.Refresh(ctx, id)
	if err != nil || cur.AccessToken == old.AccessToken {
		t.Fatalf("Refresh = %v; new access token %v", err, err == nil && cur.AccessToken != old.AccessToken)
	}

	got, err := r.refresh(ctx, id, job{rejected: old.AccessToken})
	if err != nil {
		t.Fatalf("refresh(rejected: replaced token) = %v", err)
	}
	if n, _ := refreshtest.RefreshGrants(env.Bank); n != 1 {
		t.Errorf("%d refresh_token grants, want 1: the replaced token's refusal must not refresh again", n)
	}
	stored, err := d.Store.GetTokens(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Version != cur.Version || stored.AccessToken != cur.AccessToken || stored.LeaseHolder != "" {
		t.Errorf("stored tokens changed: version %d → %d, lease %q", cur.Version, stored.Version, stored.LeaseHolder)
	}
	if got.AccessToken != cur.AccessToken || got.Version != cur.Version || got.LeaseHolder != "" {
		t.Errorf("refresh returned version %d (lease %q), want the stored tokens, version %d", got.Version, got.LeaseHolder, cur.Version)
	}
}
