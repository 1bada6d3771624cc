// Package awserr classifies the errors of AWS SDK calls (DynamoDB, Secrets Manager) once, for
// every edge that maps them: whether the failure is one a later retry can cure.
package awserr

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/internal/neterr"
)

// transientCodes are the error codes of an overloaded or failing service, beyond the SDK's
// throttling codes (retry.DefaultThrottleErrorCodes).
var transientCodes = map[string]bool{
	"InternalServerError":          true, // DynamoDB
	"InternalServiceError":         true, // Secrets Manager
	"InternalFailure":              true,
	"ServiceUnavailable":           true,
	"RequestTimeout":               true,
	"RequestTimeoutException":      true,
	"TransactionConflictException": true, // a transaction in progress on the item
}

// transientReasons are the cancellation reasons of a transaction that another attempt can pass.
var transientReasons = map[string]bool{
	"None": true, "TransactionConflict": true, "ThrottlingError": true, "ProvisionedThroughputExceeded": true,
}

// Transient reports whether err is an AWS call that failed in a way a later retry can cure:
// throttling or a server error that outlasted the SDK's own retries, the SDK's retry quota spent,
// a timeout or a dropped connection, or a transaction cancelled only for conflicts with other
// transactions or throttling. A failed condition, a validation error, a denied access or a
// missing table are not transient: retrying cannot change them. A cancelled context is the
// caller's decision, not transient.
func Transient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var tce *types.TransactionCanceledException
	if errors.As(err, &tce) {
		return transientCancellation(tce)
	}
	var quota ratelimit.QuotaExceededError
	if errors.As(err, &quota) {
		return true
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		code := api.ErrorCode()
		_, throttle := retry.DefaultThrottleErrorCodes[code]
		return throttle || transientCodes[code] || api.ErrorFault() == smithy.FaultServer || status(err) >= 500
	}
	return status(err) >= 500 || neterr.Transient(err)
}

func transientCancellation(tce *types.TransactionCanceledException) bool {
	some := false
	for _, r := range tce.CancellationReasons {
		code := ""
		if r.Code != nil {
			code = *r.Code
		}
		if !transientReasons[code] {
			return false
		}
		some = some || code != "None"
	}
	return some
}

func status(err error) int {
	var s interface{ HTTPStatusCode() int }
	if errors.As(err, &s) {
		return s.HTTPStatusCode()
	}
	return 0
}
