package consent

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/sivchari/kumo"

	"github.com/coop-ob/connector/shared/seal"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// countingAPI is the real client, recording every Query's counts.
type countingAPI struct {
	DynamoDBAPI
	mu      sync.Mutex
	queries []*dynamodb.QueryOutput
	updates []*dynamodb.UpdateItemInput
}

func (c *countingAPI) UpdateItem(ctx context.Context, in *dynamodb.UpdateItemInput, o ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error) {
	c.mu.Lock()
	c.updates = append(c.updates, in)
	c.mu.Unlock()
	return c.DynamoDBAPI.UpdateItem(ctx, in, o...)
}

func (c *countingAPI) Query(ctx context.Context, in *dynamodb.QueryInput, o ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error) {
	out, err := c.DynamoDBAPI.Query(ctx, in, o...)
	if err == nil {
		c.mu.Lock()
		c.queries = append(c.queries, out)
		c.mu.Unlock()
	}
	return out, err
}

var unsafeName = regexp.MustCompile(`[^a-zA-Z0-9_.-]`)

// kumoURL is the one kumo server of the package's tests. kumo.NewServer is
// not safe to call concurrently (it wires process-global services without
// locking: the race detector reports it), and kumo's state is process-global
// anyway, so the tests share one server and use a table each.
var kumoURL string

func TestMain(m *testing.M) {
	srv := kumo.NewServer()
	kumoURL = srv.URL
	code := m.Run()
	srv.Close()
	os.Exit(code)
}

// newStore creates a table unique to the test on the package's kumo server
// and returns a store on it with a test clock.
func newStore(t *testing.T) (*Store, *clock, *countingAPI) {
	t.Helper()
	client := dynamodb.New(dynamodb.Options{
		Region:       "eu-west-2",
		BaseEndpoint: aws.String(kumoURL),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
	}, func(o *dynamodb.Options) { o.DisableValidateResponseChecksum = true })
	b := make([]byte, 4)
	rand.Read(b)
	name := unsafeName.ReplaceAllString(t.Name(), "_")
	if len(name) > 200 {
		name = name[:200]
	}
	name += "-" + hex.EncodeToString(b)
	ctx := context.Background()
	if err := CreateTable(ctx, client, name); err != nil {
		t.Fatalf("CreateTable: %v", err)
	}
	api := &countingAPI{DynamoDBAPI: client}
	s := New(api, name)
	// Every store test runs with sealing on, as the functions do.
	s.Sealer = seal.New(newKMS(t), testKey(t), seal.Context(name, "tokens"), seal.Settings{})
	// Start from the real time: kumo's TTL reaper deletes items whose ttl is
	// past by the wall clock, and sessions must not vanish mid-test.
	c := &clock{t: time.Now().UTC().Truncate(time.Second)}
	s.Now = c.Now
	return s, c, api
}

func TestCreateTableDefinition(t *testing.T) {
	t.Parallel()
	def := TableDefinition("x")
	if got := len(def.GlobalSecondaryIndexes); got != 3 { // owner, refresh, deadline
		t.Fatalf("GSIs = %d, want 3", got)
	}
	if def.GlobalSecondaryIndexes[1].Projection.ProjectionType != "INCLUDE" {
		t.Errorf("refresh index projection = %s, want INCLUDE", def.GlobalSecondaryIndexes[1].Projection.ProjectionType)
	}
	s, _, api := newStore(t)
	ttl, err := api.DynamoDBAPI.(*dynamodb.Client).DescribeTimeToLive(context.Background(), &dynamodb.DescribeTimeToLiveInput{TableName: aws.String(s.table)})
	if err != nil {
		t.Fatal(err)
	}
	if d := ttl.TimeToLiveDescription; d == nil || aws.ToString(d.AttributeName) != TTLAttribute || d.TimeToLiveStatus != "ENABLED" {
		t.Errorf("TTL = %+v, want enabled on %s", d, TTLAttribute)
	}
	// A second create of the same name must fail: CreateTable reports errors.
	if err := CreateTable(context.Background(), api.DynamoDBAPI.(TableAPI), s.table); err == nil {
		t.Fatal("CreateTable twice: no error")
	}
}
