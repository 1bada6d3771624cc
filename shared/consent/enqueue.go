package consent

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// MarkEnqueued records that a message to refresh the consent's tokens is on
// the refresh queue until `until`, unless one already is: it reports false
// when an earlier run's mark has not lapsed by Store.Now (the message is
// still in flight, so the run does not enqueue it again). The mark,
// "enqueuedUntil", is not projected into the refresh index, so writing it
// does not write the index. It says nothing about the lease: the worker that
// takes the message still takes the lease, and a consent whose mark lapsed
// while its message waited is enqueued again, which at worst delivers two
// messages for one consent (the second finds it refreshed, or leased).
// A mark whose answer was lost and whose retry met its own condition reads
// as held: the run skips that consent and the run after the mark lapses
// takes it (the index still holds it).
func (s *Store) MarkEnqueued(ctx context.Context, consentID string, until time.Time) (bool, error) {
	ok, err := s.markEnqueued(ctx, key(consentPK(consentID), skToken), until)
	if err != nil {
		return false, fmt.Errorf("tokens %s: mark enqueued: %w", consentID, err)
	}
	return ok, nil
}

// markEnqueued sets the item's "enqueuedUntil" to until unless an earlier mark still holds
// (false); the item's version is not changed.
func (s *Store) markEnqueued(ctx context.Context, k map[string]types.AttributeValue, until time.Time) (bool, error) {
	e := newExpr()
	now := e.v(num(s.Now().Unix()))
	a := e.n("enqueuedUntil")
	cond := "attribute_exists(pk) AND (attribute_not_exists(" + a + ") OR " + a + " <= " + now + ")"
	e.set("enqueuedUntil", num(until.Unix()))
	_, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: k,
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	})
	if isConditionFailed(err) {
		return false, nil
	}
	return err == nil, err
}
