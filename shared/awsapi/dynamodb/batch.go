package dynamodb

import (
	"context"
	"encoding/json"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// BatchGetItemInput reads items by their keys, from one or more tables.
type BatchGetItemInput struct {
	RequestItems           map[string]types.KeysAndAttributes `json:",omitzero"`
	ReturnConsumedCapacity types.ReturnConsumedCapacity       `json:",omitzero"`
}

// BatchGetItemOutput holds the items read, by table, and the keys left for another call.
type BatchGetItemOutput struct {
	ConsumedCapacity []types.ConsumedCapacity
	Responses        map[string][]map[string]types.AttributeValue
	UnprocessedKeys  map[string]types.KeysAndAttributes
}

// UnmarshalJSON decodes the answer.
func (o *BatchGetItemOutput) UnmarshalJSON(data []byte) error {
	var w struct {
		ConsumedCapacity []types.ConsumedCapacity
		Responses        map[string]json.RawMessage
		UnprocessedKeys  map[string]types.KeysAndAttributes
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*o = BatchGetItemOutput{ConsumedCapacity: w.ConsumedCapacity, UnprocessedKeys: w.UnprocessedKeys}
	if w.Responses != nil {
		o.Responses = make(map[string][]map[string]types.AttributeValue, len(w.Responses))
	}
	for table, raw := range w.Responses {
		items, err := types.UnmarshalItemsJSON(raw)
		if err != nil {
			return err
		}
		o.Responses[table] = items
	}
	return nil
}

// BatchGetItem reads items by their keys.
func (c *Client) BatchGetItem(ctx context.Context, in *BatchGetItemInput, optFns ...func(*Options)) (*BatchGetItemOutput, error) {
	return call[BatchGetItemOutput](ctx, c, "BatchGetItem", in, optFns)
}
