package consent

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// DueToken is a refresh-index entry: what the scheduled refresher needs to
// pick work without reading the tokens (which are not in the index).
type DueToken struct {
	ConsentID        string    `dynamodbav:"consentId"`
	Owner            string    `dynamodbav:"consentOwner"`
	RefreshDue       time.Time `dynamodbav:"refreshDue,unixtime"`
	AccessExpiresAt  time.Time `dynamodbav:"accessExpiresAt,unixtime"`
	RefreshExpiresAt time.Time `dynamodbav:"refreshExpiresAt,unixtime"`
	// LeaseUntil: the projected "leaseUntil" this release still writes
	// (writeLeaseUntilV1); once it does not, leased entries show none and the
	// lease's condition alone turns a second worker away.
	LeaseUntil    time.Time `dynamodbav:"leaseUntil,unixtime"`
	Failures      int       `dynamodbav:"failures"`
	NextAttemptAt time.Time `dynamodbav:"nextAttemptAt,unixtime"`
	// UsedAt: Tokens.UsedAt; zero for tokens written before it existed.
	UsedAt time.Time `dynamodbav:"usedAt,unixtime"`
}

// Cursor is an opaque position in a paginated index read; the zero Cursor
// starts at the beginning.
type Cursor struct {
	key map[string]types.AttributeValue
}

// More reports whether a read returning this cursor left items unread.
func (c Cursor) More() bool { return len(c.key) > 0 }

// DueForRefresh lists up to limit tokens of one shard whose refresh is due
// at or before `before`, earliest first. It is a Query on the sparse refresh
// index (shard key "R#nn", refreshDue <= before), never a Scan: its cost
// grows with the number of due tokens, not with the table. Pass the returned
// cursor back while it has More.
func (s *Store) DueForRefresh(ctx context.Context, shard int, before time.Time, limit int32, cursor Cursor) ([]DueToken, Cursor, error) {
	return dueEntries[DueToken](ctx, s, refreshShardKey(shard), before, limit, cursor)
}

// dueEntries reads one page of the refresh index's shardKey entries due at
// before, each unmarshalled as a T.
func dueEntries[T any](ctx context.Context, s *Store, shardKey string, before time.Time, limit int32, cursor Cursor) ([]T, Cursor, error) {
	var due []T
	next, err := s.queryIndex(ctx, shardKey, before, limit, cursor, func(item map[string]types.AttributeValue) error {
		var d T
		if err := unmarshal(item, &d); err != nil {
			return err
		}
		due = append(due, d)
		return nil
	})
	return due, next, err
}

// queryIndex reads one page of the refresh index for shardKey, due <= before.
func (s *Store) queryIndex(ctx context.Context, shardKey string, before time.Time, limit int32, cursor Cursor, each func(map[string]types.AttributeValue) error) (Cursor, error) {
	if len(cursor.key) == 0 && s.skipShard(ctx, shardKey, before) {
		return Cursor{}, nil // WithIndexProbe found nothing due in this shard
	}
	in := s.dueQuery(shardKey, before.Unix())
	in.ExclusiveStartKey = cursor.key
	if limit > 0 {
		in.Limit = aws.Int32(limit)
	}
	out, err := s.api.Query(ctx, in)
	if err != nil {
		return Cursor{}, fmt.Errorf("query %s: %w", shardKey, err)
	}
	for _, item := range out.Items {
		if err := each(item); err != nil {
			return Cursor{}, fmt.Errorf("query %s: unmarshal: %w", shardKey, err)
		}
	}
	return Cursor{key: out.LastEvaluatedKey}, nil
}

// dueQuery is the Query of the refresh index's shardKey entries due at or before the Unix time
// before (no page size, from the start).
func (s *Store) dueQuery(shardKey string, before int64) *dynamodb.QueryInput {
	e := newExpr()
	kc := e.n("refreshShard") + " = " + e.v(str(shardKey)) + " AND " + e.n("refreshDue") + " <= " + e.v(num(before))
	return &dynamodb.QueryInput{
		TableName: aws.String(s.table), IndexName: aws.String(RefreshIndex),
		KeyConditionExpression:   aws.String(kc),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	}
}
