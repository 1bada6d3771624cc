package lambdactx

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/lambdacontext"
)

// TestIDHandlerAddsBothIDs: every line logged with a request's context carries the Lambda and
// API Gateway request ids, through loggers derived with With too; a line without them (cold
// start, no request) carries neither.
func TestIDHandlerAddsBothIDs(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	logger := slog.New(NewIDHandler(slog.NewJSONHandler(&buf, nil)))
	ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: "lambda-req"})
	ctx = WithAPIRequestID(ctx, "api-req")
	logger.InfoContext(ctx, "one")
	logger.With("consentId", "c1").WarnContext(ctx, "two")
	detached, cancel := Detach(ctx, 0)
	defer cancel()
	logger.InfoContext(detached, "three")
	logger.Info("no request")

	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		if i < 3 && (m[KeyLambdaRequestID] != "lambda-req" || m[KeyAPIRequestID] != "api-req") {
			t.Errorf("line %d lacks the request ids: %s", i, l)
		}
		if i == 3 && (m[KeyLambdaRequestID] != nil || m[KeyAPIRequestID] != nil) {
			t.Errorf("a line outside a request has ids: %s", l)
		}
	}
	if l, a := RequestIDs(WithAPIRequestID(context.Background(), "")); l != "" || a != "" {
		t.Errorf("RequestIDs of a bare context: %q %q", l, a)
	}
}
