package consent

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// putIfEqual writes item only while its stored attr still equals want: a
// failed condition answers conflict, any other failure names conflict's item.
func (s *Store) putIfEqual(ctx context.Context, item map[string]types.AttributeValue, attr string, want types.AttributeValue, conflict *ConflictError) error {
	e := newExpr()
	_, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(s.table), Item: item,
		ConditionExpression:      aws.String(e.n(attr) + " = " + e.v(want)),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	})
	if isConditionFailed(err) {
		return conflict
	}
	if err != nil {
		return fmt.Errorf("%s %s: put: %w", conflict.Kind, conflict.ID, err)
	}
	return nil
}
