package consent

import (
	"context"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Note queues on p the payment event detailType (EventPaymentCreated,
// EventPaymentStatusChanged, EventPaymentUnconfirmed), which the next
// UpdatePayment of p stores in the consent's outbox with the record, in one
// transaction. previousStatus is the bank's payment status before the change ("" if none).
func (p *Payment) Note(detailType, previousStatus string) {
	p.Events = append(slices.Clip(p.Events), PendingEvent{DetailType: detailType,
		Detail: EventDetail{PreviousPaymentStatus: previousStatus}})
}

// paymentWriteAttempts bounds the re-reads of the consent when another write
// took its next event number meanwhile.
const paymentWriteAttempts = 3

// putPaymentWithEvents writes the payment record item under cond (e's
// names and values) together with p's events: the consent's event counter
// and version move on under a condition on the version read, and each event
// goes to the outbox, in one transaction. A failed cond on the record
// answers ConditionalCheckFailedException as PutItem would; a consent that
// changed meanwhile is read again. The consent's status is the events'.
func (s *Store) putPaymentWithEvents(ctx context.Context, p *Payment, item map[string]types.AttributeValue, cond string, e *expr) error {
	for attempt := 1; ; attempt++ {
		c, err := s.GetConsent(ctx, p.ConsentID)
		if err != nil {
			return fmt.Errorf("payment %s: consent: %w", p.IdempotencyKey, err)
		}
		n := *c
		n.Events = nil
		for _, pe := range p.Events {
			d := pe.Detail
			d.Status, d.IdempotencyKey, d.BankPaymentID, d.PaymentStatus, d.PaymentState = c.Status, p.IdempotencyKey, p.BankPaymentID, p.Status, p.State
			n.Events = append(n.Events, PendingEvent{DetailType: pe.DetailType, Detail: d})
		}
		puts, err := s.takeEvents(&n)
		if err != nil {
			return err
		}
		ce := newExpr()
		ce.set("eventSequence", num(n.EventSequence))
		ce.set("version", num(c.Version+1))
		cCond := ce.n("version") + " = " + ce.v(num(c.Version))
		items := append([]types.TransactWriteItem{
			{Put: &types.Put{TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String(cond),
				ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.valuesOrNil()}},
			{Update: &types.Update{TableName: aws.String(s.table), Key: key(consentPK(c.ID), skMeta),
				UpdateExpression: ce.update(), ConditionExpression: aws.String(cCond),
				ExpressionAttributeNames: ce.names, ExpressionAttributeValues: ce.values}},
		}, puts...)
		_, err = s.api.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: items})
		failed, cancelled := cancelledAt(err)
		switch {
		case !cancelled:
			return err
		case len(failed) > 0 && failed[0]:
			return &types.ConditionalCheckFailedException{Message: aws.String("payment record")}
		case attempt >= paymentWriteAttempts:
			return fmt.Errorf("payment %s: consent kept changing: %w", p.IdempotencyKey, err)
		}
	}
}
