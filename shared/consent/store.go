package consent

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// DynamoDBAPI is the part of *dynamodb.Client the store uses.
type DynamoDBAPI interface {
	GetItem(ctx context.Context, in *dynamodb.GetItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
	PutItem(ctx context.Context, in *dynamodb.PutItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
	UpdateItem(ctx context.Context, in *dynamodb.UpdateItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error)
	DeleteItem(ctx context.Context, in *dynamodb.DeleteItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DeleteItemOutput, error)
	Query(ctx context.Context, in *dynamodb.QueryInput, optFns ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error)
	TransactWriteItems(ctx context.Context, in *dynamodb.TransactWriteItemsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.TransactWriteItemsOutput, error)
}

// DefaultShards is the default number of shards of the refresh index (REFRESH_SHARDS).
const DefaultShards = 16

// Store reads and writes the connector's items in one DynamoDB table.
type Store struct {
	api   DynamoDBAPI
	table string

	// Now is the clock; conditions on leases, TTLs and backoff use it.
	Now func() time.Time
	// Shards is the number of refresh-index shards. Items are written with
	// shard fnv32a(id) % Shards, so changing it needs the due items re-keyed
	// (SetRefreshDue rewrites the key).
	Shards int
	// NewKey makes bank idempotency keys (≤ 40 characters) for payments that
	// do not carry one.
	NewKey func() string
	// ReconfirmPeriod is RECONFIRM_PERIOD: with it every consent write
	// stores the consent's ActionBy (deadline.go).
	ReconfirmPeriod time.Duration
	// ReconfirmWarn is RECONFIRM_WARN: how long before ActionBy the
	// deadline's warning is due in the refresh index.
	ReconfirmWarn time.Duration
	// Sealer, when set, seals the secret attributes (sealing.go) before
	// every write and opens them after every read. Nil stores them plain
	// (tools and tests without KMS).
	Sealer Sealer
	// PaymentPollBackoff is PAYMENT_POLL_BACKOFF: the waits before each
	// background poll of a payment (the last repeats); none: no polling.
	PaymentPollBackoff []time.Duration
	// PaymentPollLimit is PAYMENT_POLL_LIMIT: polls before the background
	// gives a payment up (0: no limit).
	PaymentPollLimit int
	// EndedRetention is ENDED_RETENTION: how long a closed consent's item and
	// a settled payment record are kept before DynamoDB's TTL erases them
	// (retention.go; zero: DefaultEndedRetention).
	EndedRetention time.Duration
}

// New returns a Store on table with the real clock and DefaultShards shards.
func New(api DynamoDBAPI, table string) *Store {
	return &Store{api: api, table: table, Now: time.Now, Shards: DefaultShards, NewKey: uuid.NewString}
}

// Item sort keys and key prefixes.
const (
	consentPrefix   = "CONSENT#"
	authPrefix      = "AUTH#"
	skMeta          = "META"
	skToken         = "TOKEN"
	skSession       = "SESSION"
	paymentPrefix   = "PAYMENT#"
	createKeyPrefix = "IDEMPOTENCY#"
	skCreate        = "CREATE"
)

func key(pk, sk string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"pk": str(pk), "sk": str(sk)}
}

func str(s string) types.AttributeValue { return &types.AttributeValueMemberS{Value: s} }

func num(n int64) types.AttributeValue {
	return &types.AttributeValueMemberN{Value: fmt.Sprint(n)}
}

// shard returns the index shard of an id: fnv32a(id) % Shards.
func (s *Store) shard(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(s.ShardCount()))
}

// ShardCount is the number of refresh-index shards: Shards, or DefaultShards when it is not set.
func (s *Store) ShardCount() int {
	if s.Shards > 0 {
		return s.Shards
	}
	return DefaultShards
}

// Shard returns the refresh-index shard a consent's tokens are written to.
func (s *Store) Shard(consentID string) int { return s.shard(consentID) }

func refreshShardKey(shard int) string  { return fmt.Sprintf("R#%02d", shard) }
func exchangeShardKey(shard int) string { return fmt.Sprintf("X#%02d", shard) }
func deadlineShardKey(shard int) string { return fmt.Sprintf("D#%02d", shard) }
func paymentShardKey(shard int) string  { return fmt.Sprintf("P#%02d", shard) }

// isConditionFailed reports whether err is a failed ConditionExpression.
func isConditionFailed(err error) bool {
	var ccf *types.ConditionalCheckFailedException
	return errors.As(err, &ccf)
}

// cancelledAt reports which transaction items failed their condition.
func cancelledAt(err error) (failed []bool, ok bool) {
	var tce *types.TransactionCanceledException
	if !errors.As(err, &tce) {
		return nil, false
	}
	for _, r := range tce.CancellationReasons {
		failed = append(failed, r.Code != nil && *r.Code == "ConditionalCheckFailed")
	}
	return failed, true
}

// expr accumulates expression attribute names and values under fixed-width
// placeholders (see the package comment for why).
type expr struct {
	names  map[string]string
	byName map[string]string
	values map[string]types.AttributeValue
	sets   []string
	rems   []string
}

func newExpr() *expr {
	return &expr{names: map[string]string{}, byName: map[string]string{}, values: map[string]types.AttributeValue{}}
}

// n returns the placeholder of an attribute name.
func (e *expr) n(attr string) string {
	if p, ok := e.byName[attr]; ok {
		return p
	}
	p := fmt.Sprintf("#n%02d", len(e.byName))
	e.byName[attr] = p
	e.names[p] = attr
	return p
}

// v returns the placeholder of a value.
func (e *expr) v(av types.AttributeValue) string {
	p := fmt.Sprintf(":v%02d", len(e.values))
	e.values[p] = av
	return p
}

func (e *expr) set(attr string, av types.AttributeValue) {
	e.sets = append(e.sets, e.n(attr)+" = "+e.v(av))
}
func (e *expr) remove(attrs ...string) {
	for _, a := range attrs {
		e.rems = append(e.rems, e.n(a))
	}
}

// update renders the SET and REMOVE clauses.
func (e *expr) update() *string {
	var b []string
	if len(e.sets) > 0 {
		b = append(b, "SET "+strings.Join(e.sets, ", "))
	}
	if len(e.rems) > 0 {
		b = append(b, "REMOVE "+strings.Join(e.rems, ", "))
	}
	u := strings.Join(b, " ")
	return &u
}

func (e *expr) valuesOrNil() map[string]types.AttributeValue {
	if len(e.values) == 0 {
		return nil
	}
	return e.values
}
