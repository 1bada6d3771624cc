package e2e

import (
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/shared/consent"
)

// TestScheduleFanOutWorkerFault: the schedule sends three due consents to the refresh queue
// and the tokens function, as the queue's worker, refreshes them. The worker's store fails
// while it takes one consent's lease, mid-batch: that message is reported failed and comes
// back after the (2-second) visibility timeout, and its redelivery refreshes the consent.
// Nothing is lost and nothing refreshed twice (a second refresh with the rotated refresh token
// would have made the bank refuse the consent): every consent still reads its accounts.
func TestScheduleFanOutWorkerFault(t *testing.T) {
	c := newCaller(t)
	b := st.Bank()
	ids := []string{c.authorisedAIS(t), c.authorisedAIS(t), c.authorisedAIS(t)}
	store := tableStore()
	before := map[string]*consent.Tokens{}
	for _, id := range ids {
		tk, err := store.GetTokens(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		before[id] = tk
	}
	var advanced time.Duration
	t.Cleanup(func() { b.Advance(-advanced) })
	b.Advance(29 * time.Minute)
	advanced += 29 * time.Minute
	// The first UpdateItem naming the consent is the run's enqueue mark; the next ones are
	// the worker's lease, failed through every SDK attempt.
	if err := st.InjectAWSFault("tokens", awsfault.Rule{Service: "dynamodb", Operation: "UpdateItem", Contains: ids[1],
		After: 1, Kind: awsfault.ServerError, Times: awsfault.DynamoDBAttempts}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.ClearAWSFaults)
	tickAndDrain(t)
	hits := 0
	for _, h := range st.AWSFaultHits() {
		if h.Operation == "UpdateItem" {
			hits++
		}
	}
	if hits != awsfault.DynamoDBAttempts {
		t.Fatalf("%d UpdateItem faults injected, want %d (the worker's lease on %s)", hits, awsfault.DynamoDBAttempts, ids[1])
	}
	for _, id := range ids {
		after, err := store.GetTokens(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		if after.AccessToken == before[id].AccessToken {
			t.Errorf("%s: not refreshed through the queue", id)
		}
	}
	harvest(t)
	b.Advance(2 * time.Minute) // the old access tokens have expired at the bank
	advanced += 2 * time.Minute
	for _, id := range ids {
		mustContain(t, c.get(t, "/consents/"+id+"/accounts"), "GET accounts after the fan-out", "1001")
	}
}
