package consent

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// ScanAPI is the Scan of *dynamodb.Client, which only the sealing pass uses.
type ScanAPI interface {
	Scan(ctx context.Context, in *dynamodb.ScanInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ScanOutput, error)
}

// SealPlain is one bounded step of the upgrade's sealing pass: it reads one Scan page of at
// most limit items from start (nil: the table's beginning) and seals, in place, every secret
// attribute still stored plain (written by a release without sealing). Each item is one
// UpdateItem conditional on the plain values it read, so a concurrent write (which seals) is
// never overwritten with an older value: that item is skipped. It returns where the next step
// starts (nil when the table is done) and how many items it sealed. Without a Sealer it does
// nothing.
func (s *Store) SealPlain(ctx context.Context, scan ScanAPI, start map[string]types.AttributeValue, limit int32) (map[string]types.AttributeValue, int, error) {
	if s.Sealer == nil {
		return nil, 0, nil
	}
	out, err := scan.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String(s.table), ExclusiveStartKey: start, Limit: aws.Int32(limit)})
	if err != nil {
		return nil, 0, fmt.Errorf("seal pass: scan: %w", err)
	}
	sealed := 0
	for _, item := range out.Items {
		ok, err := s.sealPlainItem(ctx, item)
		if err != nil {
			return nil, sealed, err
		}
		if ok {
			sealed++
		}
	}
	return out.LastEvaluatedKey, sealed, nil
}

func (s *Store) sealPlainItem(ctx context.Context, item map[string]types.AttributeValue) (bool, error) {
	pk, _ := item["pk"].(*types.AttributeValueMemberS)
	sk, _ := item["sk"].(*types.AttributeValueMemberS)
	if pk == nil || sk == nil {
		return false, nil
	}
	e := newExpr()
	cond := ""
	for _, a := range secretAttributes {
		v, ok := item[a].(*types.AttributeValueMemberS)
		if !ok {
			continue
		}
		sealed, err := s.sealValue(ctx, pk.Value, sk.Value, a, v.Value)
		if err != nil {
			return false, fmt.Errorf("seal pass: %w", err)
		}
		if cond != "" {
			cond += " AND "
		}
		cond += e.n(a) + " = " + e.v(v)
		e.set(a, sealed)
	}
	if cond == "" {
		return false, nil
	}
	_, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(pk.Value, sk.Value),
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	})
	if isConditionFailed(err) {
		return false, nil // rewritten meanwhile, sealed by that write
	}
	if err != nil {
		return false, fmt.Errorf("seal pass: update: %w", err)
	}
	return true, nil
}
