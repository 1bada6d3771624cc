package consent

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// BatchGetAPI is the DynamoDB client's BatchGetItem. The store uses it when its client has it
// (shared/awsapi/dynamodb's does); a client without it (a test's wrapper) gets two GetItems instead.
type BatchGetAPI interface {
	BatchGetItem(ctx context.Context, in *dynamodb.BatchGetItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.BatchGetItemOutput, error)
}

// GetConsentAndTokens reads a consent on behalf of owner (as GetConsentForOwner: another
// caller's consent is ErrNotFound) and its tokens (as GetTokens, opened when sealed) in one
// strongly consistent BatchGetItem of exactly the two items: the proxy's one store request
// on a warm read. tokens is nil when the consent has none. A key DynamoDB leaves unprocessed
// (throttling) is read again with GetItem, so the answer never lacks an item that exists.
func (s *Store) GetConsentAndTokens(ctx context.Context, id, owner string) (*Consent, *Tokens, error) {
	bg, ok := s.api.(BatchGetAPI)
	if !ok {
		c, err := s.GetConsentForOwner(ctx, id, owner)
		if err != nil {
			return nil, nil, err
		}
		t, err := s.GetTokens(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return c, nil, nil
		}
		return c, t, err
	}
	out, err := bg.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
		s.table: {Keys: []map[string]types.AttributeValue{key(consentPK(id), skMeta), key(consentPK(id), skToken)},
			ConsistentRead: aws.Bool(true)},
	}})
	if err != nil {
		return nil, nil, fmt.Errorf("consent %s: batch get: %w", id, err)
	}
	var consentItem, tokenItem map[string]types.AttributeValue
	for _, item := range out.Responses[s.table] {
		switch sk, _ := item["sk"].(*types.AttributeValueMemberS); {
		case sk == nil:
		case sk.Value == skMeta:
			consentItem = item
		case sk.Value == skToken:
			tokenItem = item
		}
	}
	var c *Consent
	var t *Tokens
	for _, k := range out.UnprocessedKeys[s.table].Keys {
		switch sk, _ := k["sk"].(*types.AttributeValueMemberS); {
		case sk != nil && sk.Value == skMeta:
			if c, err = s.GetConsent(ctx, id); err != nil {
				return nil, nil, err
			}
		case sk != nil && sk.Value == skToken:
			if t, err = s.GetTokens(ctx, id); err != nil && !errors.Is(err, ErrNotFound) {
				return nil, nil, err
			}
		}
	}
	if consentItem != nil {
		c = new(Consent)
		if err := unmarshal(consentItem, c); err != nil {
			return nil, nil, fmt.Errorf("consent %s: unmarshal: %w", id, err)
		}
	}
	if c == nil || owner == "" || c.Owner != owner {
		return nil, nil, ErrNotFound
	}
	if tokenItem != nil {
		if t, err = s.decodeTokens(ctx, id, tokenItem); err != nil {
			return nil, nil, err
		}
	}
	return c, t, nil
}
