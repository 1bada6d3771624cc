package consent

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// OutboxPrefix starts the sort key of an outbox item: CONSENT#<id> / E#<sequence>.
const OutboxPrefix = "E#"

// OutboxRetention is how long a published outbox item stays (its TTL from
// its publication): long enough to read what was published, and to let the
// publisher's answer be lost and its retry find the item already published.
const OutboxRetention = 7 * 24 * time.Hour

// outboxSK is the sort key of a consent's event number seq: zero-padded, so
// that the partition lists its events in order.
func outboxSK(seq int64) string { return fmt.Sprintf("%s%012d", OutboxPrefix, seq) }

func outboxShardKey(shard int) string { return fmt.Sprintf("O#%02d", shard) }

// OutboxEvent is an outbox item: one event, written in the same transaction
// as the change it reports. While unpublished it carries an entry in the
// sparse refresh index (refreshShard "O#nn", refreshDue = its creation), so
// the sweep finds it; MarkPublished removes that entry and sets its TTL.
type OutboxEvent struct {
	PK          string    `dynamodbav:"pk"`
	SK          string    `dynamodbav:"sk"`
	ConsentID   string    `dynamodbav:"consentId,omitempty"` // none for a certificate's event
	EventID     string    `dynamodbav:"eventId"`
	Sequence    int64     `dynamodbav:"sequence"`
	DetailType  string    `dynamodbav:"detailType"`
	Detail      string    `dynamodbav:"detail"` // the EventBridge detail, JSON
	CreatedAt   time.Time `dynamodbav:"createdAt"`
	Shard       string    `dynamodbav:"refreshShard,omitempty"`
	Due         time.Time `dynamodbav:"refreshDue,unixtime,omitempty"`
	PublishedAt time.Time `dynamodbav:"publishedAt,omitempty"`
	TTL         int64     `dynamodbav:"ttl,omitempty"`
}

// IsOutboxKey reports whether sk is an outbox item's sort key.
func IsOutboxKey(sk string) bool { return strings.HasPrefix(sk, OutboxPrefix) }

// newEventID is a random 128-bit id, hex.
func newEventID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// takeEvents numbers n's pending events after n.EventSequence (which becomes
// the last one's), clears them, and returns their outbox Puts (each on a key
// that must not exist). The consent write that carries them is conditional
// on the consent's version, and every write that numbers an event changes
// that version: a sequence is never given twice.
func (s *Store) takeEvents(n *Consent) ([]types.TransactWriteItem, error) {
	var puts []types.TransactWriteItem
	for _, p := range n.Events {
		n.EventSequence++
		d := p.Detail
		d.Sequence = n.EventSequence
		put, err := s.outboxPut(n, p.DetailType, d)
		if err != nil {
			return nil, err
		}
		puts = append(puts, put)
	}
	n.Events = nil
	return puts, nil
}

// outboxPut is the Put of the outbox item of consent c's event d (d.Sequence
// set): d gets its id, the consent's fields and the time.
func (s *Store) outboxPut(c *Consent, detailType string, d EventDetail) (types.TransactWriteItem, error) {
	now := s.Now().UTC()
	d.Version, d.EventID, d.OccurredAt = EventVersion, newEventID(), now
	d.ConsentID, d.Owner, d.Brand, d.ConsentType, d.Journey = c.ID, c.Owner, c.Brand, c.Type, c.Journey
	return s.eventPut(consentPK(c.ID), c.ID, OutboxEvent{ConsentID: c.ID, EventID: d.EventID, Sequence: d.Sequence,
		DetailType: detailType, CreatedAt: now}, d)
}

// eventPut is the Put of the outbox item ev (its id, sequence, detail-type and time set) of
// partition pk, whose detail is detail; shardOf picks its refresh-index shard.
func (s *Store) eventPut(pk, shardOf string, ev OutboxEvent, detail any) (types.TransactWriteItem, error) {
	body, err := json.Marshal(detail)
	if err != nil {
		return types.TransactWriteItem{}, fmt.Errorf("%s: event: %w", pk, err)
	}
	ev.Detail, ev.Shard, ev.Due = string(body), outboxShardKey(s.shard(shardOf)), ev.CreatedAt.Truncate(time.Second)
	item, err := marshal(&ev, pk, outboxSK(ev.Sequence))
	if err != nil {
		return types.TransactWriteItem{}, fmt.Errorf("%s: event: marshal: %w", pk, err)
	}
	return types.TransactWriteItem{Put: &types.Put{TableName: aws.String(s.table), Item: item,
		ConditionExpression: aws.String("attribute_not_exists(pk)")}}, nil
}

