package main

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/shared/accountlist"
	"github.com/coop-ob/connector/shared/consent"
)

// TestAccountsReadRetried: an accounts read the callback could not do (marked pending, as it
// does) is retried by the tokens run once due, from the refresh index, and then leaves it; a
// pending read of a consent that no longer gives access erases the item instead.
func TestAccountsReadRetried(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshRotate, nil)
	ctx := context.Background()
	st := f.env.Deps.Store
	id := refreshtest.Authorise(t, f.env)
	if err := st.MarkAccountsPending(ctx, id, 0, accountlist.NextRetry(f.env.Bank.Now(), 1)); err != nil {
		t.Fatal(err)
	}
	f.run(t) // not due yet
	if a, err := st.GetAccounts(ctx, id); err != nil || !a.Pending || len(a.Accounts) != 0 {
		t.Fatalf("before the retry: %+v %v", a, err)
	}
	f.advance(accountlist.RetryAfter)
	f.run(t)
	a, err := st.GetAccounts(ctx, id)
	if err != nil || a.Pending || a.RetryShard != "" || len(a.Accounts) == 0 {
		t.Fatalf("after the retry: %+v %v, want the accounts read and the entry gone", a, err)
	}

	gone := refreshtest.Authorise(t, f.env)
	c := f.consent(t, gone)
	if _, err := consent.Apply(c, consent.Revoked, f.env.Bank.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := st.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := st.MarkAccountsPending(ctx, gone, 0, f.env.Bank.Now().Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	f.run(t)
	if _, err := st.GetAccounts(ctx, gone); !errors.Is(err, consent.ErrNotFound) {
		t.Errorf("pending read of a revoked consent: %v, want the item erased", err)
	}
}
