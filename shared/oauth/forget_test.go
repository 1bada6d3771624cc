package oauth

import (
	"context"
	"testing"
)

// TestForgetClientCredentials: a token the bank rejected is dropped from the cache (the next
// call fetches a new one); forgetting a stale token keeps the newer cached one.
func TestForgetClientCredentials(t *testing.T) {
	t.Parallel()
	c, te, _, _ := setup(t, AuthBasic)
	ctx := context.Background()
	first, err := c.ClientCredentials(ctx, "accounts")
	if err != nil {
		t.Fatal(err)
	}
	other, err := c.ClientCredentials(ctx, "payments")
	if err != nil {
		t.Fatal(err)
	}
	c.ForgetClientCredentials(first)
	second, err := c.ClientCredentials(ctx, "accounts")
	if err != nil {
		t.Fatal(err)
	}
	if second.AccessToken == first.AccessToken || len(te.requests()) != 3 {
		t.Fatalf("after forgetting: token reused or %d requests (want 3)", len(te.requests()))
	}
	if again, _ := c.ClientCredentials(ctx, "payments"); again.AccessToken != other.AccessToken {
		t.Error("forgetting an accounts token dropped the payments token too")
	}
	c.ForgetClientCredentials(first) // stale: the cache holds second now
	if third, _ := c.ClientCredentials(ctx, "accounts"); third.AccessToken != second.AccessToken || len(te.requests()) != 3 {
		t.Errorf("forgetting a stale token dropped the newer one (%d requests)", len(te.requests()))
	}
	c.ForgetClientCredentials(nil)
}
