package consent

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"os"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/sivchari/kumo"

	"github.com/coop-ob/connector/dev/table"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
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
	b := make([]byte, 4)
	rand.Read(b)
	name := unsafeName.ReplaceAllString(t.Name(), "_")
	if len(name) > 200 {
		name = name[:200]
	}
	name += "-" + hex.EncodeToString(b)
	ctx := context.Background()
	if err := table.CreateAt(ctx, kumoURL, name); err != nil {
		t.Fatalf("create table: %v", err)
	}
	client := kumoClient(nil)
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

// kumoClient is the connector's DynamoDB client on the package's kumo server, over hc (nil:
// the default client).
func kumoClient(hc *http.Client) *dynamodb.Client {
	cfg := aws.Config{Region: "eu-west-2", Credentials: credentials.NewStaticCredentialsProvider("test", "test", "")}
	if hc != nil {
		cfg.HTTPClient = hc
	}
	return dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.Endpoint = kumoURL })
}
