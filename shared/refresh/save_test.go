package refresh_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh"
)

// flakyDynamoDB is the real (kumo) client with faults injected into the
// writes that store refreshed tokens (the UpdateItem that sets accessToken:
// Store.SaveRefreshed). Every other call passes through untouched.
type flakyDynamoDB struct {
	consent.DynamoDBAPI
	mu sync.Mutex
	// faults are used in order, one per save; a nil entry passes through.
	faults []saveFault
	saves  int
}

// saveFault is what one save attempt meets.
type saveFault struct {
	err   error
	after bool // apply the write, then answer err (the answer was lost)
}

func (f *flakyDynamoDB) UpdateItem(ctx context.Context, in *dynamodb.UpdateItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error) {
	if !slices.Contains(mapValues(in.ExpressionAttributeNames), "accessToken") {
		return f.DynamoDBAPI.UpdateItem(ctx, in, opts...)
	}
	f.mu.Lock()
	var fault saveFault
	if f.saves < len(f.faults) {
		fault = f.faults[f.saves]
	}
	f.saves++
	f.mu.Unlock()
	switch {
	case fault.err == nil:
		return f.DynamoDBAPI.UpdateItem(ctx, in, opts...)
	case fault.after:
		if _, err := f.DynamoDBAPI.UpdateItem(ctx, in, opts...); err != nil {
			return nil, err
		}
	}
	return nil, fault.err
}

func (f *flakyDynamoDB) attempts() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.saves
}

func mapValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// flakyRefresher is newRefresher with its store on a flakyDynamoDB.
func flakyRefresher(env *testenv.Env, faults ...saveFault) (*refresh.Refresher, *flakyDynamoDB) {
	api := &flakyDynamoDB{DynamoDBAPI: env.DDB, faults: faults}
	store := consent.New(api, env.Table)
	store.Now, store.Shards, store.Sealer = env.Deps.Store.Now, env.Deps.Store.Shards, env.Deps.Store.Sealer
	r := newRefresher(env, "flaky")
	r.Store = store
	return r, api
}

func TestRefreshSaveRetried(t *testing.T) {
	t.Parallel()
	throttled := &types.ProvisionedThroughputExceededException{Message: aws.String("rate of requests exceeds the allowed throughput")}
	for _, tc := range []struct {
		name   string
		faults []saveFault
	}{
		{"throttled", []saveFault{{err: throttled}}},
		{"plain-errors", []saveFault{{err: errors.New("connection reset by peer")}, {err: errors.New("503 service unavailable")}}},
		{"applied-answer-lost", []saveFault{{err: errors.New("read: i/o timeout"), after: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, sandbox.RefreshRotateOneTime)
			ctx := context.Background()
			id := refreshtest.Authorise(t, env)
			before := tokens(t, env, id)
			env.Bank.Advance(25 * time.Minute)
			r, api := flakyRefresher(env, tc.faults...)

			got, err := r.Refresh(ctx, id)
			if err != nil {
				t.Fatalf("Refresh with a transient store error: %v", err)
			}
			if n := api.attempts(); n != len(tc.faults)+1 && !tc.faults[0].after {
				t.Errorf("%d save attempts, want %d", n, len(tc.faults)+1)
			}
			stored := tokens(t, env, id)
			if stored.RefreshToken == before.RefreshToken || stored.RefreshToken != got.RefreshToken ||
				stored.AccessToken != got.AccessToken || stored.Version != before.Version+1 {
				t.Errorf("stored tokens: rotated %v, same as returned %v, version %d (before %d)",
					stored.RefreshToken != before.RefreshToken, stored.RefreshToken == got.RefreshToken, stored.Version, before.Version)
			}
			if stored.LeaseHolder != "" || stored.Failures != 0 || !stored.RefreshDue.Equal(stored.AccessExpiresAt.Add(-lookahead)) {
				t.Errorf("lease %q failures %d due %v", stored.LeaseHolder, stored.Failures, stored.RefreshDue)
			}
			// The rotated refresh token was kept: the one-time-use chain lives on.
			env.Bank.Advance(25 * time.Minute)
			if _, err := newRefresher(env, "next").Refresh(ctx, id); err != nil {
				t.Fatalf("next refresh with the stored (rotated) token: %v", err)
			}
			if total, by := refreshtest.RefreshGrants(env.Bank); total != 2 || by[200] != 2 {
				t.Errorf("bank refresh grants %d %v, want 2 answered 200", total, by)
			}
		})
	}
}

func TestRefreshSaveConflictNotRetried(t *testing.T) {
	t.Parallel()
	env := newEnv(t, sandbox.RefreshKeep)
	id := refreshtest.Authorise(t, env)
	before := tokens(t, env, id)
	r, api := flakyRefresher(env, saveFault{err: &types.ConditionalCheckFailedException{Message: aws.String("version")}})
	_, err := r.Refresh(context.Background(), id)
	if !errors.Is(err, consent.ErrConflict) {
		t.Fatalf("Refresh = %v, want a conflict", err)
	}
	if n := api.attempts(); n != 1 {
		t.Errorf("%d save attempts after a conflict, want 1", n)
	}
	if after := tokens(t, env, id); after.Version != before.Version || after.AccessToken != before.AccessToken {
		t.Error("tokens changed")
	}
}
