package awserr

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// Kinds of a failed AWS call (Kind), the AWSErrors metric's Kind dimension.
const (
	KindThrottled   = "throttled"   // throttling, or the SDK's retry quota spent
	KindUnavailable = "unavailable" // another failure a later retry can cure (Transient)
	KindFailed      = "failed"      // a failure a retry cannot cure: denied, invalid, missing
)

// Kind classifies a failed AWS call for the metrics, or returns "" for an outcome that is not a
// fault: no error, the caller's cancellation, or a failed condition of a conditional write or
// transaction (how the store's versioned writes say "someone else got there first").
func Kind(err error) string {
	if err == nil || errors.Is(err, context.Canceled) {
		return ""
	}
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return ""
	}
	var tce *types.TransactionCanceledException
	if errors.As(err, &tce) && !transientCancellation(tce) {
		return ""
	}
	var quota ratelimit.QuotaExceededError
	if errors.As(err, &quota) {
		return KindThrottled
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		if _, ok := retry.DefaultThrottleErrorCodes[api.ErrorCode()]; ok {
			return KindThrottled
		}
	}
	if Transient(err) {
		return KindUnavailable
	}
	return KindFailed
}
