package consent

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
)

// written returns the attribute names an UpdateItem sets or removes.
func written(in *dynamodb.UpdateItemInput) []string {
	var out []string
	for _, n := range in.ExpressionAttributeNames {
		out = append(out, n)
	}
	return out
}

// TestTouchWritesNoIndexedAttribute: a touch writes only "lastUse", which the
// refresh index does not project (so it costs no index write), and the touch
// is read back as UsedAt and survives a refresh that held the lease meanwhile.
func TestTouchWritesNoIndexedAttribute(t *testing.T) {
	t.Parallel()
	s, clk, api := newStore(t)
	ctx := context.Background()
	tok := sampleTokens("touch-1", clk.Now())
	if err := s.PutTokens(ctx, tok); err != nil {
		t.Fatal(err)
	}
	leased, err := s.AcquireLease(ctx, "touch-1", "w1", clk.Now().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	at := clk.Now().Add(time.Minute).Truncate(time.Second)
	api.mu.Lock()
	api.updates = nil
	api.mu.Unlock()
	if err := s.TouchTokens(ctx, "touch-1", at); err != nil {
		t.Fatal(err)
	}
	indexed := append(RefreshIndexAttributes(), "refreshShard", "refreshDue")
	api.mu.Lock()
	for _, in := range api.updates {
		for _, n := range written(in) {
			if n != "pk" && slices.Contains(indexed, n) {
				t.Errorf("a touch writes %q, which the refresh index projects", n)
			}
		}
	}
	api.mu.Unlock()
	leased.AccessToken = "at-2"
	if err := s.SaveRefreshed(ctx, leased, "w1"); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetTokens(ctx, "touch-1")
	if err != nil {
		t.Fatal(err)
	}
	if !got.UsedAt.Equal(at) || !got.LastUse.IsZero() {
		t.Errorf("UsedAt %v (lastUse %v), want the touch at %v", got.UsedAt, got.LastUse, at)
	}
}

// TestLeaseOfEitherGeneration: a lease the previous release took (only the
// "leaseUntil" attribute) still turns this release's AcquireLease away, and a
// lease this release takes writes "leaseUntil" too, which the previous
// release's AcquireLease checks (writeLeaseUntilV1).
func TestLeaseOfEitherGeneration(t *testing.T) {
	t.Parallel()
	s, clk, api := newStore(t)
	ctx := context.Background()
	if err := s.PutTokens(ctx, sampleTokens("gen-1", clk.Now())); err != nil {
		t.Fatal(err)
	}
	// The previous release's lease: holder and leaseUntil.
	e := newExpr()
	e.set("leaseHolder", str("old-release"))
	e.set("leaseUntil", num(clk.Now().Add(time.Minute).Unix()))
	if _, err := api.DynamoDBAPI.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(consentPK("gen-1"), skToken), UpdateExpression: e.update(),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AcquireLease(ctx, "gen-1", "new", clk.Now().Add(time.Minute)); !errors.Is(err, ErrLeaseHeld) {
		t.Fatalf("AcquireLease over the previous release's lease: %v, want ErrLeaseHeld", err)
	}
	if tk, err := s.GetTokens(ctx, "gen-1"); err != nil || !tk.LeaseUntil.Equal(clk.Now().Add(time.Minute)) {
		t.Fatalf("LeaseUntil %v (%v), want the old lease's end", tk.LeaseUntil, err)
	}
	clk.Advance(2 * time.Minute)
	tk, err := s.AcquireLease(ctx, "gen-1", "new", clk.Now().Add(time.Minute))
	if err != nil {
		t.Fatalf("AcquireLease after the old lease lapsed: %v", err)
	}
	out, err := api.DynamoDBAPI.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(s.table),
		Key: key(consentPK("gen-1"), skToken), ConsistentRead: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"leaseEnd", "leaseUntil"} {
		if _, ok := out.Item[a]; !ok {
			t.Errorf("a lease does not write %q", a)
		}
	}
	if err := s.ReleaseLease(ctx, "gen-1", "new", tk.Failures, tk.NextAttemptAt, tk.RefreshDue); err != nil {
		t.Fatal(err)
	}
	if got, err := s.GetTokens(ctx, "gen-1"); err != nil || !got.LeaseUntil.IsZero() || got.LeaseHolder != "" {
		t.Errorf("after release: lease %v holder %q (%v)", got.LeaseUntil, got.LeaseHolder, err)
	}
}
