package consent

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// paymentEvent is the outbox event of the change of a payment record from
// old to n, named change by PaymentEvent: ids, statuses and the change only.
func paymentEvent(old, n *Payment, change string) PendingEvent {
	d := EventDetail{IdempotencyKey: n.IdempotencyKey, BankPaymentID: n.BankPaymentID, PaymentStatus: n.Status,
		PaymentState: n.State, Change: change, Final: paymentFinal(n),
		InstructionSetUp: n.Journey != "DP" && n.Journey != "" && n.Status == "InitiationCompleted"}
	if n.Status != old.Status {
		d.PreviousPaymentStatus = old.Status
	}
	return PendingEvent{DetailType: paymentDetailType(old, n), Detail: d}
}

// paymentWriteAttempts bounds the re-reads of the consent when another write
// took its next event number meanwhile.
const paymentWriteAttempts = 3

// putPaymentWithEvent writes the payment record item while its stored
// version is still version, together with event ev: the consent's event
// counter and version move on under a condition on the version read, and the
// event goes to the outbox, in one transaction. A failed condition on the
// record answers conflict; a consent that changed meanwhile is read again.
func (s *Store) putPaymentWithEvent(ctx context.Context, p *Payment, item map[string]types.AttributeValue, version int64,
	ev PendingEvent, conflict *ConflictError) error {
	for attempt := 1; ; attempt++ {
		c, err := s.GetConsent(ctx, p.ConsentID)
		if err != nil {
			return fmt.Errorf("payment %s: consent: %w", p.IdempotencyKey, err)
		}
		n := *c
		d := ev.Detail
		d.Status = c.Status
		n.Events = []PendingEvent{{DetailType: ev.DetailType, Detail: d}}
		puts, err := s.takeEvents(&n)
		if err != nil {
			return err
		}
		pe := newExpr()
		pCond := pe.n("version") + " = " + pe.v(num(version))
		ce := newExpr()
		ce.set("eventSequence", num(n.EventSequence))
		ce.set("version", num(c.Version+1))
		cCond := ce.n("version") + " = " + ce.v(num(c.Version))
		items := append([]types.TransactWriteItem{
			{Put: &types.Put{TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String(pCond),
				ExpressionAttributeNames: pe.names, ExpressionAttributeValues: pe.values}},
			{Update: &types.Update{TableName: aws.String(s.table), Key: key(consentPK(c.ID), skMeta),
				UpdateExpression: ce.update(), ConditionExpression: aws.String(cCond),
				ExpressionAttributeNames: ce.names, ExpressionAttributeValues: ce.values}},
		}, puts...)
		_, err = s.api.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: items})
		failed, cancelled := cancelledAt(err)
		switch {
		case !cancelled && err != nil:
			return fmt.Errorf("payment %s: put: %w", p.IdempotencyKey, err)
		case !cancelled:
			return nil
		case len(failed) > 0 && failed[0]:
			return conflict
		case attempt >= paymentWriteAttempts:
			return fmt.Errorf("payment %s: consent kept changing: %w", p.IdempotencyKey, err)
		}
	}
}
