package lambdactx

import (
	"context"

	"github.com/aws/aws-lambda-go/lambdacontext"
)

// Log keys of the two request ids every log line of a request carries
// (IDHandler). KeyLambdaRequestID is the invocation's id (Lambda's own REPORT
// line and X-Ray segment name it); KeyAPIRequestID is API Gateway's
// $context.requestId, the requestId of the API's access log.
const (
	KeyLambdaRequestID = "awsRequestId"
	KeyAPIRequestID    = "apiRequestId"
)

type apiIDKey struct{}

// WithAPIRequestID records API Gateway's request id (the event's
// requestContext.requestId) in ctx, for the log lines and metric lines of the
// request. An empty id leaves ctx as it is.
func WithAPIRequestID(ctx context.Context, id string) context.Context {
	if id == "" {
		return ctx
	}
	return context.WithValue(ctx, apiIDKey{}, id)
}

// RequestIDs returns the Lambda request id (from the invocation's context,
// aws-lambda-go's lambdacontext) and the API Gateway request id
// (WithAPIRequestID) of ctx; each is empty when unknown (a scheduled run has
// no API Gateway id).
func RequestIDs(ctx context.Context) (lambdaID, apiID string) {
	if ctx == nil {
		return "", ""
	}
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		lambdaID = lc.AwsRequestID
	}
	apiID, _ = ctx.Value(apiIDKey{}).(string)
	return lambdaID, apiID
}
