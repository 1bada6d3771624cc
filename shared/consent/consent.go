package consent

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// Local lifecycle statuses of a consent (Consent.Status).
const (
	StatusAwaitingAuthorisation = "AwaitingAuthorisation"
	StatusAuthorised            = "Authorised"
	StatusReauthRequired        = "ReauthRequired"
	StatusRejected              = "Rejected"
	StatusRevoked               = "Revoked"
	StatusExpired               = "Expired"
	StatusFailed                = "Failed"
	StatusConsumed              = "Consumed"
)

// Consent is the CONSENT#<id>/META item: the consent as the bank created it
// and its local lifecycle.
type Consent struct {
	ID          string   `dynamodbav:"consentId"`
	Owner       string   `dynamodbav:"owner"` // the caller's JWT sub; the owner index's hash key
	Brand       string   `dynamodbav:"brand"` // coop or smile
	Type        string   `dynamodbav:"type"`  // accounts, payments or fundsconfirmations
	Journey     string   `dynamodbav:"journey,omitempty"`
	BankStatus  string   `dynamodbav:"bankStatus"` // the bank's: AwaitingAuthorisation, Authorised, Rejected, Revoked, Consumed
	Status      string   `dynamodbav:"status"`     // local: one of the Status constants
	Permissions []string `dynamodbav:"permissions,omitempty"`
	// Request is the exact JSON body sent to the bank to create the consent;
	// payment orders are built from it, so it is stored byte for byte.
	Request []byte `dynamodbav:"request,omitempty"`
	// Payment summary for the authorization URL (ben_name, amount, pymt_dt), exactly as in Request.
	BenName     string    `dynamodbav:"benName,omitempty"`
	Amount      string    `dynamodbav:"amount,omitempty"`
	PaymentDate string    `dynamodbav:"paymentDate,omitempty"`
	ExpiresAt   time.Time `dynamodbav:"expiresAt,omitempty"`
	StepUpAt    time.Time `dynamodbav:"stepUpAt,omitempty"` // last step-up authorisation; zero if none
	// AuthorisedAt is the last authorisation at the bank (Authorised or
	// SteppedUp); zero if never authorised.
	AuthorisedAt time.Time `dynamodbav:"authorisedAt,omitempty"`
	// LastConfirmedAt is when the customer last confirmed the consent: an
	// authorisation at the bank, or a reconfirmation the app recorded
	// (Reconfirmed). The reconfirmation clock runs from it.
	LastConfirmedAt time.Time `dynamodbav:"lastConfirmedAt,omitempty"`
	// ActionBy is the consent's earliest stored deadline (deadline.go), the
	// range key of the sparse deadline index; written by the store, zero
	// (absent: out of the index) for a consent without one.
	ActionBy time.Time `dynamodbav:"actionBy,unixtime,omitempty"`
	// DeadlineShard and DeadlineDue give a consent with a deadline its own
	// entry in the sparse refresh index, in shards of their own ("D#nn", never
	// read by the token refresh): DeadlineDue is the next point the tokens run
	// reports (the warning, then the deadline itself). Written by the store
	// (deadline.go).
	DeadlineShard string    `dynamodbav:"refreshShard,omitempty"`
	DeadlineDue   time.Time `dynamodbav:"refreshDue,unixtime,omitempty"`
	// Reconfirmation is the last reconfirmation the app recorded; nil if none.
	Reconfirmation *Reconfirmation `dynamodbav:"reconfirmation,omitempty"`
	LastAction     string          `dynamodbav:"lastAction,omitempty"`
	LastError      string          `dynamodbav:"lastError,omitempty"`
	// LastUsedAt is no longer written on every use: uses are recorded on the
	// tokens (Tokens.UsedAt, TouchTokens). It is still read by the tokens
	// function for tokens without UsedAt (written before it existed).
	LastUsedAt time.Time `dynamodbav:"lastUsedAt,omitempty"`
	CreatedAt  time.Time `dynamodbav:"createdAt"` // the owner index's sort key
	UpdatedAt  time.Time `dynamodbav:"updatedAt"`
	// Version is the optimistic-lock counter: 1 after CreateConsent, +1 on every update.
	Version int64 `dynamodbav:"version"`
	// RefreshLapseTold is the expiry of the refresh token whose lapse the
	// tokens run told the app about (NoteRefreshLapsing); zero if none.
	RefreshLapseTold time.Time `dynamodbav:"refreshLapseTold,unixtime,omitempty"`
	// EventSequence is the sequence of the consent's last lifecycle event
	// (outbox.go): every write that stores an event increments it in the
	// same transaction, and changes Version with it.
	EventSequence int64 `dynamodbav:"eventSequence,omitempty"`
	// Unbound: created with bindBrowser false, so its journeys may complete in any browser
	// (AuthSession.Bind). Absent (bound) for every consent created before the option existed.
	Unbound bool `dynamodbav:"unboundJourneys,omitempty"`
	// TTL is when DynamoDB erases the item (TTLAttribute): EndedRetention
	// after the consent closed (retention.go); zero while it is open.
	TTL time.Time `dynamodbav:"ttl,unixtime,omitempty"`

	// Events are the lifecycle events Apply made that the next write of the
	// consent stores in its outbox (and then clears); never stored as such.
	Events []PendingEvent `dynamodbav:"-" json:"-"`
}

