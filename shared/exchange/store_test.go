package exchange_test

import (
	"context"
	"errors"
	"io"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/consent"
)

// flakyWrites is the real (kumo) client whose first TransactWriteItems
// calls fail with err before reaching the table: throttling and dropped
// connections cannot be produced by kumo itself.
type flakyWrites struct {
	consent.DynamoDBAPI
	failures atomic.Int32 // calls still to fail
	calls    atomic.Int32
	err      error
}

func (f *flakyWrites) TransactWriteItems(ctx context.Context, in *dynamodb.TransactWriteItemsInput, o ...func(*dynamodb.Options)) (*dynamodb.TransactWriteItemsOutput, error) {
	f.calls.Add(1)
	if f.failures.Add(-1) >= 0 {
		return nil, f.err
	}
	return f.DynamoDBAPI.TransactWriteItems(ctx, in, o...)
}

// storeOn is env's store on api (same table, clock and shards).
func storeOn(env *testenv.Env, api consent.DynamoDBAPI) *consent.Store {
	s := consent.New(api, env.Table)
	s.Now, s.Shards, s.Sealer = env.Deps.Store.Now, env.Deps.Store.Shards, env.Deps.Store.Sealer
	return s
}

// TestCompleteRetriesTransientStoreFailures: the tokens are issued once, so a
// throttled or dropped store write is tried again (with the same tokens, no
// new token request); a store answer (the session already used) is not.
func TestCompleteRetriesTransientStoreFailures(t *testing.T) {
	t.Parallel()
	for name, err := range map[string]error{
		"throttled":    &types.ProvisionedThroughputExceededException{Message: aws.String("slow down")},
		"server error": &types.InternalServerError{Message: aws.String("internal")},
		"transaction conflict": &types.TransactionCanceledException{CancellationReasons: []types.CancellationReason{
			{Code: aws.String("TransactionConflict")}, {Code: aws.String("None")}, {Code: aws.String("None")}}},
		"dropped": io.ErrUnexpectedEOF,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := testenv.Start(t, testenv.Options{})
			api := &flakyWrites{DynamoDBAPI: env.DDB, err: err}
			api.failures.Store(2)
			e := newExchanger(env)
			e.Store = storeOn(env, api)
			var c consent.Consent
			s, code := journey(t, env, &c, false, alice)
			env.Bank.ResetRequests()
			if err := e.Complete(t.Context(), s, code); err != nil {
				t.Fatalf("Complete after two %s writes: %v", name, err)
			}
			if n, r := api.calls.Load(), codeRequests(env); n != 3 || r != 1 {
				t.Errorf("%d writes and %d token requests, want 3 and 1", n, r)
			}
			if got, _ := env.Deps.Store.GetConsent(t.Context(), c.ID); got.Status != consent.StatusAuthorised {
				t.Errorf("consent %s, want Authorised", got.Status)
			}
			if _, err := env.Deps.Store.GetTokens(t.Context(), c.ID); err != nil {
				t.Errorf("tokens: %v", err)
			}
		})
	}
	t.Run("session used", func(t *testing.T) {
		t.Parallel()
		env := testenv.Start(t, testenv.Options{})
		api := &flakyWrites{DynamoDBAPI: env.DDB}
		e := newExchanger(env)
		e.Store = storeOn(env, api)
		var c consent.Consent
		s, code := journey(t, env, &c, false, alice)
		if err := env.Deps.Store.FinishExchange(t.Context(), s.StateHash, consent.SessionFailed); err != nil {
			t.Fatal(err)
		}
		if err := e.Complete(t.Context(), s, code); !errors.Is(err, consent.ErrSessionUsed) {
			t.Fatalf("Complete of a spent session: %v, want ErrSessionUsed", err)
		}
		if n := api.calls.Load(); n != 1 {
			t.Errorf("%d writes, want 1: a spent session is an answer, not a failure to retry", n)
		}
	})
}
