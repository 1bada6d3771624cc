package metrics

import (
	"context"

	"github.com/coop-ob/connector/shared/awserr"
)

// ObserveAWS counts every failed call of a shared/awsapi client (after its retries) as
// AWSErrors by Service and Kind (awserr.Kind), through the Recorder of the call's context. Set
// it as the client's awsapi.Options.Observe; shared/setup does for DynamoDB, Secrets Manager
// and KMS.
func ObserveAWS(ctx context.Context, service, operation string, err error) {
	if r := From(ctx); r != nil && err != nil {
		if kind := awserr.Kind(err); kind != "" {
			r.emitCount(ctx, AWSErrors, map[string]any{"operation": operation, "level": "WARN"},
				DimService, service, DimKind, kind)
		}
	}
}
