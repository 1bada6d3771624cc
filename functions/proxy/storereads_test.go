package main

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/setup"
)

// opCounter records the operation of every DynamoDB request a client makes (once per call,
// whatever its retries), and when each UpdateItem answered.
type opCounter struct {
	mu      sync.Mutex
	ops     []string
	updated []time.Time
}

func (c *opCounter) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	ops := c.ops
	c.ops = nil
	return ops
}

// observe is the client's awsapi Options.Observe, which sees every call once, when it ends.
func (c *opCounter) observe(_ context.Context, _, op string, _ error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ops = append(c.ops, op)
	if op == "UpdateItem" {
		c.updated = append(c.updated, time.Now())
	}
}

// TestWarmReadOneStoreRequest: a warm read of an account resource whose access token is valid
// makes one DynamoDB request, a consistent BatchGetItem of the consent and its tokens, and no
// KMS request (the sealed tokens are opened with the cached data key), with the connector's
// client counted by its observer against kumo. The first (cold) call of the container is
// not counted: it reads the credentials secret and asks KMS for the data key.
// countedHandler is a handler on f's environment whose DynamoDB client is counted and whose
// KMS client is kmsCalls.
func countedHandler(t *testing.T, f *fixture) (*Handler, *opCounter, *countingKMS) {
	t.Helper()
	counter := &opCounter{}
	ddb := f.env.DDB.With(func(o *dynamodb.Options) {
		metric := o.Observe
		o.Observe = func(ctx context.Context, svc, op string, err error) {
			metric(ctx, svc, op, err)
			counter.observe(ctx, svc, op, err)
		}
	})
	d, err := setup.NewWith(f.env.Deps.Config, ddb, f.env.SM, f.env.Deps.Logger)
	if err != nil {
		t.Fatal(err)
	}
	kmsCalls := &countingKMS{KMS: f.env.KMS}
	d.UseSealer(kmsCalls)
	d.SetClock(f.env.Bank.Now)
	d.Metrics = f.env.Deps.Metrics // not stdout
	return New(d), counter, kmsCalls
}

func TestWarmReadOneStoreRequest(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	h, counter, kmsCalls := countedHandler(t, f)
	req := aisGet(c, "/balances", "1001", "").event()
	ctx := context.Background()
	if resp, _ := h.Handle(ctx, req); resp.StatusCode != http.StatusOK {
		t.Fatalf("cold read: %d %s", resp.StatusCode, resp.Body)
	}
	counter.take()
	kmsBefore := kmsCalls.n.Load()
	for i := range 3 {
		if resp, _ := h.Handle(ctx, req); resp.StatusCode != http.StatusOK {
			t.Fatalf("warm read %d: %d %s", i, resp.StatusCode, resp.Body)
		}
		if diff := cmp.Diff([]string{"BatchGetItem"}, counter.take()); diff != "" {
			t.Errorf("warm read %d: DynamoDB requests (-want +got):\n%s", i, diff)
		}
	}
	if n := kmsCalls.n.Load() - kmsBefore; n != 0 {
		t.Errorf("%d KMS requests on warm reads, want 0", n)
	}
}

// TestUseRecordedBesideTheBankCall: under a policy that reads uses (recent, all), a read whose
// last recorded use is touchEvery old writes the use (TouchTokens, one UpdateItem) while the
// bank call is still in flight, not after it: the write had answered long before the bank's
// delayed answer came back. The read's path still holds one store request.
func TestUseRecordedBesideTheBankCall(t *testing.T) {
	t.Parallel()
	const bankDelay = 400 * time.Millisecond
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	h, counter, _ := countedHandler(t, f)
	h.touchUses = true // as under REFRESH_POLICY recent or all
	req := aisGet(c, "/balances", "1001", "").event()
	ctx := context.Background()
	if resp, _ := h.Handle(ctx, req); resp.StatusCode != http.StatusOK {
		t.Fatalf("first read: %d %s", resp.StatusCode, resp.Body)
	}
	before := f.tokens(c.ID)
	f.env.Bank.Advance(touchEvery + time.Minute)
	counter.take()
	counter.updated = nil
	f.env.Bank.Fail(balancesPath, sandbox.Fault{Delay: bankDelay})
	if resp, _ := h.Handle(ctx, req); resp.StatusCode != http.StatusOK {
		t.Fatalf("read: %d %s", resp.StatusCode, resp.Body)
	}
	answered := time.Now()
	if diff := cmp.Diff([]string{"BatchGetItem", "UpdateItem"}, counter.take()); diff != "" {
		t.Errorf("DynamoDB requests (-want +got):\n%s", diff)
	}
	if len(counter.updated) != 1 || answered.Sub(counter.updated[0]) < bankDelay/2 {
		t.Errorf("the use was written at %v, the call answered at %v: want the write beside the bank call (%s)", counter.updated, answered, bankDelay)
	}
	if after := f.tokens(c.ID); !after.UsedAt.After(before.UsedAt) || after.Version != before.Version {
		t.Errorf("UsedAt %v → %v, version %d → %d: want the use recorded, the tokens unchanged", before.UsedAt, after.UsedAt, before.Version, after.Version)
	}
}
