package httpapi

import (
	"bytes"
	"context"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/metrics/metricstest"
)

// TestEdgeRecordsProblems: Begin puts API Gateway's request id and the Recorder in the
// context; Finish counts every problem answer by type and action, and nothing else.
func TestEdgeRecordsProblems(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	rec := metrics.New(&buf, "", "sandbox")
	req := events.APIGatewayV2HTTPRequest{RequestContext: events.APIGatewayV2HTTPRequestContext{RequestID: "gw-1"}}
	ctx := Begin(context.Background(), rec, req)
	if _, api := lambdactx.RequestIDs(ctx); api != "gw-1" || metrics.From(ctx) != rec {
		t.Fatalf("Begin: api id %q, recorder %v", api, metrics.From(ctx))
	}
	Finish(ctx, StoreUnavailable())
	Finish(ctx, ProblemResponse(NotFound("No such consent.")))
	Finish(ctx, JSON(200, map[string]string{"ok": "yes"}))
	Finish(ctx, Redirect("https://app.example/result"))

	pts := metricstest.Parse(buf.String())
	if got := metricstest.Sum(pts, metrics.Problems, "Type", "retry-later", "Action", "retryLater"); got != 1 {
		t.Errorf("retry-later problems %v, want 1", got)
	}
	if got := metricstest.Sum(pts, metrics.Problems, "Type", "not-found", "Action", "none"); got != 1 {
		t.Errorf("not-found problems %v, want 1", got)
	}
	if len(pts) != 2 || pts[0].Line["apiRequestId"] != "gw-1" {
		t.Errorf("%d points (want 2, with the API request id): %s", len(pts), buf.String())
	}
}
