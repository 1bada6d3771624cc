package consent

import (
	"context"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// Ended reports whether status ends the consent's access for good: Rejected,
// Expired or Revoked. Its shared accounts are then erased.
func Ended(status string) bool {
	return status == StatusRejected || status == StatusExpired || status == StatusRevoked
}

// endConsent are the Deletes of the consent's tokens and shared-accounts
// items that go with a consent write closing it (UpdateConsent), so that no
// closed consent (Closed) keeps its bank tokens or accounts whatever path
// (proxy, refresher, revoke, payment) closed it. A refresher racing it cannot
// bring the tokens back: every token write but AuthoriseWithTokens (which
// requires an authorisable consent in the same transaction) is conditional on
// the item's attributes, which a deleted item does not have. Deleting absent
// tokens or accounts is not an error.
func (s *Store) endConsent(id string) []types.TransactWriteItem {
	return []types.TransactWriteItem{
		{Delete: &types.Delete{TableName: aws.String(s.table), Key: key(consentPK(id), skAccounts)}},
		{Delete: &types.Delete{TableName: aws.String(s.table), Key: key(consentPK(id), skToken)}},
	}
}

// putConsent writes the consent item under cond, with extra (its events, the
// accounts of an ended consent) in the same transaction when there are any.
// A failed cond answers as PutItem would (ConditionalCheckFailedException),
// whichever item of the transaction refused it: every write that numbers an
// event changes the consent's version, so a refused outbox key is a stale
// version too.
func (s *Store) putConsent(ctx context.Context, item map[string]types.AttributeValue, cond string, e *expr, extra []types.TransactWriteItem) error {
	put := types.Put{TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.valuesOrNil()}
	if len(e.names) == 0 {
		put.ExpressionAttributeNames = nil
	}
	if len(extra) == 0 {
		_, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{TableName: put.TableName, Item: item, ConditionExpression: put.ConditionExpression,
			ExpressionAttributeNames: put.ExpressionAttributeNames, ExpressionAttributeValues: put.ExpressionAttributeValues})
		return err
	}
	_, err := s.api.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{
		TransactItems: append([]types.TransactWriteItem{{Put: &put}}, extra...)})
	if failed, ok := cancelledAt(err); ok && slices.Contains(failed, true) {
		return &types.ConditionalCheckFailedException{Message: aws.String("consent version")}
	}
	return err
}
