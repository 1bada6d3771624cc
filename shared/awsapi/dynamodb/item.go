package dynamodb

import (
	"context"
	"encoding/json"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// GetItemInput reads one item by its key.
type GetItemInput struct {
	Key                      map[string]types.AttributeValue `json:",omitzero"`
	TableName                *string                         `json:",omitzero"`
	AttributesToGet          []string                        `json:",omitzero"`
	ConsistentRead           *bool                           `json:",omitzero"`
	ExpressionAttributeNames map[string]string               `json:",omitzero"`
	ProjectionExpression     *string                         `json:",omitzero"`
	ReturnConsumedCapacity   types.ReturnConsumedCapacity    `json:",omitzero"`
}

// GetItemOutput is the item read (nil when there is none).
type GetItemOutput struct {
	ConsumedCapacity *types.ConsumedCapacity
	Item             map[string]types.AttributeValue
}

// UnmarshalJSON decodes the answer.
func (o *GetItemOutput) UnmarshalJSON(data []byte) error {
	var w struct {
		ConsumedCapacity *types.ConsumedCapacity
		Item             json.RawMessage
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	item, err := types.UnmarshalItemJSON(w.Item)
	*o = GetItemOutput{ConsumedCapacity: w.ConsumedCapacity, Item: item}
	return err
}

// GetItem reads one item.
func (c *Client) GetItem(ctx context.Context, in *GetItemInput, optFns ...func(*Options)) (*GetItemOutput, error) {
	return call[GetItemOutput](ctx, c, "GetItem", in, optFns)
}

// PutItemInput writes a whole item.
type PutItemInput struct {
	Item                                map[string]types.AttributeValue           `json:",omitzero"`
	TableName                           *string                                   `json:",omitzero"`
	ConditionExpression                 *string                                   `json:",omitzero"`
	ExpressionAttributeNames            map[string]string                         `json:",omitzero"`
	ExpressionAttributeValues           map[string]types.AttributeValue           `json:",omitzero"`
	ReturnConsumedCapacity              types.ReturnConsumedCapacity              `json:",omitzero"`
	ReturnItemCollectionMetrics         types.ReturnItemCollectionMetrics         `json:",omitzero"`
	ReturnValues                        types.ReturnValue                         `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure types.ReturnValuesOnConditionCheckFailure `json:",omitzero"`
}

// PutItemOutput holds the attributes ReturnValues asked for.
type PutItemOutput struct {
	Attributes            map[string]types.AttributeValue
	ConsumedCapacity      *types.ConsumedCapacity
	ItemCollectionMetrics *types.ItemCollectionMetrics
}

// UnmarshalJSON decodes the answer.
func (o *PutItemOutput) UnmarshalJSON(data []byte) error {
	w, err := decodeWrite(data)
	*o = PutItemOutput(w)
	return err
}

// PutItem writes a whole item.
func (c *Client) PutItem(ctx context.Context, in *PutItemInput, optFns ...func(*Options)) (*PutItemOutput, error) {
	return call[PutItemOutput](ctx, c, "PutItem", in, optFns)
}

// UpdateItemInput changes an item's attributes (creating it if absent).
type UpdateItemInput struct {
	Key                                 map[string]types.AttributeValue           `json:",omitzero"`
	TableName                           *string                                   `json:",omitzero"`
	ConditionExpression                 *string                                   `json:",omitzero"`
	ExpressionAttributeNames            map[string]string                         `json:",omitzero"`
	ExpressionAttributeValues           map[string]types.AttributeValue           `json:",omitzero"`
	ReturnConsumedCapacity              types.ReturnConsumedCapacity              `json:",omitzero"`
	ReturnItemCollectionMetrics         types.ReturnItemCollectionMetrics         `json:",omitzero"`
	ReturnValues                        types.ReturnValue                         `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure types.ReturnValuesOnConditionCheckFailure `json:",omitzero"`
	UpdateExpression                    *string                                   `json:",omitzero"`
}

// UpdateItemOutput holds the attributes ReturnValues asked for.
type UpdateItemOutput struct {
	Attributes            map[string]types.AttributeValue
	ConsumedCapacity      *types.ConsumedCapacity
	ItemCollectionMetrics *types.ItemCollectionMetrics
}

// UnmarshalJSON decodes the answer.
func (o *UpdateItemOutput) UnmarshalJSON(data []byte) error {
	w, err := decodeWrite(data)
	*o = UpdateItemOutput(w)
	return err
}

// UpdateItem changes an item's attributes.
func (c *Client) UpdateItem(ctx context.Context, in *UpdateItemInput, optFns ...func(*Options)) (*UpdateItemOutput, error) {
	return call[UpdateItemOutput](ctx, c, "UpdateItem", in, optFns)
}

// DeleteItemInput deletes an item by its key.
type DeleteItemInput struct {
	Key                                 map[string]types.AttributeValue           `json:",omitzero"`
	TableName                           *string                                   `json:",omitzero"`
	ConditionExpression                 *string                                   `json:",omitzero"`
	ExpressionAttributeNames            map[string]string                         `json:",omitzero"`
	ExpressionAttributeValues           map[string]types.AttributeValue           `json:",omitzero"`
	ReturnConsumedCapacity              types.ReturnConsumedCapacity              `json:",omitzero"`
	ReturnItemCollectionMetrics         types.ReturnItemCollectionMetrics         `json:",omitzero"`
	ReturnValues                        types.ReturnValue                         `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure types.ReturnValuesOnConditionCheckFailure `json:",omitzero"`
}

// DeleteItemOutput holds the attributes ReturnValues asked for.
type DeleteItemOutput struct {
	Attributes            map[string]types.AttributeValue
	ConsumedCapacity      *types.ConsumedCapacity
	ItemCollectionMetrics *types.ItemCollectionMetrics
}

// UnmarshalJSON decodes the answer.
func (o *DeleteItemOutput) UnmarshalJSON(data []byte) error {
	w, err := decodeWrite(data)
	*o = DeleteItemOutput(w)
	return err
}

// DeleteItem deletes an item.
func (c *Client) DeleteItem(ctx context.Context, in *DeleteItemInput, optFns ...func(*Options)) (*DeleteItemOutput, error) {
	return call[DeleteItemOutput](ctx, c, "DeleteItem", in, optFns)
}

// writeOutput is the answer of PutItem, UpdateItem and DeleteItem.
type writeOutput struct {
	Attributes            map[string]types.AttributeValue
	ConsumedCapacity      *types.ConsumedCapacity
	ItemCollectionMetrics *types.ItemCollectionMetrics
}

func decodeWrite(data []byte) (writeOutput, error) {
	var w struct {
		Attributes            json.RawMessage
		ConsumedCapacity      *types.ConsumedCapacity
		ItemCollectionMetrics *types.ItemCollectionMetrics
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return writeOutput{}, err
	}
	attrs, err := types.UnmarshalItemJSON(w.Attributes)
	return writeOutput{Attributes: attrs, ConsumedCapacity: w.ConsumedCapacity, ItemCollectionMetrics: w.ItemCollectionMetrics}, err
}
