package consent

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// probeParallel bounds the probe's queries in flight.
const probeParallel = 8

// WithIndexProbe returns a context under which the due-index reads of the store (DueForRefresh,
// DueDeadlines, DuePayments, DueAccounts, the pending exchanges) skip the shards found to have
// nothing due. The first read of a kind of entry (a shard prefix, "R#", "D#", …) for a given
// due time probes every shard of that kind at once, at most probeParallel queries in flight,
// each reading at most one entry due at that time; a first page of a shard found empty is then
// answered empty without a request. A scheduled run whose shards are mostly empty (the usual
// case for every kind but the refreshes) makes its index reads side by side instead of one
// after another: its duration no longer grows with shards × kinds × a round trip.
//
// What the probe says holds for the phase that asked: a kind is probed when its first shard is
// read, so entries written by an earlier phase of the run are seen; an entry of the same kind
// written during the phase, for a shard already probed, waits for the next run (the phases
// write their own kind's entries only with a later due time). A probe that fails for a shard
// leaves that shard to its ordinary query, which reports the failure as before.
func (s *Store) WithIndexProbe(ctx context.Context) context.Context {
	return context.WithValue(ctx, indexProbeKey{}, &indexProbe{kinds: map[probeKind]*kindProbe{}})
}

type indexProbeKey struct{}

// probeKind is one kind of entry (its shard keys' prefix) at one due time.
type probeKind struct {
	prefix string
	before int64
}

type indexProbe struct {
	mu    sync.Mutex
	kinds map[probeKind]*kindProbe
}

// kindProbe is one kind's probe: done is closed when due is filled.
type kindProbe struct {
	done chan struct{}
	// empty holds the shard keys with nothing due (a failed probe leaves its shard out).
	empty map[string]bool
}

// skipShard reports whether a first page of shardKey due at before can be answered empty.
func (s *Store) skipShard(ctx context.Context, shardKey string, before time.Time) bool {
	p, _ := ctx.Value(indexProbeKey{}).(*indexProbe)
	i := strings.IndexByte(shardKey, '#')
	if p == nil || i < 0 {
		return false
	}
	k := probeKind{prefix: shardKey[:i+1], before: before.Unix()}
	p.mu.Lock()
	kp, found := p.kinds[k]
	if !found {
		kp = &kindProbe{done: make(chan struct{}), empty: map[string]bool{}}
		p.kinds[k] = kp
	}
	p.mu.Unlock()
	if !found {
		s.probeKind(ctx, k, kp)
	}
	select {
	case <-kp.done:
		return kp.empty[shardKey]
	case <-ctx.Done():
		return false
	}
}

// probeKind reads at most one entry due at k.before of every shard of kind k, concurrently.
func (s *Store) probeKind(ctx context.Context, k probeKind, kp *kindProbe) {
	defer close(kp.done)
	n := s.ShardCount()
	var (
		mu  sync.Mutex
		wg  sync.WaitGroup
		sem = make(chan struct{}, probeParallel)
	)
	for shard := range n {
		key := fmt.Sprintf("%s%02d", k.prefix, shard)
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			in := s.dueQuery(key, k.before)
			// One entry, and of it only the index's own key: whether there is one is all it asks.
			in.Limit, in.ProjectionExpression = aws.Int32(1), aws.String("refreshShard")
			out, err := s.api.Query(ctx, in)
			if err == nil && len(out.Items) == 0 && len(out.LastEvaluatedKey) == 0 {
				mu.Lock()
				kp.empty[key] = true
				mu.Unlock()
			}
		})
	}
	wg.Wait()
}
