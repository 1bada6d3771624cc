package e2e

import (
	"net/http"
	"testing"

	"github.com/coop-ob/connector/client"
	"github.com/coop-ob/connector/dev/awsfault"
)

// TestStoreFaultRetryLater: the consents function, running as a binary, meets DynamoDB 5xx on
// the write of a revoke (the consent's status, in a transaction that also erases its shared
// accounts) for longer than its SDK retries; the stack's front injects them. The app gets 503
// retry-later with Retry-After, not 500; the consent is not half revoked, and the same DELETE
// again finishes it.
func TestStoreFaultRetryLater(t *testing.T) {
	c := newCaller(t)
	id := c.authorisedAIS(t)
	err := st.InjectAWSFault("consents", awsfault.Rule{Service: "dynamodb", Operation: "TransactWriteItems", Contains: id,
		Kind: awsfault.ServerError, Times: awsfault.DynamoDBAttempts})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.ClearAWSFaults)

	res := c.revoke(t, id)
	p := res.ApplicationproblemJSON503
	if p == nil {
		t.Fatalf("DELETE = %d %s, want a 503 problem", res.StatusCode(), res.Body)
	}
	if p.Type != client.Problem503TypeRetryLater || p.Action == nil || *p.Action != client.Problem503ActionRetryLater ||
		res.Headers503.RetryAfter == nil {
		t.Errorf("problem %s, headers %+v: want retry-later with Retry-After", res.Body, res.Headers503)
	}
	hits := 0
	for _, h := range st.AWSFaultHits() {
		if h.Operation == "TransactWriteItems" && h.Kind == awsfault.ServerError {
			hits++
		}
	}
	if hits != awsfault.DynamoDBAttempts {
		t.Errorf("%d faults injected, want %d (one per SDK attempt)", hits, awsfault.DynamoDBAttempts)
	}
	if got := c.consent(t, id).Status; got != client.Authorised {
		t.Errorf("status %q after the failed revoke, want Authorised", got)
	}
	if res := c.revoke(t, id); res.StatusCode() != http.StatusNoContent {
		t.Fatalf("DELETE again = %d %s, want 204", res.StatusCode(), res.Body)
	}
	if got := c.consent(t, id).Status; got != client.Revoked {
		t.Errorf("status %q after the second DELETE, want Revoked", got)
	}
}
