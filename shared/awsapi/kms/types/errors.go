package types

import "github.com/aws/smithy-go"

// InvalidCiphertextException is KMS's InvalidCiphertextException error.
type InvalidCiphertextException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *InvalidCiphertextException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *InvalidCiphertextException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "InvalidCiphertextException" (or the code the answer gave).
func (e *InvalidCiphertextException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidCiphertextException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *InvalidCiphertextException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// NotFoundException is KMS's NotFoundException error.
type NotFoundException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *NotFoundException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *NotFoundException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "NotFoundException" (or the code the answer gave).
func (e *NotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "NotFoundException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *NotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// DisabledException is KMS's DisabledException error.
type DisabledException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *DisabledException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *DisabledException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "DisabledException" (or the code the answer gave).
func (e *DisabledException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "DisabledException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *DisabledException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KMSInvalidStateException is KMS's KMSInvalidStateException error.
type KMSInvalidStateException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *KMSInvalidStateException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *KMSInvalidStateException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "KMSInvalidStateException" (or the code the answer gave).
func (e *KMSInvalidStateException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KMSInvalidStateException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *KMSInvalidStateException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KeyUnavailableException is KMS's KeyUnavailableException error.
type KeyUnavailableException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *KeyUnavailableException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *KeyUnavailableException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "KeyUnavailableException" (or the code the answer gave).
func (e *KeyUnavailableException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KeyUnavailableException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the service's fault.
func (e *KeyUnavailableException) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// DependencyTimeoutException is KMS's DependencyTimeoutException error.
type DependencyTimeoutException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *DependencyTimeoutException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *DependencyTimeoutException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "DependencyTimeoutException" (or the code the answer gave).
func (e *DependencyTimeoutException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "DependencyTimeoutException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the service's fault.
func (e *DependencyTimeoutException) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// KMSInternalException is KMS's KMSInternalException error.
type KMSInternalException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *KMSInternalException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *KMSInternalException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "KMSInternalException" (or the code the answer gave).
func (e *KMSInternalException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KMSInternalException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the service's fault.
func (e *KMSInternalException) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// InvalidKeyUsageException is KMS's InvalidKeyUsageException error.
type InvalidKeyUsageException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *InvalidKeyUsageException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *InvalidKeyUsageException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "InvalidKeyUsageException" (or the code the answer gave).
func (e *InvalidKeyUsageException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidKeyUsageException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *InvalidKeyUsageException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// IncorrectKeyException is KMS's IncorrectKeyException error.
type IncorrectKeyException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *IncorrectKeyException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *IncorrectKeyException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "IncorrectKeyException" (or the code the answer gave).
func (e *IncorrectKeyException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "IncorrectKeyException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *IncorrectKeyException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidGrantTokenException is KMS's InvalidGrantTokenException error.
type InvalidGrantTokenException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *InvalidGrantTokenException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *InvalidGrantTokenException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "InvalidGrantTokenException" (or the code the answer gave).
func (e *InvalidGrantTokenException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidGrantTokenException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *InvalidGrantTokenException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// LimitExceededException is KMS's LimitExceededException error.
type LimitExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

func (e *LimitExceededException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage is the error's message.
func (e *LimitExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode is "LimitExceededException" (or the code the answer gave).
func (e *LimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "LimitExceededException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault is the caller's fault.
func (e *LimitExceededException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
