package consent

import (
	"context"
	"fmt"
	"time"
)

// PaymentUnconfirmed is the Payment.State of a payment in doubt that the
// bank's consent status settled: the consent is Consumed at the bank, so the
// order was most probably taken, but the bank will not say its id.
const PaymentUnconfirmed = "unconfirmed"

// MaxPaymentHistory bounds Payment.History: the oldest changes are dropped.
const MaxPaymentHistory = 20

// PaymentStatusChange is one entry of a payment's history: a status the bank
// reported (or a state the connector reached without one), the bank's time
// of it and the lifecycle event its recording emits.
type PaymentStatusChange struct {
	Status     string    `dynamodbav:"status,omitempty"` // the bank's status ("" for refused and unconfirmed)
	State      string    `dynamodbav:"state"`            // the record's state after it
	At         time.Time `dynamodbav:"at"`               // the bank's StatusUpdateDateTime, else when it was learnt
	RecordedAt time.Time `dynamodbav:"recordedAt"`
	Event      string    `dynamodbav:"event"`
}

// PaymentUpdate is what one answer of the bank (or the lack of one) teaches
// about a payment record; empty fields keep the record's values.
type PaymentUpdate struct {
	State         string    // PaymentDone, PaymentFailed, PaymentUnconfirmed; "" keeps
	BankPaymentID string    // "" keeps
	Status        string    // the bank's payment-order status; "" keeps
	StatusAt      time.Time // the bank's StatusUpdateDateTime of Status (zero: now)
	Order         []byte    // the bank's OB body as read; nil keeps
	Checked       bool      // the bank was asked (sets CheckedAt)
	Polled        bool      // a background poll: counts against PaymentPollLimit
}

// RecordPaymentStatus is the one write that changes a payment record's state,
// its bank status and its history: a single conditional put on p.Version
// (a *ConflictError when another write came first). A change of state or
// status appends a history entry (at most MaxPaymentHistory) naming the
// lifecycle event it emits (PaymentEvent), stores that event in the consent's
// outbox in the same transaction (putPaymentWithEvent: Payment Created,
// Payment Status Changed or Payment Unconfirmed, its change field the name),
// and returns that name; "" when nothing changed (a poll that learnt nothing
// new), and then no event. Every write recomputes
// the record's poll entry in the refresh index (schedulePoll): a payment in
// doubt or not final is due at its next backoff point, any other leaves it.
func (s *Store) RecordPaymentStatus(ctx context.Context, p *Payment, u PaymentUpdate) (event string, err error) {
	now := s.Now()
	n := *p
	n.History = append([]PaymentStatusChange(nil), p.History...)
	if u.State != "" {
		n.State = u.State
	}
	if u.BankPaymentID != "" {
		n.BankPaymentID = u.BankPaymentID
	}
	if u.Order != nil {
		n.Order = string(u.Order)
	}
	if u.Checked {
		n.CheckedAt = now
	}
	if u.Polled {
		n.Polls++
	}
	statusChanged := u.Status != "" && u.Status != p.Status
	if statusChanged {
		n.Status, n.StatusAt = u.Status, u.StatusAt
		if n.StatusAt.IsZero() {
			n.StatusAt = now
		}
	}
	if statusChanged || n.State != p.State {
		event = PaymentEvent(n.Journey, p, &n)
		at := n.StatusAt
		if !statusChanged {
			at = now
		}
		n.History = append(n.History, PaymentStatusChange{Status: n.Status, State: n.State, At: at.UTC(), RecordedAt: now.UTC(), Event: event})
		if len(n.History) > MaxPaymentHistory {
			n.History = n.History[len(n.History)-MaxPaymentHistory:]
		}
	}
	if event != "" || u.Order != nil {
		// UpdatedAt is not moved by bookkeeping alone (a poll that learnt
		// nothing): on a sent record it is the send claim's time, which the
		// send lease is counted from.
		n.UpdatedAt = now
	}
	n.Version = p.Version + 1
	// Whatever was on the queue for this payment has been worked (or is
	// made stale by this write: its worker finds the entry rescheduled).
	n.EnqueuedUntil = time.Time{}
	s.schedulePoll(&n)
	s.retainPayment(&n)
	item, err := marshal(&n, consentPK(p.ConsentID), paymentSK(p.IdempotencyKey))
	if err != nil {
		return "", fmt.Errorf("payment %s: marshal: %w", p.IdempotencyKey, err)
	}
	conflict := &ConflictError{Kind: "payment", ID: p.IdempotencyKey, Reason: "version"}
	if event != "" {
		err = s.putPaymentWithEvent(ctx, p, item, p.Version, paymentEvent(p, &n, event), conflict)
	} else {
		err = s.putIfEqual(ctx, item, "version", num(p.Version), conflict)
	}
	if err != nil {
		return "", err
	}
	*p = n
	return event, nil
}
