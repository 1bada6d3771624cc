package types

import (
	"fmt"

	"github.com/aws/smithy-go"
)

// The modelled errors of the DynamoDB operations the connector calls, with the SDK's names,
// fields and smithy.APIError methods, so that errors.As and awserr read them as before. Only
// InternalServerError is the service's fault.

// ConditionalCheckFailedException: a conditional write's condition was false; Item is the item's value when the write asked for it (ReturnValuesOnConditionCheckFailure).
type ConditionalCheckFailedException struct {
	Message           *string
	ErrorCodeOverride *string

	Item map[string]AttributeValue
}

func (e *ConditionalCheckFailedException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *ConditionalCheckFailedException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "ConditionalCheckFailedException" (or its override).
func (e *ConditionalCheckFailedException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ConditionalCheckFailedException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *ConditionalCheckFailedException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TransactionCanceledException: a transaction was cancelled; CancellationReasons has one reason per action, in order.
type TransactionCanceledException struct {
	Message           *string
	ErrorCodeOverride *string

	CancellationReasons []CancellationReason
}

func (e *TransactionCanceledException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *TransactionCanceledException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "TransactionCanceledException" (or its override).
func (e *TransactionCanceledException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TransactionCanceledException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *TransactionCanceledException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ProvisionedThroughputExceededException: requests exceeded the table's or an index's throughput.
type ProvisionedThroughputExceededException struct {
	Message           *string
	ErrorCodeOverride *string

	ThrottlingReasons []ThrottlingReason
}

func (e *ProvisionedThroughputExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *ProvisionedThroughputExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "ProvisionedThroughputExceededException" (or its override).
func (e *ProvisionedThroughputExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ProvisionedThroughputExceededException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *ProvisionedThroughputExceededException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// RequestLimitExceeded: requests exceeded the account's throughput quota.
type RequestLimitExceeded struct {
	Message           *string
	ErrorCodeOverride *string

	ThrottlingReasons []ThrottlingReason
}

func (e *RequestLimitExceeded) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *RequestLimitExceeded) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "RequestLimitExceeded" (or its override).
func (e *RequestLimitExceeded) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "RequestLimitExceeded"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *RequestLimitExceeded) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ThrottlingException: requests were throttled.
type ThrottlingException struct {
	Message           *string
	ErrorCodeOverride *string

	ThrottlingReasons []ThrottlingReason
}

func (e *ThrottlingException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *ThrottlingException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "ThrottlingException" (or its override).
func (e *ThrottlingException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ThrottlingException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *ThrottlingException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ResourceNotFoundException: the table or index does not exist (or is not active).
type ResourceNotFoundException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *ResourceNotFoundException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *ResourceNotFoundException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "ResourceNotFoundException" (or its override).
func (e *ResourceNotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ResourceNotFoundException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *ResourceNotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InternalServerError: DynamoDB failed (the service's fault).
type InternalServerError struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *InternalServerError) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *InternalServerError) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "InternalServerError" (or its override).
func (e *InternalServerError) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InternalServerError"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultServer.
func (e *InternalServerError) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// TransactionConflictException: another transaction in progress holds the item.
type TransactionConflictException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *TransactionConflictException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *TransactionConflictException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "TransactionConflictException" (or its override).
func (e *TransactionConflictException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TransactionConflictException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *TransactionConflictException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TransactionInProgressException: a transaction with the same client request token is still in progress.
type TransactionInProgressException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *TransactionInProgressException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *TransactionInProgressException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "TransactionInProgressException" (or its override).
func (e *TransactionInProgressException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TransactionInProgressException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *TransactionInProgressException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// IdempotentParameterMismatchException: a client request token was reused with another request.
type IdempotentParameterMismatchException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *IdempotentParameterMismatchException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *IdempotentParameterMismatchException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "IdempotentParameterMismatchException" (or its override).
func (e *IdempotentParameterMismatchException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "IdempotentParameterMismatchException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *IdempotentParameterMismatchException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// ItemCollectionSizeLimitExceededException: an item collection exceeded its size limit.
type ItemCollectionSizeLimitExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *ItemCollectionSizeLimitExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *ItemCollectionSizeLimitExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "ItemCollectionSizeLimitExceededException" (or its override).
func (e *ItemCollectionSizeLimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ItemCollectionSizeLimitExceededException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *ItemCollectionSizeLimitExceededException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// ReplicatedWriteConflictException: a write conflicted with a replicated write.
type ReplicatedWriteConflictException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *ReplicatedWriteConflictException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *ReplicatedWriteConflictException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "ReplicatedWriteConflictException" (or its override).
func (e *ReplicatedWriteConflictException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ReplicatedWriteConflictException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *ReplicatedWriteConflictException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// LimitExceededException: too many concurrent control-plane operations.
type LimitExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *LimitExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *LimitExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "LimitExceededException" (or its override).
func (e *LimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "LimitExceededException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *LimitExceededException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ResourceInUseException: the resource is in use (being created, updated or deleted).
type ResourceInUseException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *ResourceInUseException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage is the error's message.
func (e *ResourceInUseException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "ResourceInUseException" (or its override).
func (e *ResourceInUseException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ResourceInUseException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is smithy.FaultClient.
func (e *ResourceInUseException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
