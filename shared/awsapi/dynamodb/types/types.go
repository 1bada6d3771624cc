package types

import "encoding/json"

// The structures below carry the SDK's field names; their JSON names are the wire's member
// names, which are the same. Optional members are left out when unset (omitzero), as the SDK
// leaves out a nil pointer, map or slice and an empty enum.

// TransactWriteItem is one action of a TransactWriteItems call: exactly one of its members.
type TransactWriteItem struct {
	ConditionCheck *ConditionCheck `json:",omitzero"`
	Delete         *Delete         `json:",omitzero"`
	Put            *Put            `json:",omitzero"`
	Update         *Update         `json:",omitzero"`
}

// Put writes a whole item in a transaction.
type Put struct {
	Item                                map[string]AttributeValue           `json:",omitzero"`
	TableName                           *string                             `json:",omitzero"`
	ConditionExpression                 *string                             `json:",omitzero"`
	ExpressionAttributeNames            map[string]string                   `json:",omitzero"`
	ExpressionAttributeValues           map[string]AttributeValue           `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure `json:",omitzero"`
}

// Update changes an item's attributes in a transaction.
type Update struct {
	Key                                 map[string]AttributeValue           `json:",omitzero"`
	TableName                           *string                             `json:",omitzero"`
	UpdateExpression                    *string                             `json:",omitzero"`
	ConditionExpression                 *string                             `json:",omitzero"`
	ExpressionAttributeNames            map[string]string                   `json:",omitzero"`
	ExpressionAttributeValues           map[string]AttributeValue           `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure `json:",omitzero"`
}

// Delete deletes an item in a transaction.
type Delete struct {
	Key                                 map[string]AttributeValue           `json:",omitzero"`
	TableName                           *string                             `json:",omitzero"`
	ConditionExpression                 *string                             `json:",omitzero"`
	ExpressionAttributeNames            map[string]string                   `json:",omitzero"`
	ExpressionAttributeValues           map[string]AttributeValue           `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure `json:",omitzero"`
}

// ConditionCheck checks a condition on an item in a transaction without changing it.
type ConditionCheck struct {
	ConditionExpression                 *string                             `json:",omitzero"`
	Key                                 map[string]AttributeValue           `json:",omitzero"`
	TableName                           *string                             `json:",omitzero"`
	ExpressionAttributeNames            map[string]string                   `json:",omitzero"`
	ExpressionAttributeValues           map[string]AttributeValue           `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure `json:",omitzero"`
}

// KeysAndAttributes are the keys of one table in a BatchGetItem call (and its unprocessed keys).
type KeysAndAttributes struct {
	Keys                     []map[string]AttributeValue `json:",omitzero"`
	AttributesToGet          []string                    `json:",omitzero"`
	ConsistentRead           *bool                       `json:",omitzero"`
	ExpressionAttributeNames map[string]string           `json:",omitzero"`
	ProjectionExpression     *string                     `json:",omitzero"`
}

// UnmarshalJSON decodes the wire form (Keys holds attribute values).
func (k *KeysAndAttributes) UnmarshalJSON(data []byte) error {
	type plain KeysAndAttributes
	var w struct {
		plain
		Keys json.RawMessage
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	keys, err := UnmarshalItemsJSON(w.Keys)
	if err != nil {
		return err
	}
	*k = KeysAndAttributes(w.plain)
	k.Keys = keys
	return nil
}

// CancellationReason is why one action of a cancelled transaction failed ("None" for the
// actions that did not); Item is the item's old value when the action asked for it.
type CancellationReason struct {
	Code    *string                   `json:",omitzero"`
	Item    map[string]AttributeValue `json:",omitzero"`
	Message *string                   `json:",omitzero"`
}

// UnmarshalJSON decodes the wire form (Item holds attribute values).
func (c *CancellationReason) UnmarshalJSON(data []byte) error {
	type plain CancellationReason
	var w struct {
		plain
		Item json.RawMessage
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	item, err := UnmarshalItemJSON(w.Item)
	if err != nil {
		return err
	}
	*c = CancellationReason(w.plain)
	c.Item = item
	return nil
}

// ConsumedCapacity is the capacity a call consumed, when asked for (ReturnConsumedCapacity).
type ConsumedCapacity struct {
	CapacityUnits          *float64            `json:",omitzero"`
	GlobalSecondaryIndexes map[string]Capacity `json:",omitzero"`
	LocalSecondaryIndexes  map[string]Capacity `json:",omitzero"`
	ReadCapacityUnits      *float64            `json:",omitzero"`
	Table                  *Capacity           `json:",omitzero"`
	TableName              *string             `json:",omitzero"`
	WriteCapacityUnits     *float64            `json:",omitzero"`
}

// Capacity is the capacity consumed on a table or an index.
type Capacity struct {
	CapacityUnits      *float64 `json:",omitzero"`
	ReadCapacityUnits  *float64 `json:",omitzero"`
	WriteCapacityUnits *float64 `json:",omitzero"`
}

// ItemCollectionMetrics are an item collection's size estimate, when asked for.
type ItemCollectionMetrics struct {
	ItemCollectionKey   map[string]AttributeValue `json:",omitzero"`
	SizeEstimateRangeGB []float64                 `json:",omitzero"`
}

// UnmarshalJSON decodes the wire form (ItemCollectionKey holds attribute values).
func (m *ItemCollectionMetrics) UnmarshalJSON(data []byte) error {
	type plain ItemCollectionMetrics
	var w struct {
		plain
		ItemCollectionKey json.RawMessage
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	key, err := UnmarshalItemJSON(w.ItemCollectionKey)
	if err != nil {
		return err
	}
	*m = ItemCollectionMetrics(w.plain)
	m.ItemCollectionKey = key
	return nil
}

// ThrottlingReason says which resource a throttling error was about.
type ThrottlingReason struct {
	Reason   *string `json:",omitzero"`
	Resource *string `json:",omitzero"`
}
