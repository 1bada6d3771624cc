package e2e

import (
	"slices"
	"testing"
)

// TestWarmReadOneStoreRequest: through the local stack, the proxy's deployed build under the
// emulator, its AWS requests counted at the stack's IAM front: a warm read of balances whose
// access token is valid makes one request, dynamodb:BatchGetItem of the consent and its
// tokens (no second read, no write under the default refresh policy, no KMS request: the
// data key is cached).
func TestWarmReadOneStoreRequest(t *testing.T) {
	c := newCaller(t)
	cr := c.createConsent(t, aisBody())
	expectOutcome(t, journey(t, cr.AuthorizationUrl, alice), cr.ConsentId, "authorised")
	path := "/consents/" + cr.ConsentId + "/accounts/1001/balances"
	mustContain(t, c.get(t, path), "GET balances (the container warms up)", "1001")
	for i := range 3 {
		before := len(st.AWSRequests("proxy"))
		mustContain(t, c.get(t, path), "GET balances", "1001")
		if got := st.AWSRequests("proxy")[before:]; !slices.Equal(got, []string{"dynamodb:BatchGetItem"}) {
			t.Errorf("warm read %d: the proxy's AWS requests = %v, want [dynamodb:BatchGetItem]", i, got)
		}
	}
}
