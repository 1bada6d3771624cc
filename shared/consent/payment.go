package consent

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
)

// Payment record states (Payment.State).
const (
	PaymentPending = "pending" // recorded, not yet sent to the bank
	PaymentSent    = "sent"    // sent; the bank's answer is not known (retry with the same BankIdempotencyKey)
	PaymentDone    = "done"    // the bank accepted it (BankPaymentID set)
	PaymentFailed  = "failed"  // the bank refused it
	// PaymentUnconfirmed (paymentstatus.go): in doubt, settled from the consent's status.
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
	// Journey is the consent's (DP, DSP, DSO): it names the payment's events.
	// Records written before it existed have none.
	Journey string `dynamodbav:"journey,omitempty"`
	// StatusAt is the bank's StatusUpdateDateTime of Status.
	StatusAt time.Time `dynamodbav:"statusAt,omitempty"`
	// CheckedAt is when the bank was last asked about the payment.
	CheckedAt time.Time `dynamodbav:"checkedAt,omitempty"`
	// History is the changes of state and status, oldest first, at most
	// MaxPaymentHistory (RecordPaymentStatus).
	History []PaymentStatusChange `dynamodbav:"history,omitempty"`
	// Order is the bank's OB payment-order body as last read (JSON): GET
	// answers it without a bank call. It holds what the consent's stored
	// request holds (payee, amount), and goes with the consent's items.
	Order string `dynamodbav:"order,omitempty"`
	// Polls counts the background polls of the payment (PaymentPollLimit).
	Polls int `dynamodbav:"polls,omitempty"`
	// PollShard and PollDue are the record's entry in the refresh index
	// ("P#nn" shards) while the background follows it (schedulePoll).
	PollShard string    `dynamodbav:"refreshShard,omitempty"`
	PollDue   time.Time `dynamodbav:"refreshDue,unixtime,omitempty"`
	// EnqueuedUntil: a poll message is on the refresh queue until then
	// (MarkPaymentEnqueued); not projected into the index.
	EnqueuedUntil time.Time `dynamodbav:"enqueuedUntil,unixtime,omitempty"`
	// TTL is when DynamoDB erases the record (TTLAttribute): EndedRetention
	// after the write that took it out of the polls (retainPayment).
	TTL time.Time `dynamodbav:"ttl,unixtime,omitempty"`
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
// increments it. Two requests resuming the same payment cannot both move it
// from pending to sent: the second gets a *ConflictError and must not send.
// It is the send's claim only (State pending or sent): every other change of
// state or status goes through RecordPaymentStatus. A sent record is due for
// its first background poll (schedulePoll).
func (s *Store) UpdatePayment(ctx context.Context, p *Payment) error {
	if p.State != PaymentPending && p.State != PaymentSent {
		return fmt.Errorf("payment %s: state %q is recorded with RecordPaymentStatus", p.IdempotencyKey, p.State)
	}
	n := *p
	n.UpdatedAt = s.Now()
	n.Version = p.Version + 1
	s.schedulePoll(&n)
	s.retainPayment(&n)
	item, err := marshal(&n, consentPK(p.ConsentID), paymentSK(p.IdempotencyKey))
	if err != nil {
		return fmt.Errorf("payment %s: marshal: %w", p.IdempotencyKey, err)
	}
	if err := s.putIfEqual(ctx, item, "version", num(p.Version), &ConflictError{Kind: "payment", ID: p.IdempotencyKey, Reason: "version"}); err != nil {
		return err
	}
	*p = n
	return nil
}
