package awserr

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// TestKind: the AWSErrors metric counts faults, not a conditional write that lost its race.
func TestKind(t *testing.T) {
	t.Parallel()
	code := func(c string, f smithy.ErrorFault) error { return &smithy.GenericAPIError{Code: c, Fault: f} }
	reason := func(c string) types.CancellationReason { return types.CancellationReason{Code: &c} }
	for name, c := range map[string]struct {
		err  error
		want string
	}{
		"none":                 {nil, ""},
		"cancelled":            {context.Canceled, ""},
		"condition":            {&types.ConditionalCheckFailedException{}, ""},
		"transaction lost":     {&types.TransactionCanceledException{CancellationReasons: []types.CancellationReason{reason("ConditionalCheckFailed")}}, ""},
		"transaction throttle": {&types.TransactionCanceledException{CancellationReasons: []types.CancellationReason{reason("ThrottlingError")}}, KindUnavailable},
		"throttled":            {code("ThrottlingException", smithy.FaultClient), KindThrottled},
		"ddb throughput":       {code("ProvisionedThroughputExceededException", smithy.FaultClient), KindThrottled},
		"server":               {code("InternalServerError", smithy.FaultServer), KindUnavailable},
		"kms unavailable":      {code("KMSInternalException", smithy.FaultServer), KindUnavailable},
		"denied":               {code("AccessDeniedException", smithy.FaultClient), KindFailed},
		"other":                {errors.New("boom"), KindFailed},
	} {
		if got := Kind(c.err); got != c.want {
			t.Errorf("%s: Kind = %q, want %q", name, got, c.want)
		}
	}
}
