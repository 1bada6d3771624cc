package consent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
)

// Create-key record states (CreateKey.State).
const (
	CreateKeyPending = "pending" // claimed: a request is creating the consent now
	CreateKeyDone    = "done"    // the consent ConsentID was created and stored
)

// CreateKeyRetention is how long a POST /consents Idempotency-Key is kept:
// the record's TTL is this long after it was claimed. The store treats a
// record past its TTL as absent even before DynamoDB reaps it (reaping is
// lazy), so a key is remembered for exactly this long, then free again.
const CreateKeyRetention = 24 * time.Hour

// CreateKey is the IDEMPOTENCY#<KeyHash>/CREATE item: one Idempotency-Key of
// one caller on POST /consents, and what became of it. It holds no token,
// no authorization URL and no OAuth state (the table keeps only hashes of
// states); a replay gets a fresh authorization URL for ConsentID.
type CreateKey struct {
	KeyHash     string `dynamodbav:"keyHash"`      // HashCreateKey(owner, key)
	Owner       string `dynamodbav:"consentOwner"` // not "owner": keeps these out of the owner index
	RequestHash string `dynamodbav:"requestHash"`  // of the request: the same key with another request is refused
	// Claim is a random id of the request holding the key; only it may
	// finish or release the record.
	Claim string `dynamodbav:"claim"`
	State string `dynamodbav:"state"`
	// ClaimUntil ends a pending claim: past it, the claiming request has
	// certainly stopped (it is the Lambda timeout after the claim) and a
	// retry with the same request may take the key over.
	ClaimUntil time.Time `dynamodbav:"claimUntil,unixtime"`
	ConsentID  string    `dynamodbav:"consentId,omitempty"`
	CreatedAt  time.Time `dynamodbav:"startedAt"` // not "createdAt": keeps these out of the owner index
	UpdatedAt  time.Time `dynamodbav:"updatedAt"`
	TTL        time.Time `dynamodbav:"ttl,unixtime"`
}

// HashCreateKey is the record key of a caller's Idempotency-Key: the hex
// SHA-256 of the owner (length-prefixed, so no owner/key split is ambiguous)
// and the key. The same key from two callers is two records.
func HashCreateKey(owner, key string) string {
	sum := sha256.Sum256([]byte(strconv.Itoa(len(owner)) + ":" + owner + key))
	return hex.EncodeToString(sum[:])
}

func createKeyPK(keyHash string) string { return createKeyPrefix + keyHash }

// ClaimCreateKey records k as pending, held by k.Claim for claim, with
// a TTL of CreateKeyRetention, in one conditional put that succeeds only
// when the key is free: no record, a record past its TTL, or a pending
// record with the same RequestHash whose claim has ended (its request died
// without finishing or releasing it). Two concurrent requests with the same
// key cannot both succeed: the second gets a *ConflictError and, with it,
// the record that holds the key (nil if it vanished in between: released,
// so the caller may claim again).
func (s *Store) ClaimCreateKey(ctx context.Context, k *CreateKey, claim time.Duration) (*CreateKey, error) {
	now := s.Now()
	n := *k
	n.State, n.ConsentID, n.ClaimUntil = CreateKeyPending, "", now.Add(claim)
	// The TTL is stored in whole seconds: rounded up, so the key is kept at least CreateKeyRetention.
	n.CreatedAt, n.UpdatedAt, n.TTL = now, now, now.Add(CreateKeyRetention).Truncate(time.Second).Add(time.Second)
	item, err := marshal(&n, createKeyPK(k.KeyHash), skCreate)
	if err != nil {
		return nil, fmt.Errorf("create key: marshal: %w", err)
	}
	e := newExpr()
	nowN := e.v(num(now.Unix()))
	cond := "attribute_not_exists(pk) OR " + e.n("ttl") + " <= " + nowN +
		" OR (" + e.n("state") + " = " + e.v(str(CreateKeyPending)) + " AND " + e.n("claimUntil") + " <= " + nowN +
		" AND " + e.n("requestHash") + " = " + e.v(str(k.RequestHash)) + ")"
	_, err = s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	})
	if isConditionFailed(err) {
		held, gerr := s.GetCreateKey(ctx, k.KeyHash)
		switch {
		case errors.Is(gerr, ErrNotFound):
			held = nil
		case gerr != nil:
			return nil, gerr
		}
		return held, &ConflictError{Kind: "create key", ID: k.KeyHash, Reason: "exists"}
	}
	if err != nil {
		return nil, fmt.Errorf("create key: put: %w", err)
	}
	*k = n
	return nil, nil
}

// GetCreateKey reads a create-key record: ErrNotFound when absent or past its TTL.
func (s *Store) GetCreateKey(ctx context.Context, keyHash string) (*CreateKey, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(createKeyPK(keyHash), skCreate), ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return nil, fmt.Errorf("create key: get: %w", err)
	}
	if len(out.Item) == 0 {
		return nil, ErrNotFound
	}
	var k CreateKey
	if err := unmarshal(out.Item, &k); err != nil {
		return nil, fmt.Errorf("create key: unmarshal: %w", err)
	}
	if !s.Now().Before(k.TTL) {
		return nil, ErrNotFound
	}
	return &k, nil
}

// FinishCreateKey records that k's consent consentID exists (state done),
// if k.Claim still holds the key (a *ConflictError otherwise). The TTL is
// kept: the key is remembered CreateKeyRetention from its claim.
func (s *Store) FinishCreateKey(ctx context.Context, k *CreateKey, consentID string) error {
	n := *k
	n.State, n.ConsentID, n.UpdatedAt = CreateKeyDone, consentID, s.Now()
	item, err := marshal(&n, createKeyPK(k.KeyHash), skCreate)
	if err != nil {
		return fmt.Errorf("create key: marshal: %w", err)
	}
	if err := s.putIfEqual(ctx, item, "claim", str(k.Claim), &ConflictError{Kind: "create key", ID: k.KeyHash, Reason: "claim"}); err != nil {
		return err
	}
	*k = n
	return nil
}

// ReleaseCreateKey deletes k's record if k.Claim still holds it and it is
// pending, so that a retry with the same key can create the consent. A
// record that is not (or no longer) k's is left alone (nil).
func (s *Store) ReleaseCreateKey(ctx context.Context, k *CreateKey) error {
	e := newExpr()
	_, err := s.api.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName: aws.String(s.table), Key: key(createKeyPK(k.KeyHash), skCreate),
		ConditionExpression: aws.String(e.n("claim") + " = " + e.v(str(k.Claim)) +
			" AND " + e.n("state") + " = " + e.v(str(CreateKeyPending))),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	})
	if err != nil && !isConditionFailed(err) {
		return fmt.Errorf("create key: release: %w", err)
	}
	return nil
}
