package consent

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// Payment record states (Payment.State).
const (
	PaymentPending = "pending" // recorded, not yet sent to the bank
	PaymentSent    = "sent"    // sent; the bank's answer is not known (retry with the same BankIdempotencyKey)
	PaymentDone    = "done"    // the bank accepted it (BankPaymentID set)
	PaymentFailed  = "failed"  // the bank refused it
)

// MaxBankIdempotencyKey is the bank's limit on x-idempotency-key.
const MaxBankIdempotencyKey = 40

// Payment is the CONSENT#<id>/PAYMENT#<key> item: one payment request of
// the app, keyed by the app's Idempotency-Key.
type Payment struct {
	ConsentID      string `dynamodbav:"consentId"`
	IdempotencyKey string `dynamodbav:"idempotencyKey"` // the caller's
	// BankIdempotencyKey is the x-idempotency-key sent to the bank: generated
	// once, when the record is created, and reused on every retry, so the
	// bank recognises a retried order instead of executing it again.
	BankIdempotencyKey string    `dynamodbav:"bankIdempotencyKey"`
	RequestHash        string    `dynamodbav:"requestHash"` // of the caller's body: the same key with another body is refused
	BankPaymentID      string    `dynamodbav:"bankPaymentId,omitempty"`
	Status             string    `dynamodbav:"status,omitempty"` // the bank's payment status
	State              string    `dynamodbav:"state"`
	CreatedAt          time.Time `dynamodbav:"startedAt"` // not "createdAt": keeps payments out of the owner index
	UpdatedAt          time.Time `dynamodbav:"updatedAt"`
	Version            int64     `dynamodbav:"version"`
	// UnconfirmedAt is when the payment was found most probably made without
	// its id (the bank reports the consent consumed); zero otherwise.
	UnconfirmedAt time.Time `dynamodbav:"unconfirmedAt,omitempty"`

	// Events are the payment events Note queued that the next UpdatePayment
	// stores; never stored as such.
	Events []PendingEvent `dynamodbav:"-" json:"-"`
}

func paymentSK(idempotencyKey string) string { return paymentPrefix + idempotencyKey }

// CreatePayment records a payment before it is sent, with Version 1, State
// pending unless set, and a BankIdempotencyKey from Store.NewKey unless set.
// The condition attribute_not_exists(pk) is what keeps a payment from being
// sent twice: a retried request with the same Idempotency-Key gets a
// *ConflictError, and the caller reads the existing record (GetPayment)
// and answers from it or resumes it with its BankIdempotencyKey.
func (s *Store) CreatePayment(ctx context.Context, p *Payment) error {
	now := s.Now()
	n := *p
	if n.BankIdempotencyKey == "" {
		n.BankIdempotencyKey = s.NewKey()
	}
	if len(n.BankIdempotencyKey) > MaxBankIdempotencyKey {
		return fmt.Errorf("payment %s: bank idempotency key longer than %d", p.IdempotencyKey, MaxBankIdempotencyKey)
	}
	if n.State == "" {
		n.State = PaymentPending
	}
	n.CreatedAt, n.UpdatedAt, n.Version = now, now, 1
	item, err := marshal(&n, consentPK(p.ConsentID), paymentSK(p.IdempotencyKey))
	if err != nil {
		return fmt.Errorf("payment %s: marshal: %w", p.IdempotencyKey, err)
	}
	_, err = s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String("attribute_not_exists(pk)"),
	})
	if isConditionFailed(err) {
		// This call's own write, whose answer was lost and which the SDK
		// retried into its condition, carries the bank key generated above.
		if got, gerr := s.GetPayment(ctx, p.ConsentID, p.IdempotencyKey); gerr == nil && got.Version == 1 &&
			got.BankIdempotencyKey == n.BankIdempotencyKey && got.RequestHash == n.RequestHash && got.CreatedAt.Equal(now) {
			*p = *got
			return nil
		}
		return &ConflictError{Kind: "payment", ID: p.IdempotencyKey, Reason: "exists"}
	}
	if err != nil {
		return fmt.Errorf("payment %s: put: %w", p.IdempotencyKey, err)
	}
	*p = n
	return nil
}

// GetPayment reads a payment record by the caller's idempotency key.
func (s *Store) GetPayment(ctx context.Context, consentID, idempotencyKey string) (*Payment, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(consentID), paymentSK(idempotencyKey)),
		ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return nil, fmt.Errorf("payment %s: get: %w", idempotencyKey, err)
	}
	if len(out.Item) == 0 {
		return nil, ErrNotFound
	}
	var p Payment
	if err := unmarshal(out.Item, &p); err != nil {
		return nil, fmt.Errorf("payment %s: unmarshal: %w", idempotencyKey, err)
	}
	return &p, nil
}

// UpdatePayment writes p if the stored Version still equals p.Version, then
// increments it. The events Note queued on p are stored with it, in the same
// transaction (putPaymentWithEvents). Two requests resuming the same payment cannot both move it
// from pending to sent: the second gets a *ConflictError and must not send.
func (s *Store) UpdatePayment(ctx context.Context, p *Payment) error {
	n := *p
	n.UpdatedAt = s.Now()
	n.Version = p.Version + 1
	item, err := marshal(&n, consentPK(p.ConsentID), paymentSK(p.IdempotencyKey))
	if err != nil {
		return fmt.Errorf("payment %s: marshal: %w", p.IdempotencyKey, err)
	}
	conflict := &ConflictError{Kind: "payment", ID: p.IdempotencyKey, Reason: "version"}
	if len(n.Events) > 0 {
		e := newExpr()
		err = s.putPaymentWithEvents(ctx, &n, item, e.n("version")+" = "+e.v(num(p.Version)), e)
		if isConditionFailed(err) {
			return conflict
		}
		if err != nil {
			return fmt.Errorf("payment %s: put: %w", p.IdempotencyKey, err)
		}
	} else if err := s.putIfEqual(ctx, item, "version", num(p.Version), conflict); err != nil {
		return err
	}
	n.Events = nil
	*p = n
	return nil
}

// PaymentByBankID finds consent consentID's payment record of the bank's
// payment id (a Query of the consent's partition: a consent has a payment
// record or two); ErrNotFound when none has it.
func (s *Store) PaymentByBankID(ctx context.Context, consentID, bankID string) (*Payment, error) {
	e := newExpr()
	kc := e.n("pk") + " = " + e.v(str(consentPK(consentID))) + " AND begins_with(" + e.n("sk") + ", " + e.v(str(paymentPrefix)) + ")"
	in := &dynamodb.QueryInput{TableName: aws.String(s.table), KeyConditionExpression: aws.String(kc),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values, ConsistentRead: aws.Bool(true)}
	for {
		out, err := s.api.Query(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("payments of %s: %w", consentID, err)
		}
		for _, item := range out.Items {
			var p Payment
			if err := unmarshal(item, &p); err != nil {
				return nil, fmt.Errorf("payments of %s: unmarshal: %w", consentID, err)
			}
			if p.BankPaymentID == bankID && bankID != "" {
				return &p, nil
			}
		}
		if len(out.LastEvaluatedKey) == 0 {
			return nil, ErrNotFound
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
}
