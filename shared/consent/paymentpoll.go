package consent

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
)

// schedulePoll sets n's entry in the refresh index ("P#nn" shards, like the
// consents' "D#nn" deadline entries): while the background follows the
// payment (followed) and has polls left, due at the next backoff point
// after now; otherwise none, so the index holds only the payments in flight.
func (s *Store) schedulePoll(n *Payment) {
	n.PollShard, n.PollDue = "", time.Time{}
	b := s.PaymentPollBackoff
	if !n.followed() || len(b) == 0 || (s.PaymentPollLimit > 0 && n.Polls >= s.PaymentPollLimit) {
		return
	}
	n.PollShard = paymentShardKey(s.shard(n.ConsentID))
	n.PollDue = s.Now().Add(b[min(n.Polls, len(b)-1)]).Truncate(time.Second)
}

// DuePayment is a payment's poll entry in the refresh index. The table's
// keys are projected into every index, so the record's sort key names it.
type DuePayment struct {
	ConsentID string    `dynamodbav:"consentId"`
	SK        string    `dynamodbav:"sk"`
	Due       time.Time `dynamodbav:"refreshDue,unixtime"`
}

// Key is the app's Idempotency-Key of the payment record.
func (d DuePayment) Key() string { return strings.TrimPrefix(d.SK, paymentPrefix) }

// DuePayments lists the payment poll entries of shard due at before, earliest
// first (a Query on the sparse refresh index's "P#nn" shards: the cost
// follows the payments in flight).
func (s *Store) DuePayments(ctx context.Context, shard int, before time.Time, limit int32, cursor Cursor) ([]DuePayment, Cursor, error) {
	return dueEntries[DuePayment](ctx, s, paymentShardKey(shard), before, limit, cursor)
}

// MarkPaymentEnqueued records that a poll message for the payment is on the
// refresh queue until `until`, unless an earlier mark holds (false): the run
// does not send it twice. Like MarkEnqueued, "enqueuedUntil" is not
// projected into the index, and the version is not changed (a concurrent
// RecordPaymentStatus still wins its condition).
func (s *Store) MarkPaymentEnqueued(ctx context.Context, consentID, idempotencyKey string, until time.Time) (bool, error) {
	ok, err := s.markEnqueued(ctx, key(consentPK(consentID), paymentSK(idempotencyKey)), until)
	if err != nil {
		return false, fmt.Errorf("payment %s: mark enqueued: %w", idempotencyKey, err)
	}
	return ok, nil
}

// FindPayment reads the payment record of consentID that id names: the
// bank's payment id, else the app's Idempotency-Key. A payment consent holds
// a handful of payment items (one per key it was asked with, and the claim),
// so this is one strongly consistent Query of the consent's own items.
func (s *Store) FindPayment(ctx context.Context, consentID, id string) (*Payment, error) {
	e := newExpr()
	kc := e.n("pk") + " = " + e.v(str(consentPK(consentID))) + " AND begins_with(" + e.n("sk") + ", " + e.v(str(paymentPrefix)) + ")"
	in := &dynamodb.QueryInput{TableName: aws.String(s.table), KeyConditionExpression: aws.String(kc),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values, ConsistentRead: aws.Bool(true)}
	var byKey *Payment
	for {
		out, err := s.api.Query(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("consent %s: payments: %w", consentID, err)
		}
		for _, item := range out.Items {
			var p Payment
			if err := unmarshal(item, &p); err != nil {
				return nil, fmt.Errorf("consent %s: payments: unmarshal: %w", consentID, err)
			}
			switch {
			case p.IdempotencyKey == claimKey:
			case p.BankPaymentID == id:
				return &p, nil
			case p.IdempotencyKey == id:
				byKey = &p
			}
		}
		if len(out.LastEvaluatedKey) == 0 {
			break
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
	if byKey == nil {
		return nil, ErrNotFound
	}
	return byKey, nil
}

// claimKey is payment.ClaimKey, the consent's claim record (not a payment).
const claimKey = "#consent"
