package metrics

import (
	"context"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"

	"github.com/coop-ob/connector/shared/awserr"
)

// AWSErrorsMiddleware counts every failed call of an AWS SDK client (after the SDK's own
// retries) as AWSErrors by Service and Kind (awserr.Kind), through the Recorder of the call's
// context. Add it to a client's options: o.APIOptions = append(o.APIOptions,
// metrics.AWSErrorsMiddleware); shared/setup does for DynamoDB.
func AWSErrorsMiddleware(stack *middleware.Stack) error {
	return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("connectorAWSErrors",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			out, md, err := next.HandleInitialize(ctx, in)
			if r := From(ctx); r != nil && err != nil {
				if kind := awserr.Kind(err); kind != "" {
					r.emitCount(ctx, AWSErrors, map[string]any{"operation": awsmiddleware.GetOperationName(ctx), "level": "WARN"},
						DimService, awsmiddleware.GetServiceID(ctx), DimKind, kind)
				}
			}
			return out, md, err
		}), middleware.Before)
}

// ObserveAWS counts a failed call of a shared/awsapi client (after its retries) as
// AWSErrorsMiddleware does for an SDK client: AWSErrors by Service and Kind (awserr.Kind),
// through the Recorder of the call's context. Set it as the client's awsapi.Options.Observe.
func ObserveAWS(ctx context.Context, service, operation string, err error) {
	if r := From(ctx); r != nil && err != nil {
		if kind := awserr.Kind(err); kind != "" {
			r.emitCount(ctx, AWSErrors, map[string]any{"operation": operation, "level": "WARN"},
				DimService, service, DimKind, kind)
		}
	}
}
