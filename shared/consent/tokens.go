package consent

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// Tokens is the CONSENT#<id>/TOKEN item: the bank tokens of one consent, the
// refresh lease and the refresh schedule.
type Tokens struct {
	ConsentID        string    `dynamodbav:"consentId"`
	Owner            string    `dynamodbav:"consentOwner"` // copy of Consent.Owner for safety checks (not "owner": keeps tokens out of the owner index)
	AccessToken      string    `dynamodbav:"accessToken"`
	RefreshToken     string    `dynamodbav:"refreshToken,omitempty"`
	AccessExpiresAt  time.Time `dynamodbav:"accessExpiresAt,unixtime,omitempty"`
	RefreshExpiresAt time.Time `dynamodbav:"refreshExpiresAt,unixtime,omitempty"`
	Scope            string    `dynamodbav:"scope,omitempty"`
	StepUp           bool      `dynamodbav:"stepUp"` // the tokens came from a step-up authorisation
	// Version is the optimistic-lock counter of the token values; every
	// store write of new tokens increments it.
	Version int64 `dynamodbav:"version"`
	// LeaseHolder and LeaseUntil: the refresh lease (AcquireLease). The
	// lease's end is stored as "leaseEnd", which the refresh index does not
	// project, so taking a lease writes the table only. This release also
	// writes the older, projected "leaseUntil" (LeaseUntilV1), which the
	// previous release's code checks (docs/performance.md §Index writes)
	LeaseHolder string    `dynamodbav:"leaseHolder,omitempty"`
	LeaseUntil  time.Time `dynamodbav:"leaseEnd,unixtime,omitempty"`
	// LeaseUntilV1 is the lease's end as the previous release stores it;
	// read into LeaseUntil (the later of the two) and never written by the
	// Tokens codec (the store writes it beside leaseEnd in AcquireLease).
	LeaseUntilV1 time.Time `dynamodbav:"leaseUntil,unixtime,omitempty"`
	// LeaseClaim is the random id of the AcquireLease call that took the
	// lease: a holder may run several calls at once (the proxy's holder is
	// its container), and a call whose answer was lost must recognise its
	// own lease, not a sibling's.
	LeaseClaim    string    `dynamodbav:"leaseClaim,omitempty"`
	Failures      int       `dynamodbav:"failures,omitempty"` // consecutive transient refresh failures
	NextAttemptAt time.Time `dynamodbav:"nextAttemptAt,unixtime,omitempty"`
	// RefreshDue is when the scheduled refresher should next refresh these
	// tokens (AccessExpiresAt minus the lookahead; the caller decides). Zero
	// keeps the tokens out of the refresh index: they are not refreshed.
	RefreshDue time.Time `dynamodbav:"refreshDue,unixtime,omitempty"`
	// RefreshShard is derived by the store from ConsentID whenever RefreshDue is set.
	RefreshShard string `dynamodbav:"refreshShard,omitempty"`
	// UsedAt is when the app last used these tokens through the proxy
	// (TouchTokens, at most every few minutes), or when they were issued
	// (AuthoriseWithTokens sets it when zero): the later of "usedAt" and
	// "lastUse". A touch writes "lastUse", which the refresh index does not
	// project (no index write); "usedAt", which it does, is written with the
	// tokens (authorisation, SaveRefreshed, and an idle check that finds a
	// use: ReleaseLeaseUsed), so REFRESH_POLICY=recent decides from the index
	// entry as of the last refresh and checks the item under the lease. Zero
	// on tokens written before the field existed.
	UsedAt time.Time `dynamodbav:"usedAt,unixtime,omitempty"`
	// LastUse is the "lastUse" attribute as stored (TouchTokens); read into
	// UsedAt and never written by the Tokens codec.
	LastUse time.Time `dynamodbav:"lastUse,unixtime,omitempty"`
}

// merge folds the attributes of two generations into one value each (see
// LeaseUntilV1 and LastUse) after a read.
func (t *Tokens) merge() {
	if t.LeaseUntilV1.After(t.LeaseUntil) {
		t.LeaseUntil = t.LeaseUntilV1
	}
	if t.LastUse.After(t.UsedAt) {
		t.UsedAt = t.LastUse
	}
	t.LeaseUntilV1, t.LastUse = time.Time{}, time.Time{}
}

