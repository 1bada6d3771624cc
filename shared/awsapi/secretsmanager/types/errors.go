package types

import "github.com/aws/smithy-go"

// ResourceNotFoundException is Secrets Manager's ResourceNotFoundException error.
type ResourceNotFoundException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *ResourceNotFoundException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *ResourceNotFoundException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "ResourceNotFoundException" (or the code the answer gave).
func (e *ResourceNotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ResourceNotFoundException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *ResourceNotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// DecryptionFailure is Secrets Manager's DecryptionFailure error.
type DecryptionFailure struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *DecryptionFailure) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *DecryptionFailure) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "DecryptionFailure" (or the code the answer gave).
func (e *DecryptionFailure) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "DecryptionFailure"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *DecryptionFailure) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InternalServiceError is Secrets Manager's InternalServiceError error.
type InternalServiceError struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *InternalServiceError) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *InternalServiceError) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "InternalServiceError" (or the code the answer gave).
func (e *InternalServiceError) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InternalServiceError"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the service's fault.
func (e *InternalServiceError) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// InvalidParameterException is Secrets Manager's InvalidParameterException error.
type InvalidParameterException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *InvalidParameterException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *InvalidParameterException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "InvalidParameterException" (or the code the answer gave).
func (e *InvalidParameterException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidParameterException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *InvalidParameterException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidRequestException is Secrets Manager's InvalidRequestException error.
type InvalidRequestException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *InvalidRequestException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *InvalidRequestException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "InvalidRequestException" (or the code the answer gave).
func (e *InvalidRequestException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidRequestException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *InvalidRequestException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
