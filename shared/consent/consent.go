package consent

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
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
	LastAction  string    `dynamodbav:"lastAction,omitempty"`
	LastError   string    `dynamodbav:"lastError,omitempty"`
	// LastUsedAt is no longer written on every use: uses are recorded on the
	// tokens (Tokens.UsedAt, TouchTokens). It is still read by the tokens
	// function for tokens without UsedAt (written before it existed).
	LastUsedAt time.Time `dynamodbav:"lastUsedAt,omitempty"`
	CreatedAt  time.Time `dynamodbav:"createdAt"` // the owner index's sort key
	UpdatedAt  time.Time `dynamodbav:"updatedAt"`
	// Version is the optimistic-lock counter: 1 after CreateConsent, +1 on every update.
	Version int64 `dynamodbav:"version"`
}

func consentPK(id string) string { return consentPrefix + id }

// CreateConsent stores a new consent with Version 1. The condition
// attribute_not_exists(pk) keeps a second create with the same id (a retry or
// a clash) from overwriting a consent that may already be authorised:
// it answers a *ConflictError instead, unless the stored item is exactly the
// one this call wrote (an attempt whose answer was lost).
func (s *Store) CreateConsent(ctx context.Context, c *Consent) error {
	now := s.Now()
	n := *c
	if n.CreatedAt.IsZero() {
		n.CreatedAt = now
	}
	n.UpdatedAt = now
	n.Version = 1
	item, err := marshal(&n, consentPK(c.ID), skMeta)
	if err != nil {
		return fmt.Errorf("consent %s: marshal: %w", c.ID, err)
	}
	_, err = s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(s.table), Item: item,
		ConditionExpression: aws.String("attribute_not_exists(pk)"),
	})
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

// ListCursor is an opaque position in an owner's list of consents
// (ListConsents), safe to hand to a client; "" is the start. (Cursor is the
// in-process position of the refresh index's reads.) It names the last consent returned (its creation time and
// id), never a token or another owner's data; it is only meaningful with the
// owner it was issued for.
type ListCursor string

// ErrBadCursor: a ListCursor that ListConsents did not issue.
var ErrBadCursor = errors.New("consent: bad cursor")

// cursorPos is what a ListCursor encodes (base64url JSON).
type cursorPos struct {
	CreatedAt string `json:"c"`
	ID        string `json:"i"`
}

// ListConsents returns one page of owner's consents, oldest first, through
// the owner index (never a Scan): at most limit (≥ 1) consents after cursor,
// and the cursor of the next page, "" when there is none. The index is
// eventually consistent, so a consent created a moment ago may be missing
// for a short while. A cursor it did not issue answers ErrBadCursor.
func (s *Store) ListConsents(ctx context.Context, owner string, limit int32, cursor ListCursor) ([]Consent, ListCursor, error) {
	if limit < 1 {
		return nil, "", fmt.Errorf("list consents: limit %d, want at least 1", limit)
	}
	e := newExpr()
	in := &dynamodb.QueryInput{
		TableName: aws.String(s.table), IndexName: aws.String(OwnerIndex),
		KeyConditionExpression: aws.String(e.n("owner") + " = " + e.v(str(owner))),
	}
	in.ExpressionAttributeNames, in.ExpressionAttributeValues = e.names, e.values
	if cursor != "" {
		pos, err := decodeCursor(cursor)
		if err != nil {
			return nil, "", err
		}
		k := key(consentPK(pos.ID), skMeta)
		k["owner"], k["createdAt"] = str(owner), str(pos.CreatedAt)
		in.ExclusiveStartKey = k
	}
	// One more than asked tells whether a next page exists. A query page also
	// ends at 1 MB (consents carry their request bytes), so read on until
	// enough items came back or the index has no more.
	var list []Consent
	for len(list) <= int(limit) {
		in.Limit = aws.Int32(limit + 1 - int32(len(list)))
		out, err := s.api.Query(ctx, in)
		if err != nil {
			return nil, "", fmt.Errorf("list consents: query: %w", err)
		}
		for _, item := range out.Items {
			var c Consent
			if err := unmarshal(item, &c); err != nil {
				return nil, "", fmt.Errorf("list consents: unmarshal: %w", err)
			}
			list = append(list, c)
		}
		if len(out.LastEvaluatedKey) == 0 {
			break
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
	if len(list) <= int(limit) {
		return list, "", nil
	}
	list = list[:limit]
	last := list[limit-1]
	return list, encodeCursor(cursorPos{CreatedAt: last.CreatedAt.UTC().Format(timeLayout), ID: last.ID}), nil
}

func encodeCursor(p cursorPos) ListCursor {
	b, _ := json.Marshal(p) // two strings: cannot fail
	return ListCursor(base64.RawURLEncoding.EncodeToString(b))
}

// decodeCursor reads a ListCursor strictly: base64url JSON with exactly its two
// fields, a creation time in the stored layout, and a plausible id.
func decodeCursor(c ListCursor) (cursorPos, error) {
	var p cursorPos
	raw, err := base64.RawURLEncoding.DecodeString(string(c))
	if err != nil || len(raw) > 256 {
		return p, ErrBadCursor
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if dec.Decode(&p) != nil || dec.More() {
		return p, ErrBadCursor
	}
	t, err := time.Parse(timeLayout, p.CreatedAt)
	if err != nil || t.UTC().Format(timeLayout) != p.CreatedAt || !validCursorID(p.ID) {
		return p, ErrBadCursor
	}
	return p, nil
}

// validCursorID accepts what a consent id looks like (the bank's UUID, or a
// test's short id): 1–64 letters, digits, '-' and '_'.
func validCursorID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// UpdateConsent writes c if the stored Version still equals c.Version, and
// then increments c.Version and sets UpdatedAt. A stale c answers a
// *ConflictError and changes nothing: two writers that read the same
// version never overwrite each other's status changes. A write of this call
// whose answer was lost (the SDK's retry met its condition) is recognised
// from a consistent read (the stored item is exactly the one written) and
// is a success.
func (s *Store) UpdateConsent(ctx context.Context, c *Consent) error {
	n := *c
	n.UpdatedAt = s.Now()
	n.Version = c.Version + 1
	item, err := marshal(&n, consentPK(c.ID), skMeta)
	if err != nil {
		return fmt.Errorf("consent %s: marshal: %w", c.ID, err)
	}
	e := newExpr()
	cond := e.n("version") + " = " + e.v(num(c.Version))
	_, err = s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	})
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
