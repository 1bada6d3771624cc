package dynamodb

import (
	"context"
	"encoding/json"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// QueryInput reads the items of one partition (of the table or an index).
type QueryInput struct {
	TableName                 *string                         `json:",omitzero"`
	AttributesToGet           []string                        `json:",omitzero"`
	ConsistentRead            *bool                           `json:",omitzero"`
	ExclusiveStartKey         map[string]types.AttributeValue `json:",omitzero"`
	ExpressionAttributeNames  map[string]string               `json:",omitzero"`
	ExpressionAttributeValues map[string]types.AttributeValue `json:",omitzero"`
	FilterExpression          *string                         `json:",omitzero"`
	IndexName                 *string                         `json:",omitzero"`
	KeyConditionExpression    *string                         `json:",omitzero"`
	Limit                     *int32                          `json:",omitzero"`
	ProjectionExpression      *string                         `json:",omitzero"`
	ReturnConsumedCapacity    types.ReturnConsumedCapacity    `json:",omitzero"`
	ScanIndexForward          *bool                           `json:",omitzero"`
	Select                    types.Select                    `json:",omitzero"`
}

// QueryOutput is one page of a Query.
type QueryOutput struct {
	ConsumedCapacity *types.ConsumedCapacity
	Count            int32
	Items            []map[string]types.AttributeValue
	LastEvaluatedKey map[string]types.AttributeValue
	ScannedCount     int32
}

// UnmarshalJSON decodes the answer.
func (o *QueryOutput) UnmarshalJSON(data []byte) error {
	p, err := decodePage(data)
	*o = QueryOutput(p)
	return err
}

// Query reads one page of a partition's items.
func (c *Client) Query(ctx context.Context, in *QueryInput, optFns ...func(*Options)) (*QueryOutput, error) {
	return call[QueryOutput](ctx, c, "Query", in, optFns)
}

// ScanInput reads the items of the table (or an index, or a segment of either).
type ScanInput struct {
	TableName                 *string                         `json:",omitzero"`
	AttributesToGet           []string                        `json:",omitzero"`
	ConsistentRead            *bool                           `json:",omitzero"`
	ExclusiveStartKey         map[string]types.AttributeValue `json:",omitzero"`
	ExpressionAttributeNames  map[string]string               `json:",omitzero"`
	ExpressionAttributeValues map[string]types.AttributeValue `json:",omitzero"`
	FilterExpression          *string                         `json:",omitzero"`
	IndexName                 *string                         `json:",omitzero"`
	Limit                     *int32                          `json:",omitzero"`
	ProjectionExpression      *string                         `json:",omitzero"`
	ReturnConsumedCapacity    types.ReturnConsumedCapacity    `json:",omitzero"`
	Segment                   *int32                          `json:",omitzero"`
	Select                    types.Select                    `json:",omitzero"`
	TotalSegments             *int32                          `json:",omitzero"`
}

// ScanOutput is one page of a Scan.
type ScanOutput struct {
	ConsumedCapacity *types.ConsumedCapacity
	Count            int32
	Items            []map[string]types.AttributeValue
	LastEvaluatedKey map[string]types.AttributeValue
	ScannedCount     int32
}

// UnmarshalJSON decodes the answer.
func (o *ScanOutput) UnmarshalJSON(data []byte) error {
	p, err := decodePage(data)
	*o = ScanOutput(p)
	return err
}

// Scan reads one page of the table's items.
func (c *Client) Scan(ctx context.Context, in *ScanInput, optFns ...func(*Options)) (*ScanOutput, error) {
	return call[ScanOutput](ctx, c, "Scan", in, optFns)
}

// page is the answer of Query and Scan.
type page struct {
	ConsumedCapacity *types.ConsumedCapacity
	Count            int32
	Items            []map[string]types.AttributeValue
	LastEvaluatedKey map[string]types.AttributeValue
	ScannedCount     int32
}

func decodePage(data []byte) (page, error) {
	var w struct {
		ConsumedCapacity *types.ConsumedCapacity
		Count            int32
		Items            json.RawMessage
		LastEvaluatedKey json.RawMessage
		ScannedCount     int32
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return page{}, err
	}
	p := page{ConsumedCapacity: w.ConsumedCapacity, Count: w.Count, ScannedCount: w.ScannedCount}
	var err error
	if p.Items, err = types.UnmarshalItemsJSON(w.Items); err != nil {
		return p, err
	}
	p.LastEvaluatedKey, err = types.UnmarshalItemJSON(w.LastEvaluatedKey)
	return p, err
}
