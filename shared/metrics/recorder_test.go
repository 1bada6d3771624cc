package metrics_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/metrics/metricstest"
)

func requestCtx(rec *metrics.Recorder) context.Context {
	ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: "lambda-1"})
	return metrics.With(lambdactx.WithAPIRequestID(ctx, "api-1"), rec)
}

// TestBankCallLine: one bank call is one line that CloudWatch reads as BankCalls by Operation
// and StatusClass and BankErrors/BankLatency by Operation, and that is also the call's log line
// (interaction id, both request ids).
func TestBankCallLine(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	rec := metrics.New(&buf, "Test/NS", "production")
	ctx := requestCtx(rec)
	metrics.From(ctx).BankCall(ctx, metrics.BankCall{Operation: "account-read", Method: "GET", Status: 503,
		Duration: 1500 * time.Microsecond, InteractionID: "iid-1"})
	if n := bytes.Count(buf.Bytes(), []byte("\n")); n != 1 {
		t.Fatalf("%d lines, want 1: %s", n, buf.String())
	}
	pts := metricstest.Parse(buf.String())
	type got struct {
		Name, Unit string
		Value      float64
		Dims       map[string]string
		NS         string
	}
	var gs []got
	for _, p := range pts {
		gs = append(gs, got{p.Name, p.Unit, p.Value, p.Dims, p.Namespace})
	}
	want := []got{
		{"BankCalls", "Count", 1, map[string]string{"Environment": "production", "Operation": "account-read", "StatusClass": "5xx"}, "Test/NS"},
		{"BankErrors", "Count", 1, map[string]string{"Environment": "production", "Operation": "account-read"}, "Test/NS"},
		{"BankLatency", "Milliseconds", 1.5, map[string]string{"Environment": "production", "Operation": "account-read"}, "Test/NS"},
	}
	if diff := cmp.Diff(want, gs); diff != "" {
		t.Errorf("points (-want +got):\n%s", diff)
	}
	line := pts[0].Line
	for k, v := range map[string]any{"msg": "bank call", "interactionId": "iid-1", "awsRequestId": "lambda-1",
		"apiRequestId": "api-1", "status": 503.0, "method": "GET", "level": "WARN"} {
		if line[k] != v {
			t.Errorf("line[%s] = %v, want %v", k, line[k], v)
		}
	}
}

// TestStatusClasses: what counts as the bank failing (the error rate the alarms watch).
func TestStatusClasses(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		status int
		class  string
		failed bool
	}{{200, "2xx", false}, {201, "2xx", false}, {302, "3xx", false}, {400, "4xx", false}, {401, "4xx", false},
		{403, "4xx", false}, {429, "4xx", true}, {500, "5xx", true}, {503, "5xx", true}, {0, "network", true}} {
		if got := metrics.StatusClass(c.status); got != c.class {
			t.Errorf("StatusClass(%d) = %s, want %s", c.status, got, c.class)
		}
		if got := metrics.BankFailure(c.status); got != c.failed {
			t.Errorf("BankFailure(%d) = %v, want %v", c.status, got, c.failed)
		}
	}
}

// TestCountsAndProblems: the other line kinds, their dimensions, and a nil Recorder (no edge)
// that records nothing without failing.
func TestCountsAndProblems(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	rec := metrics.New(&buf, "", "sandbox")
	ctx := requestCtx(rec)
	rec.Problem(ctx, "https://coop-connector.dev/problems/retry-later", "retryLater", 503)
	rec.Problem(ctx, "https://coop-connector.dev/problems/not-found", "", 404)
	rec.Count(ctx, metrics.CallbackOutcomes, metrics.DimOutcome, "authorised")
	rec.BankRetry(ctx, 0)
	var nilRec *metrics.Recorder
	nilRec.Count(ctx, metrics.Payments, metrics.DimResult, "done")
	metrics.From(context.Background()).Problem(ctx, "x", "", 500)

	pts := metricstest.Parse(buf.String())
	for _, c := range []struct {
		name string
		dims []string
	}{
		{metrics.Problems, []string{"Type", "retry-later", "Action", "retryLater"}},
		{metrics.Problems, []string{"Type", "not-found", "Action", "none"}},
		{metrics.CallbackOutcomes, []string{"Outcome", "authorised"}},
		{metrics.BankRetries, nil},
	} {
		if got := metricstest.Sum(pts, c.name, c.dims...); got != 1 {
			t.Errorf("%s %v = %v, want 1", c.name, c.dims, got)
		}
	}
	if len(pts) != 4 || pts[0].Namespace != metrics.DefaultNamespace {
		t.Errorf("%d points in %q, want 4 in %s", len(pts), pts[0].Namespace, metrics.DefaultNamespace)
	}
}

// TestWriteErrorIsDropped: a metric that cannot be written never fails the caller.
func TestWriteErrorIsDropped(t *testing.T) {
	t.Parallel()
	rec := metrics.New(failing{}, "", "sandbox")
	rec.Count(context.Background(), metrics.Payments, metrics.DimResult, "done") // no panic, no error to handle
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("closed") }

// TestLinesAreJSON: every line parses as one JSON object.
func TestLinesAreJSON(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	rec := metrics.New(&buf, "", "sandbox")
	rec.BankCall(context.Background(), metrics.BankCall{Operation: "token", Method: "POST", Status: 200})
	var v map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(buf.Bytes()), &v); err != nil {
		t.Fatal(err)
	}
	if _, ok := v["awsRequestId"]; ok {
		t.Error("awsRequestId outside a request")
	}
}
