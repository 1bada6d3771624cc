package dynamodb

import (
	"encoding/json"

	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// apiError is DynamoDB's Service.Errors: the typed error of a modelled code, with its modelled
// fields decoded from the answer's body; nil for another code (a smithy.GenericAPIError).
func apiError(code, message string, body []byte) smithy.APIError {
	var msg *string
	if message != "" {
		msg = &message
	}
	switch code {
	case "ConditionalCheckFailedException":
		var w struct{ Item json.RawMessage }
		_ = json.Unmarshal(body, &w)
		item, _ := types.UnmarshalItemJSON(w.Item)
		return &types.ConditionalCheckFailedException{Message: msg, Item: item}
	case "TransactionCanceledException":
		var w struct{ CancellationReasons []types.CancellationReason }
		_ = json.Unmarshal(body, &w)
		return &types.TransactionCanceledException{Message: msg, CancellationReasons: w.CancellationReasons}
	case "ProvisionedThroughputExceededException":
		return &types.ProvisionedThroughputExceededException{Message: msg, ThrottlingReasons: throttlingReasons(body)}
	case "RequestLimitExceeded":
		return &types.RequestLimitExceeded{Message: msg, ThrottlingReasons: throttlingReasons(body)}
	case "ThrottlingException":
		return &types.ThrottlingException{Message: msg, ThrottlingReasons: throttlingReasons(body)}
	case "ResourceNotFoundException":
		return &types.ResourceNotFoundException{Message: msg}
	case "InternalServerError":
		return &types.InternalServerError{Message: msg}
	case "TransactionConflictException":
		return &types.TransactionConflictException{Message: msg}
	case "TransactionInProgressException":
		return &types.TransactionInProgressException{Message: msg}
	case "IdempotentParameterMismatchException":
		return &types.IdempotentParameterMismatchException{Message: msg}
	case "ItemCollectionSizeLimitExceededException":
		return &types.ItemCollectionSizeLimitExceededException{Message: msg}
	case "ReplicatedWriteConflictException":
		return &types.ReplicatedWriteConflictException{Message: msg}
	case "LimitExceededException":
		return &types.LimitExceededException{Message: msg}
	case "ResourceInUseException":
		return &types.ResourceInUseException{Message: msg}
	}
	return nil
}

func throttlingReasons(body []byte) []types.ThrottlingReason {
	var w struct{ ThrottlingReasons []types.ThrottlingReason }
	_ = json.Unmarshal(body, &w)
	return w.ThrottlingReasons
}
