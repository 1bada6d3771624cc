package consent

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Ended reports whether status ends the consent's access for good: Rejected,
// Expired or Revoked. Its shared accounts are then erased.
func Ended(status string) bool {
	return status == StatusRejected || status == StatusExpired || status == StatusRevoked
}

// endConsent writes the consent item (under cond) and deletes the consent's
// tokens and shared-accounts items in one transaction, so that no closed
// consent (Closed) keeps its bank tokens or accounts whatever path (proxy,
// refresher, revoke, payment) closed it. A refresher racing it cannot bring
// the tokens back: every token write but AuthoriseWithTokens (which requires
// an authorisable consent in the same transaction) is conditional on the
// item's attributes, which a deleted item does not have. A failed cond
// answers as PutItem would (ConditionalCheckFailedException), so UpdateConsent
// handles both writes alike. Deleting absent tokens or accounts is not an error.
func (s *Store) endConsent(ctx context.Context, id string, item map[string]types.AttributeValue, cond string, e *expr) error {
	_, err := s.api.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String(cond),
			ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values}},
		{Delete: &types.Delete{TableName: aws.String(s.table), Key: key(consentPK(id), skAccounts)}},
		{Delete: &types.Delete{TableName: aws.String(s.table), Key: key(consentPK(id), skToken)}},
	}})
	if failed, ok := cancelledAt(err); ok && len(failed) > 0 && failed[0] {
		return &types.ConditionalCheckFailedException{Message: aws.String("consent version")}
	}
	return err
}
