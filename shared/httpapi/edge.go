package httpapi

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
)

// Begin prepares ctx for one API Gateway request: API Gateway's request id (the access log's
// requestId) for every log and metric line of the request (lambdactx), and rec for the metrics
// shared code records (metrics.From). Call it first in a function's handler, and Finish with
// the response.
func Begin(ctx context.Context, rec *metrics.Recorder, req events.APIGatewayV2HTTPRequest) context.Context {
	return metrics.With(lambdactx.WithAPIRequestID(ctx, req.RequestContext.RequestID), rec)
}

// Finish records resp, when it is a problem, as the Problems metric by type and action: every
// problem a function answers passes here, whichever code built it.
func Finish(ctx context.Context, resp events.APIGatewayV2HTTPResponse) {
	rec := metrics.From(ctx)
	if rec == nil || resp.Headers["Content-Type"] != ContentTypeProblem {
		return
	}
	var p struct{ Type, Action string }
	if err := json.Unmarshal([]byte(resp.Body), &p); err != nil {
		p.Type = "unreadable"
	}
	rec.Problem(ctx, p.Type, p.Action, resp.StatusCode)
}
