package dynamodb

import "github.com/coop-ob/connector/shared/awsapi/dynamodb/types"

// The outputs decode a plain answer in one pass (awsapi.AnswerDecoder, types.UnmarshalAnswerJSON),
// and any other through encoding/json and their UnmarshalJSON.

// DecodeAnswer decodes a plain answer.
func (o *GetItemOutput) DecodeAnswer(data []byte) bool {
	var v GetItemOutput
	ok := types.UnmarshalAnswerJSON(data,
		types.AnswerField{Name: "ConsumedCapacity", Dst: &v.ConsumedCapacity},
		types.AnswerField{Name: "Item", Dst: &v.Item})
	if ok {
		*o = v
	}
	return ok
}

// DecodeAnswer decodes a plain answer.
func (o *PutItemOutput) DecodeAnswer(data []byte) bool {
	return decodeWriteAnswer(data, (*writeOutput)(o))
}

// DecodeAnswer decodes a plain answer.
func (o *UpdateItemOutput) DecodeAnswer(data []byte) bool {
	return decodeWriteAnswer(data, (*writeOutput)(o))
}

// DecodeAnswer decodes a plain answer.
func (o *DeleteItemOutput) DecodeAnswer(data []byte) bool {
	return decodeWriteAnswer(data, (*writeOutput)(o))
}

func decodeWriteAnswer(data []byte, o *writeOutput) bool {
	var v writeOutput
	ok := types.UnmarshalAnswerJSON(data,
		types.AnswerField{Name: "Attributes", Dst: &v.Attributes},
		types.AnswerField{Name: "ConsumedCapacity", Dst: &v.ConsumedCapacity},
		types.AnswerField{Name: "ItemCollectionMetrics", Dst: &v.ItemCollectionMetrics})
	if ok {
		*o = v
	}
	return ok
}

// DecodeAnswer decodes a plain answer.
func (o *BatchGetItemOutput) DecodeAnswer(data []byte) bool {
	var v BatchGetItemOutput
	ok := types.UnmarshalAnswerJSON(data,
		types.AnswerField{Name: "ConsumedCapacity", Dst: &v.ConsumedCapacity},
		types.AnswerField{Name: "Responses", Dst: &v.Responses},
		types.AnswerField{Name: "UnprocessedKeys", Dst: &v.UnprocessedKeys})
	if ok {
		*o = v
	}
	return ok
}

// DecodeAnswer decodes a plain answer.
func (o *QueryOutput) DecodeAnswer(data []byte) bool { return decodePageAnswer(data, (*page)(o)) }

// DecodeAnswer decodes a plain answer.
func (o *ScanOutput) DecodeAnswer(data []byte) bool { return decodePageAnswer(data, (*page)(o)) }

func decodePageAnswer(data []byte, o *page) bool {
	var v page
	ok := types.UnmarshalAnswerJSON(data,
		types.AnswerField{Name: "ConsumedCapacity", Dst: &v.ConsumedCapacity},
		types.AnswerField{Name: "Count", Dst: &v.Count},
		types.AnswerField{Name: "Items", Dst: &v.Items},
		types.AnswerField{Name: "LastEvaluatedKey", Dst: &v.LastEvaluatedKey},
		types.AnswerField{Name: "ScannedCount", Dst: &v.ScannedCount})
	if ok {
		*o = v
	}
	return ok
}