// MarkPublished records that the event pk/sk was published: its entry leaves
// the refresh index (so the sweep stops seeing it) and it expires after
// OutboxRetention. An event already published, or gone, is not an error.
func (s *Store) MarkPublished(ctx context.Context, pk, sk string, at time.Time) error {
	e := newExpr()
	cond := "attribute_exists(" + e.n("refreshShard") + ")"
	e.set("publishedAt", str(at.UTC().Format(timeLayout)))
	e.set(TTLAttribute, num(at.Add(OutboxRetention).Unix()))
	e.remove("refreshShard", "refreshDue")
	_, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(pk, sk),
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	})
	if isConditionFailed(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("event %s %s: mark published: %w", pk, sk, err)
	}
	return nil
}

// OutboxKey is an unpublished outbox item's entry in the refresh index.
type OutboxKey struct {
	PK  string    `dynamodbav:"pk"`
	SK  string    `dynamodbav:"sk"`
	Due time.Time `dynamodbav:"refreshDue,unixtime"`
}

// UnpublishedEvents lists the outbox entries of shard written at or before
// before that are still unpublished (a Query on the refresh index's "O#nn"
// shards: the cost follows what is left unpublished).
func (s *Store) UnpublishedEvents(ctx context.Context, shard int, before time.Time, limit int32, cursor Cursor) ([]OutboxKey, Cursor, error) {
	return dueEntries[OutboxKey](ctx, s, outboxShardKey(shard), before, limit, cursor)
}

// OutboxAttributes are every attribute an outbox item has, its key included: GetEvent reads
// only these (template.yaml lets the events function read nothing else, so no token item).
func OutboxAttributes() []string {
	return []string{"pk", "sk", "consentId", "eventId", "sequence", "detailType", "detail", "createdAt",
		"refreshShard", "refreshDue", "publishedAt", TTLAttribute}
}

// GetEvent reads an outbox item (consistently, its OutboxAttributes only); ErrNotFound if it
// is gone, or is not an outbox item.
func (s *Store) GetEvent(ctx context.Context, pk, sk string) (*OutboxEvent, error) {
	e := newExpr()
	var proj []string
	for _, a := range OutboxAttributes() {
		proj = append(proj, e.n(a))
	}
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(pk, sk), ConsistentRead: aws.Bool(true),
		ProjectionExpression: aws.String(strings.Join(proj, ", ")), ExpressionAttributeNames: e.names,
	})
	if err != nil {
		return nil, fmt.Errorf("event %s %s: get: %w", pk, sk, err)
	}
	if len(out.Item) == 0 {
		return nil, ErrNotFound
	}
	return DecodeEvent(out.Item)
}

// DecodeEvent reads an outbox item (from a read, or a stream record's new image).
func DecodeEvent(item map[string]types.AttributeValue) (*OutboxEvent, error) {
	var ev OutboxEvent
	if err := unmarshal(item, &ev); err != nil {
		return nil, fmt.Errorf("event: unmarshal: %w", err)
	}
	if !IsOutboxKey(ev.SK) || ev.EventID == "" || ev.DetailType == "" || ev.Detail == "" {
		return nil, fmt.Errorf("event %s %s: not an outbox item", ev.PK, ev.SK)
	}
	return &ev, nil
}

// ConsentEvents lists the outbox items of a consent still stored, in sequence order.
func (s *Store) ConsentEvents(ctx context.Context, consentID string) ([]OutboxEvent, error) {
	return s.partitionEvents(ctx, consentPK(consentID))
}

// partitionEvents lists the outbox items of partition pk, in sequence order.
func (s *Store) partitionEvents(ctx context.Context, pk string) ([]OutboxEvent, error) {
	e := newExpr()
	kc := e.n("pk") + " = " + e.v(str(pk)) + " AND begins_with(" + e.n("sk") + ", " + e.v(str(OutboxPrefix)) + ")"
	in := &dynamodb.QueryInput{TableName: aws.String(s.table), KeyConditionExpression: aws.String(kc),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values, ConsistentRead: aws.Bool(true)}
	var list []OutboxEvent
	for {
		out, err := s.api.Query(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("%s: events: %w", pk, err)
		}
		for _, item := range out.Items {
			ev, err := DecodeEvent(item)
			if err != nil {
				return nil, err
			}
			list = append(list, *ev)
		}
		if len(out.LastEvaluatedKey) == 0 {
			return list, nil
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
}
