package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/coop-ob/connector/dev/awsfault"
)

// TestStoreFaultRetryLater: the consents function, running as a binary, meets DynamoDB 5xx on
// the write of a revoke (the consent's status) for longer than its SDK retries; the stack's
// front injects them. The app gets 503 retry-later with Retry-After, not 500; the consent is
// not half revoked, and the same DELETE again finishes it.
func TestStoreFaultRetryLater(t *testing.T) {
	c := newCaller(t)
	id := c.authorisedAIS(t)
	err := st.InjectAWSFault("consents", awsfault.Rule{Service: "dynamodb", Operation: "PutItem", Contains: id,
		Kind: awsfault.ServerError, Times: awsfault.DynamoDBAttempts})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.ClearAWSFaults)

	r := c.call(t, http.MethodDelete, "/consents/"+id, nil, nil)
	p := problemOf(t, r, http.StatusServiceUnavailable)
	if !strings.HasSuffix(p.Type, "/retry-later") || p.Action != "retryLater" || r.header.Get("Retry-After") == "" {
		t.Errorf("problem %+v, Retry-After %q: want retry-later with Retry-After", p, r.header.Get("Retry-After"))
	}
	hits := 0
	for _, h := range st.AWSFaultHits() {
		if h.Operation == "PutItem" && h.Kind == awsfault.ServerError {
			hits++
		}
	}
	if hits != awsfault.DynamoDBAttempts {
		t.Errorf("%d faults injected, want %d (one per SDK attempt)", hits, awsfault.DynamoDBAttempts)
	}
	var got struct{ Status string }
	c.get(t, "/consents/"+id).decode(t, &got)
	if got.Status != "Authorised" {
		t.Errorf("status %q after the failed revoke, want Authorised", got.Status)
	}
	mustStatus(t, c.call(t, http.MethodDelete, "/consents/"+id, nil, nil), http.StatusNoContent, "DELETE again")
	c.get(t, "/consents/"+id).decode(t, &got)
	if got.Status != "Revoked" {
		t.Errorf("status %q after the second DELETE, want Revoked", got.Status)
	}
}