func consentPK(id string) string { return consentPrefix + id }

// CreateConsent stores a new consent with Version 1. The condition
// attribute_not_exists(pk) keeps a second create with the same id (a retry or
// a clash) from overwriting a consent that may already be authorised:
// it answers a *ConflictError instead, unless the stored item is exactly the
// one this call wrote (an attempt whose answer was lost). Its events (the
// Created event Apply made) are stored in the same transaction.
func (s *Store) CreateConsent(ctx context.Context, c *Consent) error {
	now := s.Now()
	n := *c
	if n.CreatedAt.IsZero() {
		n.CreatedAt = now
	}
	n.UpdatedAt = now
	n.Version = 1
	s.scheduleDeadline(&n)
	events, err := s.takeEvents(&n)
	if err != nil {
		return err
	}
	item, err := marshal(&n, consentPK(c.ID), skMeta)
	if err != nil {
		return fmt.Errorf("consent %s: marshal: %w", c.ID, err)
	}
	err = s.putConsent(ctx, item, "attribute_not_exists(pk)", newExpr(), events)
	if isConditionFailed(err) {
		// This call's own write whose answer was lost (the SDK's retry met
		// its condition): the stored item is exactly the one written.
		if got, gerr := s.GetConsent(ctx, c.ID); gerr == nil && sameItem(got, &n, item) {
			*c = n
			return nil
		}
		return &ConflictError{Kind: "consent", ID: c.ID, Reason: "exists"}
	}
	if err != nil {
		return fmt.Errorf("consent %s: put: %w", c.ID, err)
	}
	*c = n
	return nil
}

// GetConsent reads a consent whoever owns it (for the scheduled and callback
// functions, which act for no caller).
func (s *Store) GetConsent(ctx context.Context, id string) (*Consent, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(id), skMeta), ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return nil, fmt.Errorf("consent %s: get: %w", id, err)
	}
	if len(out.Item) == 0 {
		return nil, ErrNotFound
	}
	var c Consent
	if err := unmarshal(out.Item, &c); err != nil {
		return nil, fmt.Errorf("consent %s: unmarshal: %w", id, err)
	}
	return &c, nil
}

// GetConsentForOwner reads a consent on behalf of a caller. Another caller's
// consent answers ErrNotFound, not a distinct error, so that consent ids
// cannot be probed.
func (s *Store) GetConsentForOwner(ctx context.Context, id, owner string) (*Consent, error) {
	c, err := s.GetConsent(ctx, id)
	if err != nil {
		return nil, err
	}
	if owner == "" || c.Owner != owner {
		return nil, ErrNotFound
	}
	return c, nil
}

// UpdateConsent writes c if the stored Version still equals c.Version, and
// then increments c.Version and sets UpdatedAt. A stale c answers a
// *ConflictError and changes nothing: two writers that read the same
// version never overwrite each other's status changes. A write of this call
// whose answer was lost (the SDK's retry met its condition) is recognised
// from a consistent read (the stored item is exactly the one written) and
// is a success. A consent written as Closed loses its tokens and shared
// accounts in the same transaction (endConsent, erases), whichever path
// closed it, and carries its TTL (retain). The events Apply made on c are
// stored in the same transaction (takeEvents): a change is never written
// without its events, nor an event without its change.
func (s *Store) UpdateConsent(ctx context.Context, c *Consent) error {
	n := *c
	n.UpdatedAt = s.Now()
	n.Version = c.Version + 1
	s.scheduleDeadline(&n)
	s.retain(&n)
	extra, err := s.takeEvents(&n)
	if err != nil {
		return err
	}
	item, err := marshal(&n, consentPK(c.ID), skMeta)
	if err != nil {
		return fmt.Errorf("consent %s: marshal: %w", c.ID, err)
	}
	e := newExpr()
	cond := e.n("version") + " = " + e.v(num(c.Version))
	if erases(n.Status) {
		extra = append(extra, s.endConsent(c.ID)...)
	}
	err = s.putConsent(ctx, item, cond, e, extra)
	if isConditionFailed(err) {
		if got, gerr := s.GetConsent(ctx, c.ID); gerr == nil && sameItem(got, &n, item) {
			*c = n
			return nil
		}
		return &ConflictError{Kind: "consent", ID: c.ID, Reason: "version"}
	}
	if err != nil {
		return fmt.Errorf("consent %s: put: %w", c.ID, err)
	}
	*c = n
	return nil
}

// sameItem reports whether the stored consent got is the item written.
func sameItem(got, written *Consent, item map[string]types.AttributeValue) bool {
	if got.Version != written.Version {
		return false
	}
	stored, err := marshal(got, consentPK(got.ID), skMeta)
	return err == nil && reflect.DeepEqual(stored, item)
}
