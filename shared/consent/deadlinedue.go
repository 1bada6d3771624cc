package consent

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// Deadline points the tokens run reports (DueDeadline.Point).
const (
	PointWarning = "warning" // RECONFIRM_WARN before ActionBy
	PointDue     = "due"     // ActionBy itself
)

// scheduleDeadline sets n's ActionBy and its entry in the refresh index
// (DeadlineShard, DeadlineDue): the next point not yet passed, none after
// the deadline or without one.
func (s *Store) scheduleDeadline(n *Consent) {
	n.ActionBy = Deadline(n, s.ReconfirmPeriod)
	n.DeadlineShard, n.DeadlineDue = "", time.Time{}
	if n.ActionBy.IsZero() {
		return
	}
	if next := nextPoint(n.ActionBy, s.ReconfirmWarn, s.Now()); !next.IsZero() {
		n.DeadlineShard, n.DeadlineDue = deadlineShardKey(s.shard(n.ID)), next
	}
}

// nextPoint is the first of the warning and the deadline after now (zero: both passed).
func nextPoint(actionBy time.Time, warn time.Duration, now time.Time) time.Time {
	if w := actionBy.Add(-warn).Truncate(time.Second); warn > 0 && now.Before(w) {
		return w
	}
	if now.Before(actionBy) {
		return actionBy
	}
	return time.Time{}
}

// DueDeadline is a consent's deadline entry in the refresh index.
type DueDeadline struct {
	ConsentID string    `dynamodbav:"consentId"`
	Due       time.Time `dynamodbav:"refreshDue,unixtime"`
}

// DueDeadlines lists the deadline entries of shard due at before (a Query on
// the sparse refresh index's deadline shards: the cost follows what is due;
// token refreshes never read these shards).
func (s *Store) DueDeadlines(ctx context.Context, shard int, before time.Time, limit int32, cursor Cursor) ([]DueDeadline, Cursor, error) {
	return dueEntries[DueDeadline](ctx, s, deadlineShardKey(shard), before, limit, cursor)
}

// PassDeadline records that the tokens run reported d: the consent's entry
// moves to its next point (the deadline after the warning) or leaves the
// index, and the point's lifecycle event (deadlineEvent) goes to the
// consent's outbox in the same transaction. It reports which point d was,
// and does nothing (ok false) when the consent changed meanwhile (a write
// recomputed its entry, or took the next event number: the entry stays due
// for the next run) or is gone.
func (s *Store) PassDeadline(ctx context.Context, d DueDeadline, now time.Time) (point string, ok bool, err error) {
	c, err := s.GetConsent(ctx, d.ConsentID)
	if err != nil {
		return "", false, err
	}
	if !c.DeadlineDue.Equal(d.Due) || c.ActionBy.IsZero() {
		return "", false, nil
	}
	point = PointWarning
	if !d.Due.Before(c.ActionBy) {
		point = PointDue
	}
	e := newExpr()
	cond := e.n("refreshDue") + " = " + e.v(num(d.Due.Unix())) + " AND " + e.n("version") + " = " + e.v(num(c.Version))
	e.set("version", num(c.Version+1))
	e.set("eventSequence", num(c.EventSequence+1))
	if point == PointWarning && now.Before(c.ActionBy) {
		e.set("refreshDue", num(c.ActionBy.Unix()))
	} else {
		e.remove("refreshShard", "refreshDue")
	}
	detailType, detail := s.deadlineEvent(c, point)
	detail.Sequence = c.EventSequence + 1
	put, err := s.outboxPut(c, detailType, detail)
	if err != nil {
		return "", false, err
	}
	_, err = s.api.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Update: &types.Update{TableName: aws.String(s.table), Key: key(consentPK(d.ConsentID), skMeta),
			UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
			ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values}},
		put,
	}})
	if _, cancelled := cancelledAt(err); cancelled {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("consent %s: pass deadline: %w", d.ConsentID, err)
	}
	return point, true, nil
}

// deadlineEvent is the lifecycle event of consent c's deadline point: the
// reconfirmation due (the warning) or overdue (the deadline) when the
// deadline is the reconfirmation's, else the bank's expiry coming
// (Consent Expiring) or reached.
func (s *Store) deadlineEvent(c *Consent, point string) (string, EventDetail) {
	by := c.ActionBy.UTC()
	d := EventDetail{Status: c.Status, Deadline: DeadlineExpiry, Point: point, ActionBy: &by}
	if r := ReconfirmBy(c, s.ReconfirmPeriod); !r.IsZero() && !r.Truncate(time.Second).After(c.ActionBy) {
		d.Deadline = DeadlineReconfirmation
	}
	switch {
	case d.Deadline == DeadlineReconfirmation && point == PointWarning:
		return EventReconfirmationDue, d
	case d.Deadline == DeadlineReconfirmation:
		return EventReconfirmationOverdue, d
	case point == PointWarning:
		return EventConsentExpiring, d
	}
	return EventConsentExpiryReached, d
}
