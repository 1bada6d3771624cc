package consent

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// batchAPI is the store's client with BatchGetItem, recording every request by operation;
// unprocessed names the sort keys a BatchGetItem leaves unprocessed, as DynamoDB does under
// throttling.
type batchAPI struct {
	DynamoDBAPI
	batch       BatchGetAPI
	unprocessed map[string]bool
	mu          sync.Mutex
	ops         []string
}

func (b *batchAPI) op(name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.ops = append(b.ops, name)
}

func (b *batchAPI) GetItem(ctx context.Context, in *dynamodb.GetItemInput, o ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error) {
	b.op("GetItem")
	return b.DynamoDBAPI.GetItem(ctx, in, o...)
}

func (b *batchAPI) BatchGetItem(ctx context.Context, in *dynamodb.BatchGetItemInput, o ...func(*dynamodb.Options)) (*dynamodb.BatchGetItemOutput, error) {
	b.op("BatchGetItem")
	for table, ka := range in.RequestItems {
		if !*ka.ConsistentRead {
			panic("an eventually consistent read")
		}
		var ask, leave []map[string]types.AttributeValue
		for _, k := range ka.Keys {
			if b.unprocessed[k["sk"].(*types.AttributeValueMemberS).Value] {
				leave = append(leave, k)
			} else {
				ask = append(ask, k)
			}
		}
		out := &dynamodb.BatchGetItemOutput{Responses: map[string][]map[string]types.AttributeValue{}}
		if len(ask) > 0 {
			ka.Keys = ask
			got, err := b.batch.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{table: ka}}, o...)
			if err != nil {
				return nil, err
			}
			out = got
		}
		if len(leave) > 0 {
			ka.Keys = leave
			out.UnprocessedKeys = map[string]types.KeysAndAttributes{table: ka}
		}
		return out, nil
	}
	return nil, errors.New("no table")
}

// TestGetConsentAndTokens: the consent and its (sealed) tokens come back from one
// BatchGetItem, exactly as GetConsent and GetTokens read them; a consent without tokens
// answers nil tokens; another owner's consent, an empty owner and a missing consent answer
// ErrNotFound; a key DynamoDB leaves unprocessed is read with GetItem; a client without
// BatchGetItem reads with two GetItems.
func TestGetConsentAndTokens(t *testing.T) {
	t.Parallel()
	s, clk, plain := newStore(t)
	ctx := context.Background()
	api := &batchAPI{DynamoDBAPI: plain, batch: plain.DynamoDBAPI.(BatchGetAPI)}
	s.api = api
	c := sampleConsent("c-pair", "alice")
	if err := s.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	bare := sampleConsent("c-bare", "alice")
	if err := s.CreateConsent(ctx, bare); err != nil {
		t.Fatal(err)
	}
	if err := s.PutTokens(ctx, sampleTokens("c-pair", clk.Now())); err != nil {
		t.Fatal(err)
	}
	wantC, err := s.GetConsent(ctx, "c-pair")
	if err != nil {
		t.Fatal(err)
	}
	wantT, err := s.GetTokens(ctx, "c-pair")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, id, owner string
		unprocessed     []string
		noBatch         bool
		tokens          bool
		err             error
		ops             []string
	}{
		{name: "both", id: "c-pair", owner: "alice", tokens: true, ops: []string{"BatchGetItem"}},
		{name: "no tokens", id: "c-bare", owner: "alice", ops: []string{"BatchGetItem"}},
		{name: "another owner", id: "c-pair", owner: "bob", err: ErrNotFound, ops: []string{"BatchGetItem"}},
		{name: "no owner", id: "c-pair", owner: "", err: ErrNotFound, ops: []string{"BatchGetItem"}},
		{name: "missing", id: "c-none", owner: "alice", err: ErrNotFound, ops: []string{"BatchGetItem"}},
		{name: "tokens unprocessed", id: "c-pair", owner: "alice", unprocessed: []string{skToken}, tokens: true,
			ops: []string{"BatchGetItem", "GetItem"}},
		{name: "both unprocessed", id: "c-pair", owner: "alice", unprocessed: []string{skMeta, skToken}, tokens: true,
			ops: []string{"BatchGetItem", "GetItem", "GetItem"}},
		{name: "no BatchGetItem", id: "c-pair", owner: "alice", noBatch: true, tokens: true, ops: []string{"GetItem", "GetItem"}},
	} {
		api.ops, api.unprocessed = nil, map[string]bool{}
		for _, sk := range tc.unprocessed {
			api.unprocessed[sk] = true
		}
		s.api = api
		if tc.noBatch {
			s.api = struct{ DynamoDBAPI }{api}
		}
		gotC, gotT, err := s.GetConsentAndTokens(ctx, tc.id, tc.owner)
		if !errors.Is(err, tc.err) {
			t.Errorf("%s: err %v, want %v", tc.name, err, tc.err)
		}
		if diff := cmp.Diff(tc.ops, api.ops); diff != "" {
			t.Errorf("%s: requests (-want +got):\n%s", tc.name, diff)
		}
		if tc.err != nil {
			continue
		}
		if tc.id == "c-pair" {
			if diff := cmp.Diff(wantC, gotC); diff != "" {
				t.Errorf("%s: consent (-want +got):\n%s", tc.name, diff)
			}
		} else if gotC == nil || gotC.ID != tc.id {
			t.Errorf("%s: consent %+v", tc.name, gotC)
		}
		switch {
		case tc.tokens:
			if diff := cmp.Diff(wantT, gotT); diff != "" {
				t.Errorf("%s: tokens (-want +got):\n%s", tc.name, diff)
			}
		case gotT != nil:
			t.Errorf("%s: tokens %+v, want none", tc.name, gotT)
		}
	}
}