func (s *Store) tokenItem(ctx context.Context, t *Tokens) (map[string]types.AttributeValue, error) {
	t.LeaseUntilV1, t.LastUse = time.Time{}, time.Time{}
	t.RefreshShard = ""
	if !t.RefreshDue.IsZero() {
		t.RefreshShard = refreshShardKey(s.shard(t.ConsentID))
	}
	item, err := marshal(t, consentPK(t.ConsentID), skToken)
	if err != nil {
		return nil, fmt.Errorf("tokens %s: marshal: %w", t.ConsentID, err)
	}
	if err := s.sealItem(ctx, item, consentPK(t.ConsentID), skToken); err != nil {
		return nil, fmt.Errorf("tokens %s: %w", t.ConsentID, err)
	}
	return item, nil
}

// decodeTokens opens and decodes a token item as read.
func (s *Store) decodeTokens(ctx context.Context, consentID string, item map[string]types.AttributeValue) (*Tokens, error) {
	if err := s.openItem(ctx, item, consentPK(consentID), skToken); err != nil {
		return nil, fmt.Errorf("tokens %s: %w", consentID, err)
	}
	var t Tokens
	if err := unmarshal(item, &t); err != nil {
		return nil, fmt.Errorf("tokens %s: unmarshal: %w", consentID, err)
	}
	t.merge()
	return &t, nil
}

// GetTokens reads a consent's tokens (strongly consistent: they may have
// been rotated a moment ago).
func (s *Store) GetTokens(ctx context.Context, consentID string) (*Tokens, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(consentID), skToken), ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return nil, fmt.Errorf("tokens %s: get: %w", consentID, err)
	}
	if len(out.Item) == 0 {
		return nil, ErrNotFound
	}
	return s.decodeTokens(ctx, consentID, out.Item)
}

// PutTokens writes t as read: Version 0 means new tokens (condition: no
// tokens exist), otherwise the stored Version must still equal t.Version.
// On success t.Version is incremented. The condition is what keeps a
// refresh token from being lost: a writer holding values read before a
// concurrent refresh gets a *ConflictError instead of overwriting the newer
// refresh token (the bank may have invalidated the old one).
func (s *Store) PutTokens(ctx context.Context, t *Tokens) error {
	n := *t
	n.Version = t.Version + 1
	item, err := s.tokenItem(ctx, &n)
	if err != nil {
		return err
	}
	e := newExpr()
	cond := "attribute_not_exists(pk)"
	if t.Version != 0 {
		cond = e.n("version") + " = " + e.v(num(t.Version))
	}
	_, err = s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: namesOrNil(e), ExpressionAttributeValues: e.valuesOrNil(),
	})
	if isConditionFailed(err) {
		return &ConflictError{Kind: "tokens", ID: t.ConsentID, Reason: "version"}
	}
	if err != nil {
		return fmt.Errorf("tokens %s: put: %w", t.ConsentID, err)
	}
	*t = n
	return nil
}

// TouchTokens records that the app used a consent's tokens at `at`: one
// UpdateItem of lastUse alone, an attribute the refresh index does not
// project, so a touch costs no index write. It does not bump Version: a touch is not new
// tokens, so it never makes an in-flight refresh's SaveRefreshed (or any
// versioned write) fail, and SaveRefreshed in turn leaves lastUse as stored,
// so a touch landing while a refresh holds the lease is not lost. Missing
// tokens answer ErrNotFound (the condition keeps the update from creating a
// token item with no tokens).
func (s *Store) TouchTokens(ctx context.Context, consentID string, at time.Time) error {
	e := newExpr()
	e.set("lastUse", num(at.Unix()))
	return s.updateExistingTokens(ctx, consentID, "touch", e)
}

// updateExistingTokens applies e to a consent's token item, which must exist: the condition keeps
// an update from creating a token item with no tokens (ErrNotFound instead).
func (s *Store) updateExistingTokens(ctx context.Context, consentID, op string, e *expr) error {
	_, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(consentID), skToken),
		UpdateExpression: e.update(), ConditionExpression: aws.String("attribute_exists(pk)"),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.valuesOrNil(),
	})
	if isConditionFailed(err) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("tokens %s: %s: %w", consentID, op, err)
	}
	return nil
}

// DeleteTokens wipes a consent's tokens (revocation). Deleting absent tokens
// is not an error: revocation is idempotent.
func (s *Store) DeleteTokens(ctx context.Context, consentID string) error {
	_, err := s.api.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(consentID), skToken),
	})
	if err != nil {
		return fmt.Errorf("tokens %s: delete: %w", consentID, err)
	}
	return nil
}

func namesOrNil(e *expr) map[string]string {
	if len(e.names) == 0 {
		return nil
	}
	return e.names
}
