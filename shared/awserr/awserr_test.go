package awserr_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/awserr"
)

func cancelled(codes ...string) error {
	var reasons []types.CancellationReason
	for _, c := range codes {
		reasons = append(reasons, types.CancellationReason{Code: aws.String(c)})
	}
	return fmt.Errorf("authorise: %w", &types.TransactionCanceledException{CancellationReasons: reasons})
}

func TestTransient(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"provisioned throughput", &types.ProvisionedThroughputExceededException{}, true},
		{"throttling", &smithy.GenericAPIError{Code: "ThrottlingException"}, true},
		{"request limit", &types.RequestLimitExceeded{}, true},
		{"dynamodb 5xx", &types.InternalServerError{}, true},
		{"secrets manager 5xx", &smtypes.InternalServiceError{}, true},
		{"retry quota spent", fmt.Errorf("get: %w", ratelimit.QuotaExceededError{}), true},
		{"deadline", fmt.Errorf("put: %w", context.DeadlineExceeded), true},
		{"tx conflict", cancelled("None", "TransactionConflict", "None"), true},
		{"tx throttled", cancelled("ThrottlingError", "None"), true},
		{"tx condition failed", cancelled("ConditionalCheckFailed", "TransactionConflict"), false},
		{"tx without a reason", cancelled("None", "None"), false},
		{"condition failed", &types.ConditionalCheckFailedException{}, false},
		{"validation", &smithy.GenericAPIError{Code: "ValidationException", Fault: smithy.FaultClient}, false},
		{"access denied", &smithy.GenericAPIError{Code: "AccessDeniedException"}, false},
		{"missing table", &types.ResourceNotFoundException{}, false},
		{"secret not found", &smtypes.ResourceNotFoundException{}, false},
		{"cancelled by the caller", fmt.Errorf("put: %w", context.Canceled), false},
		{"anything else", errors.New("marshal: bad value"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := awserr.Transient(tt.err); got != tt.want {
				t.Errorf("Transient(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}
