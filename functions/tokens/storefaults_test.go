package main

import (
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
)

// TestLeaseStoreFaults: a scheduled run whose lease fails in the store with every fault the SDK
// retries, for longer than it retries, counts the consent retryLater (not an error), sends no
// refresh token and leaves the tokens due as they were; the next run refreshes them once.
func TestLeaseStoreFaults(t *testing.T) {
	t.Parallel()
	for _, kind := range awsfault.Retried() {
		t.Run(kind.String(), func(t *testing.T) {
			t.Parallel()
			inj := awsfault.New(1)
			inj.Hang = 20 * time.Millisecond
			e := testenv.Start(t, testenv.Options{Bank: sandbox.Options{RefreshMode: sandbox.RefreshRotateOneTime}, Faults: inj,
				Env: map[string]string{"BANK_HTTP_TIMEOUT": "1s", "REFRESH_POLICY": "all", "REFRESH_SHARDS": "4"}})
			f := &fixture{env: e, h: New(e.Deps), metrics: &testenv.SyncBuffer{}}
			f.h.metrics = f.metrics
			id := refreshtest.Authorise(t, f.env)
			f.advance(25 * time.Minute)
			before := f.tokens(t, id)
			e.Bank.ResetRequests()
			inj.Add(awsfault.Rule{Service: "dynamodb", Operation: "UpdateItem", Contains: "leaseUntil", Kind: kind, Times: awsfault.DynamoDBAttempts})
			if s := f.run(t); s.Due != 1 || s.RetryLater != 1 || s.Errors != 0 || s.Refreshed != 0 {
				t.Fatalf("run with the lease failing: %+v", pick(s))
			}
			after := f.tokens(t, id)
			if after.Version != before.Version || after.RefreshToken != before.RefreshToken || !after.RefreshDue.Equal(before.RefreshDue) || after.LeaseHolder != "" {
				t.Fatalf("tokens changed: version %d → %d, due %v → %v, lease %q", before.Version, after.Version, before.RefreshDue, after.RefreshDue, after.LeaseHolder)
			}
			if n := len(e.Bank.Requests()); n != 0 {
				t.Fatalf("%d bank requests without a lease", n)
			}
			if s := f.run(t); s.Due != 1 || s.Refreshed != 1 {
				t.Fatalf("next run: %+v", pick(s))
			}
			if got := f.tokens(t, id); got.RefreshToken == before.RefreshToken {
				t.Error("refresh token not rotated by the next run")
			}
		})
	}
}
