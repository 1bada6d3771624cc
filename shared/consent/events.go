package consent

import (
	"slices"
	"time"
)

// EventSource is the source of every event the connector publishes (docs/events.md).
const EventSource = "coop-ob.connector"

// EventVersion is the version of the detail of every detail-type; a change
// that removes or renames a field, or changes its meaning, is a new version
// (docs/events.md).
const EventVersion = "1"

// The detail-types of the lifecycle events (the Event column of the
// transitions table and the background run's deadline points).
const (
	EventConsentCreated                 = "Consent Created"
	EventConsentAuthorised              = "Consent Authorised"
	EventConsentStepUpGranted           = "Consent Step-Up Granted"
	EventConsentAuthorisationFailed     = "Consent Authorisation Failed"
	EventConsentAuthorisationUnresolved = "Consent Authorisation Unresolved"
	EventConsentReauthRequired          = "Consent Reauthentication Required"
	EventConsentStepUpRequired          = "Consent Step-Up Required"
	EventConsentReconsentRequired       = "Consent Reconsent Required"
	EventConsentAccountUnavailable      = "Consent Account Unavailable"
	EventConsentRejected                = "Consent Rejected"
	EventConsentExpired                 = "Consent Expired"
	EventConsentReconfirmed             = "Consent Reconfirmed"
	EventConsentRevoked                 = "Consent Revoked"
	EventConsentConsumed                = "Consent Consumed"

	EventPaymentCreated       = "Payment Created"
	EventPaymentStatusChanged = "Payment Status Changed"
	EventPaymentUnconfirmed   = "Payment Unconfirmed"

	EventReconfirmationDue     = "Consent Reconfirmation Due"
	EventReconfirmationOverdue = "Consent Reconfirmation Overdue"
	EventConsentExpiring       = "Consent Expiring"
	EventConsentExpiryReached  = "Consent Expiry Reached"
	EventRefreshTokenLapsing   = "Consent Refresh Token Lapsing"
)

// Deadline kinds of a deadline event (Detail.Deadline).
const (
	DeadlineReconfirmation = "reconfirmation"
	DeadlineExpiry         = "expiry"
	DeadlineRefreshToken   = "refreshToken"
)

// EventDetail is the EventBridge detail of a lifecycle event: ids, statuses and
// codes only, never a token, an authorization code, a verifier or account
// data. Every event carries the common fields; the others belong to some
// detail-types (docs/events/*.schema.json says which).
type EventDetail struct {
	Version     string    `json:"version"`
	EventID     string    `json:"eventId"`
	Sequence    int64     `json:"sequence"`
	ConsentID   string    `json:"consentId"`
	Owner       string    `json:"owner"`
	Brand       string    `json:"brand"`
	ConsentType string    `json:"consentType"`
	Journey     string    `json:"journey,omitempty"`
	OccurredAt  time.Time `json:"occurredAt"`
	Status      string    `json:"status"`

	// A change the transitions table made.
	Happening      string `json:"happening,omitempty"`
	PreviousStatus string `json:"previousStatus,omitempty"`
	BankStatus     string `json:"bankStatus,omitempty"`
	Action         string `json:"action,omitempty"`
	Reason         string `json:"reason,omitempty"`
	// Resolves is "exchangePending" on the event that ends a journey whose code exchange the
	// callback had left pending (its outcome was pending) and the tokens run retried.
	Resolves string `json:"resolves,omitempty"`

	// A payment of the consent (RecordPaymentStatus): the app's Idempotency-Key, which names the
	// payment in the connector, the bank's payment id and status, the record's state.
	IdempotencyKey        string `json:"idempotencyKey,omitempty"`
	BankPaymentID         string `json:"bankPaymentId,omitempty"`
	PaymentStatus         string `json:"paymentStatus,omitempty"`
	PreviousPaymentStatus string `json:"previousPaymentStatus,omitempty"`
	PaymentState          string `json:"paymentState,omitempty"`
	// Change names the change (PaymentEvent), e.g. "payment.settled"; for a scheduled payment
	// or a standing order "...instruction-set-up" is InitiationCompleted: the instruction is
	// set up at the bank, no money has moved.
	Change string `json:"change,omitempty"`
	// Final: nothing about the payment will change any more (its last event).
	Final bool `json:"final,omitempty"`
	// InstructionSetUp: a scheduled payment or standing order whose status is
	// InitiationCompleted: the bank has set the instruction up; no money has moved.
	InstructionSetUp bool `json:"instructionSetUp,omitempty"`

	// A deadline point the background run passed.
	Deadline string     `json:"deadline,omitempty"`
	Point    string     `json:"point,omitempty"`
	ActionBy *time.Time `json:"actionBy,omitempty"`
}

// PendingEvent is an event Apply made that the next write of the consent
// stores in its outbox (Consent.Events).
type PendingEvent struct {
	DetailType string
	Detail     EventDetail
}

// DeadlineEventTypes are the detail-types of the deadline points (deadlineEvent) and of a
// refresh token about to lapse (NoteRefreshLapsing).
func DeadlineEventTypes() []string {
	return []string{EventReconfirmationDue, EventReconfirmationOverdue, EventConsentExpiring, EventConsentExpiryReached, EventRefreshTokenLapsing}
}

// PaymentEventTypes are the detail-types of a consent's payment (RecordPaymentStatus).
func PaymentEventTypes() []string {
	return []string{EventPaymentCreated, EventPaymentStatusChanged, EventPaymentUnconfirmed}
}

// EventTypes lists every detail-type the connector publishes: the transitions table's, the
// deadline points', the payments', the certificates'.
func EventTypes() []string {
	var out []string
	for _, t := range transitions {
		if t.Event != "" && !slices.Contains(out, t.Event) {
			out = append(out, t.Event)
		}
	}
	out = append(out, DeadlineEventTypes()...)
	out = append(out, PaymentEventTypes()...)
	return append(out, EventCertificateExpiring)
}

// AllStatuses lists the local statuses a consent can have.
func AllStatuses() []string {
	return []string{StatusAwaitingAuthorisation, StatusAuthorised, StatusReauthRequired, StatusRejected,
		StatusRevoked, StatusExpired, StatusFailed, StatusConsumed}
}

// ResolvesExchangePending is EventDetail.Resolves of an event that ends a pending exchange.
const ResolvesExchangePending = "exchangePending"

// ResolvesPendingExchange marks the events Apply made on c as ending a journey whose code
// exchange was pending (the session the exchange ran under was in SessionExchangePending).
func (c *Consent) ResolvesPendingExchange() {
	for i := range c.Events {
		c.Events[i].Detail.Resolves = ResolvesExchangePending
	}
}
