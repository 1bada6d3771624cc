package consent

import (
	"context"
	"slices"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/google/go-cmp/cmp"
)

// overlapAPI holds every Query a moment and records the most in flight at once.
type overlapAPI struct {
	DynamoDBAPI
	inflight, most atomic.Int32
}

func (o *overlapAPI) Query(ctx context.Context, in *dynamodb.QueryInput, f ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error) {
	n := o.inflight.Add(1)
	defer o.inflight.Add(-1)
	for m := o.most.Load(); n > m && !o.most.CompareAndSwap(m, n); m = o.most.Load() {
	}
	time.Sleep(5 * time.Millisecond)
	return o.DynamoDBAPI.Query(ctx, in, f...)
}

func TestIndexProbe(t *testing.T) {
	t.Parallel()
	s, clk, api := newStore(t)
	ctx := context.Background()
	now := clk.Now()
	put := func(id string, due time.Time) {
		t.Helper()
		tok := sampleTokens(id, now)
		tok.RefreshDue = due
		if err := s.PutTokens(ctx, tok); err != nil {
			t.Fatal(err)
		}
	}
	due := idsInShard(s, 3, 2, "due")
	for _, id := range due {
		put(id, now.Add(-time.Minute))
	}
	put(idsInShard(s, 3, 1, "later3")[0], now.Add(time.Hour))
	later := idsInShard(s, 5, 1, "later5")[0]
	put(later, now.Add(time.Hour))

	// readAll reads the first page of every shard due at before and the number of queries made.
	readAll := func(ctx context.Context, before time.Time) ([]string, int) {
		t.Helper()
		api.mu.Lock()
		api.queries = nil
		api.mu.Unlock()
		var ids []string
		for shard := range DefaultShards {
			page, _, err := s.DueForRefresh(ctx, shard, before, 10, Cursor{})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range page {
				ids = append(ids, d.ConsentID)
			}
		}
		sort.Strings(ids)
		api.mu.Lock()
		defer api.mu.Unlock()
		return ids, len(api.queries)
	}
	plain, plainQueries := readAll(ctx, now)
	if want := append([]string{}, due...); !cmp.Equal(plain, sorted(want)) {
		t.Fatalf("without the probe: %v, want %v", plain, sorted(want))
	}
	probed := s.WithIndexProbe(ctx)
	got, queries := readAll(probed, now)
	if !cmp.Equal(got, plain) {
		t.Errorf("with the probe: %v, want %v (the same entries)", got, plain)
	}
	// 16 probes of at most one entry, then one page of the one shard with something due.
	if plainQueries != DefaultShards || queries != DefaultShards+1 {
		t.Errorf("queries: %d without the probe, %d with; want %d and %d", plainQueries, queries, DefaultShards, DefaultShards+1)
	}
	if again, n := readAll(probed, now); n != 1 || !cmp.Equal(again, plain) {
		t.Errorf("reading again under the same probe: %v in %d queries, want %v in 1 (empty shards answered without a request)", again, n, plain)
	}
	// A later due time is a new probe: shard 5's entry, not due at now, is due then.
	if got, _ := readAll(probed, now.Add(2*time.Hour)); !slices.Contains(got, later) {
		t.Errorf("due at now+2h under the probe: %v, want %s among them", got, later)
	}

	// The probe's queries are made side by side.
	o := &overlapAPI{DynamoDBAPI: s.api}
	s2 := *s
	s2.api = o
	if _, _, err := s2.DueForRefresh(s2.WithIndexProbe(ctx), 0, now, 10, Cursor{}); err != nil {
		t.Fatal(err)
	}
	if m := o.most.Load(); m < 2 || m > probeParallel {
		t.Errorf("most queries in flight: %d, want 2..%d", m, probeParallel)
	}
}

func sorted(s []string) []string { sort.Strings(s); return s }
