package consent

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
)

// skAccounts is the sort key of a consent's shared-accounts item.
const skAccounts = "ACCOUNTS"

// SharedAccount is one account the customer shared with an AIS consent, kept
// to what a consent dashboard needs: the bank's AccountId and, when the
// consent holds ReadAccountsDetail, its identification masked to the last
// four characters.
type SharedAccount struct {
	ID     string `dynamodbav:"id"`
	Masked string `dynamodbav:"masked,omitempty"`
}

// SharedAccounts is the CONSENT#<id>/ACCOUNTS item: the accounts read from
// the bank's GET /accounts after the last (re-)authorisation. It is its own
// item so that writing it never rewrites the consent. It is deleted with
// every consent write that ends the consent (UpdateConsent: Rejected,
// Expired, Revoked), and its TTL is the consent's expiry, so DynamoDB erases
// it after the consent expires.
type SharedAccounts struct {
	ConsentID string          `dynamodbav:"consentId"`
	Accounts  []SharedAccount `dynamodbav:"accounts"`
	ReadAt    time.Time       `dynamodbav:"readAt"`
	TTL       int64           `dynamodbav:"ttl,omitempty"` // unix seconds; TTLAttribute
	// Pending: the read failed and the tokens run retries it (MarkAccountsPending):
	// the item then has an entry in the refresh index under "A#" shards.
	Pending    bool      `dynamodbav:"pending,omitempty"`
	Attempts   int       `dynamodbav:"attempts,omitempty"`
	RetryShard string    `dynamodbav:"refreshShard,omitempty"`
	RetryDue   time.Time `dynamodbav:"refreshDue,unixtime,omitempty"`
}

func accountsShardKey(shard int) string { return fmt.Sprintf("A#%02d", shard) }

// MarkAccountsPending records that the accounts of consentID could not be
// read (attempts so far): the tokens run retries at next (DueAccounts). Accounts
// read earlier are kept meanwhile. next zero gives up: the entry leaves the index.
func (s *Store) MarkAccountsPending(ctx context.Context, consentID string, attempts int, next time.Time) error {
	a, err := s.GetAccounts(ctx, consentID)
	if err != nil {
		a = &SharedAccounts{ConsentID: consentID, Accounts: []SharedAccount{}}
	}
	a.Pending, a.Attempts, a.RetryShard, a.RetryDue = !next.IsZero(), attempts, "", time.Time{}
	if !next.IsZero() {
		a.RetryShard, a.RetryDue = accountsShardKey(s.shard(consentID)), next
	}
	item, err := marshal(a, consentPK(consentID), skAccounts)
	if err != nil {
		return fmt.Errorf("accounts %s: marshal: %w", consentID, err)
	}
	if _, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.table), Item: item}); err != nil {
		return fmt.Errorf("accounts %s: put: %w", consentID, err)
	}
	return nil
}

// DueAccount is a pending accounts read in the refresh index.
type DueAccount struct {
	ConsentID string `dynamodbav:"consentId"`
	Attempts  int    `dynamodbav:"attempts"`
}

// DueAccounts lists the pending accounts reads of shard due at before.
func (s *Store) DueAccounts(ctx context.Context, shard int, before time.Time, limit int32, cursor Cursor) ([]DueAccount, Cursor, error) {
	return dueEntries[DueAccount](ctx, s, accountsShardKey(shard), before, limit, cursor)
}

// PutAccounts stores (replaces) the shared accounts of a consent; expires,
// when not zero, becomes the item's TTL.
func (s *Store) PutAccounts(ctx context.Context, a *SharedAccounts, expires time.Time) error {
	n := *a
	if !expires.IsZero() {
		n.TTL = expires.Unix()
	}
	item, err := marshal(&n, consentPK(a.ConsentID), skAccounts)
	if err != nil {
		return fmt.Errorf("accounts %s: marshal: %w", a.ConsentID, err)
	}
	if _, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.table), Item: item}); err != nil {
		return fmt.Errorf("accounts %s: put: %w", a.ConsentID, err)
	}
	return nil
}

// GetAccounts reads the shared accounts of a consent; ErrNotFound if none
// were read (yet) or they were erased. An item past its TTL that DynamoDB has
// not deleted yet is ErrNotFound too.
func (s *Store) GetAccounts(ctx context.Context, consentID string) (*SharedAccounts, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(consentID), skAccounts), ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return nil, fmt.Errorf("accounts %s: get: %w", consentID, err)
	}
	if len(out.Item) == 0 {
		return nil, ErrNotFound
	}
	var a SharedAccounts
	if err := unmarshal(out.Item, &a); err != nil {
		return nil, fmt.Errorf("accounts %s: unmarshal: %w", consentID, err)
	}
	if a.TTL != 0 && !s.Now().Before(time.Unix(a.TTL, 0)) {
		return nil, ErrNotFound
	}
	return &a, nil
}

// DeleteAccounts erases the shared accounts of a consent (revocation);
// deleting absent ones is not an error.
func (s *Store) DeleteAccounts(ctx context.Context, consentID string) error {
	_, err := s.api.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(consentID), skAccounts),
	})
	if err != nil {
		return fmt.Errorf("accounts %s: delete: %w", consentID, err)
	}
	return nil
}
