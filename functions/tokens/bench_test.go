package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	sdkattributevalue "github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	sdkdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/consent"
)

// countingDDB counts what the store reads: items the index queries scanned and
// GetItem calls. It wraps the real client (kumo); nothing is faked.
type countingDDB struct {
	consent.DynamoDBAPI
	scanned, gets atomic.Int64
}

func (c *countingDDB) Query(ctx context.Context, in *dynamodb.QueryInput, o ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error) {
	out, err := c.DynamoDBAPI.Query(ctx, in, o...)
	if err == nil {
		c.scanned.Add(int64(out.ScannedCount))
	}
	return out, err
}

func (c *countingDDB) GetItem(ctx context.Context, in *dynamodb.GetItemInput, o ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error) {
	c.gets.Add(1)
	return c.DynamoDBAPI.GetItem(ctx, in, o...)
}

// benchSize reads an integer from the environment (for quicker local runs).
func benchSize(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkScheduledRun measures one scheduled run over a table of
// BENCH_TOKENS (100 000) token items of which BENCH_DUE (1 000) are due and
// real at the sandbox bank: items read per due token (index items scanned +
// GetItem calls) and refreshes per second.
func BenchmarkScheduledRun(b *testing.B) {
	total, due := benchSize("BENCH_TOKENS", 100_000), benchSize("BENCH_DUE", 1_000)
	// SEAL_PASS_ITEMS=0: the filled items are plain, and the run measured is the refresh alone
	// (BenchmarkSealPass measures the sealing pass).
	env := testenv.Start(b, testenv.Options{Env: map[string]string{"REFRESH_POLICY": "all", "SEAL_PASS_ITEMS": "0"},
		Bank: sandbox.Options{RefreshMode: sandbox.RefreshRotate}})
	start := time.Now()
	fillTable(b, env, total-due)
	filled := time.Since(start)
	start = time.Now()
	for range due {
		refreshtest.Authorise(b, env)
	}
	b.Logf("setup: %d idle token items in %v, %d authorised consents in %v", total-due, filled.Round(time.Second), due, time.Since(start).Round(time.Second))

	h := New(env.Deps)
	h.metrics = &testenv.SyncBuffer{}
	counter := &countingDDB{DynamoDBAPI: env.DDB}
	store := consent.New(counter, env.Table)
	store.Now, store.Shards, store.Sealer = env.Deps.Now, env.Deps.Store.Shards, env.Deps.Store.Sealer
	h.store, h.exchanger.Store = store, store

	for _, policy := range []string{config.RefreshAll, config.RefreshRecent} {
		b.Run("policy="+policy, func(b *testing.B) {
			h.cfg.RefreshPolicy = policy
			counter.scanned.Store(0)
			counter.gets.Store(0)
			var dueTotal, refreshedTotal int
			var elapsed time.Duration
			for b.Loop() {
				b.StopTimer()
				env.Bank.Advance(25 * time.Minute) // every real consent is due again
				b.StartTimer()
				t0 := time.Now()
				s, err := h.Handle(context.Background(), json.RawMessage(`{}`))
				elapsed += time.Since(t0)
				if err != nil || s.Refreshed != due || s.Due != due {
					b.Fatalf("run: %v %+v", err, s)
				}
				dueTotal += s.Due
				refreshedTotal += s.Refreshed
			}
			b.ReportMetric(float64(counter.scanned.Load()+counter.gets.Load())/float64(dueTotal), "items-read/due-token")
			b.ReportMetric(float64(refreshedTotal)/elapsed.Seconds(), "refreshes/s")
		})
	}
}

// fillTable writes n token items straight into the table (the SDK's BatchWriteItem,
// 8 writers): half scheduled far in the future, half unscheduled, as idle and
// not-yet-due consents are. None is due, so a run must not read them.
func fillTable(b *testing.B, env *testenv.Env, n int) {
	b.Helper()
	ctx := context.Background()
	now := env.Deps.Now()
	items := make(chan map[string]sdktypes.AttributeValue, 256)
	var wg sync.WaitGroup
	var failed atomic.Value
	for range 8 {
		wg.Go(func() {
			batch := make([]sdktypes.WriteRequest, 0, 25)
			flush := func() {
				if len(batch) == 0 {
					return
				}
				_, err := env.SDK.BatchWriteItem(ctx, &sdkdynamodb.BatchWriteItemInput{RequestItems: map[string][]sdktypes.WriteRequest{env.Table: batch}})
				if err != nil {
					failed.Store(err)
				}
				batch = batch[:0]
			}
			for it := range items {
				batch = append(batch, sdktypes.WriteRequest{PutRequest: &sdktypes.PutRequest{Item: it}})
				if len(batch) == 25 {
					flush()
				}
			}
			flush()
		})
	}
	for i := range n {
		id := fmt.Sprintf("idle-%07d", i)
		t := consent.Tokens{ConsentID: id, Owner: "bench", AccessToken: "a", RefreshToken: "r",
			AccessExpiresAt: now.Add(-time.Hour), RefreshExpiresAt: now.Add(29 * 24 * time.Hour), Version: 1}
		item, err := sdkattributevalue.MarshalMap(t)
		if err != nil {
			b.Fatal(err)
		}
		item["pk"] = &sdktypes.AttributeValueMemberS{Value: "CONSENT#" + id}
		item["sk"] = &sdktypes.AttributeValueMemberS{Value: "TOKEN"}
		if i%2 == 0 {
			item["refreshDue"] = &sdktypes.AttributeValueMemberN{Value: strconv.FormatInt(now.AddDate(10, 0, 0).Unix(), 10)}
			item["refreshShard"] = &sdktypes.AttributeValueMemberS{Value: fmt.Sprintf("R#%02d", env.Deps.Store.Shard(id))}
		}
		items <- item
	}
	close(items)
	wg.Wait()
	if err, ok := failed.Load().(error); ok {
		b.Fatalf("fill table: %v", err)
	}
}

// BenchmarkSealPass measures the upgrade's sealing pass as the scheduled run does it: over a
// table of BENCH_PLAIN (20 000) token items written plain by the previous release, each
// iteration is one run's step of SEAL_PASS_ITEMS (5 000) items; it reports the time of a step
// that seals (a full one) and the items sealed per second (kumo on loopback: in AWS each
// conditional UpdateItem costs a few milliseconds more). A step that finds the table sealed
// refills it, and is not counted.
func BenchmarkSealPass(b *testing.B) {
	plain := benchSize("BENCH_PLAIN", 20_000)
	env := testenv.Start(b, testenv.Options{Env: map[string]string{"SEAL_PASS_ITEMS": "5000"}})
	fillTable(b, env, plain)
	ctx := context.Background()
	never := func() bool { return false }
	// The first step writes the marker; the pass reads nothing until SealSettle later.
	if _, err := env.Deps.Store.SealPassStep(ctx, env.Deps.Scan, env.Deps.Config.SealPassItems, never); err != nil {
		b.Fatal(err)
	}
	env.Bank.Advance(consent.SealSettle)
	var sealed, steps int
	var elapsed time.Duration
	for b.Loop() {
		t0 := time.Now()
		r, err := env.Deps.Store.SealPassStep(ctx, env.Deps.Scan, env.Deps.Config.SealPassItems, never)
		d := time.Since(t0)
		if err != nil {
			b.Fatal(err)
		}
		if r.Sealed > 0 {
			sealed, steps, elapsed = sealed+r.Sealed, steps+1, elapsed+d
		} else { // the table is sealed: fill it again, outside the timing
			b.StopTimer()
			fillTable(b, env, plain)
			b.StartTimer()
		}
	}
	if steps == 0 {
		b.Fatal("no step sealed anything")
	}
	b.ReportMetric(float64(elapsed.Milliseconds())/float64(steps), "ms/step")
	b.ReportMetric(float64(sealed)/elapsed.Seconds(), "sealed/s")
}

// delayedDDB adds a round trip to every Query, as a store in the region has (kumo on loopback
// answers in a fraction of one).
type delayedDDB struct {
	consent.DynamoDBAPI
	rtt time.Duration
}

func (c delayedDDB) Query(ctx context.Context, in *dynamodb.QueryInput, o ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error) {
	if c.rtt > 0 {
		time.Sleep(c.rtt)
	}
	return c.DynamoDBAPI.Query(ctx, in, o...)
}

// BenchmarkQuietRun measures a scheduled run with nothing due (one authorised consent, its
// refresh not due) whose store queries each take BENCH_RTT (3 ms, a DynamoDB Query in the
// region; 0: kumo as it is), with the index probe (Store.WithIndexProbe: each phase's shards
// read side by side) and without (one after another), interleaved; it reports the median run
// of each and their ratio.
func BenchmarkQuietRun(b *testing.B) {
	rtt := 3 * time.Millisecond
	if n, err := strconv.Atoi(os.Getenv("BENCH_RTT_US")); err == nil && n >= 0 {
		rtt = time.Duration(n) * time.Microsecond
	}
	env := testenv.Start(b, testenv.Options{})
	refreshtest.Authorise(b, env)
	h := New(env.Deps)
	h.metrics = &testenv.SyncBuffer{}
	store := consent.New(delayedDDB{DynamoDBAPI: env.DDB, rtt: rtt}, env.Table)
	store.Now, store.Shards, store.Sealer = env.Deps.Now, env.Deps.Store.Shards, env.Deps.Store.Sealer
	h.store, h.exchanger.Store = store, store
	var probed, plain []float64
	for b.Loop() {
		for _, off := range []bool{false, true} {
			h.noIndexProbe = off
			t0 := time.Now()
			s, err := h.Handle(context.Background(), json.RawMessage(`{}`))
			if err != nil || s.Due != 0 {
				b.Fatalf("run: %v %+v", err, s)
			}
			ms := float64(time.Since(t0).Microseconds()) / 1e3
			if off {
				plain = append(plain, ms)
			} else {
				probed = append(probed, ms)
			}
		}
	}
	mp, mq := median(plain), median(probed)
	b.ReportMetric(mq, "probed-run-ms")
	b.ReportMetric(mp, "sequential-run-ms")
	b.ReportMetric(mq/mp, "probed/sequential")
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}
