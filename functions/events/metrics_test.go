package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/metrics/metricstest"
	"github.com/coop-ob/connector/shared/outbox"
)

// lockedBuffer is a buffer the handler's logger and recorder may share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestMetricsAndRequestIDs: an invocation counts each event it published (EventsPublished)
// and each it could not (EventsFailed, an entry PutEvents refused on every attempt), under the
// function's namespace and Environment; every log line of the invocation, the refused entry's
// warning included, carries the invocation's request id.
func TestMetricsAndRequestIDs(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	var out lockedBuffer
	f.h.logger = newLogger(&out)
	f.h.pub.Logger = f.h.logger
	f.h.recorder = metrics.New(&out, "Test/Events", "test")
	c := f.consentWithEvents(t, "app")
	ev := f.stream(t, c.ID)
	stored := must(f.env.Deps.Store.ConsentEvents(context.Background(), c.ID))
	f.faults.Add(awsfault.Rule{Service: "events", Operation: "PutEvents", Kind: awsfault.FailedEntries,
		Contains: stored[2].EventID, Times: outbox.DefaultAttempts})
	ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: "req-events-1"})
	if resp := f.invoke(ctx, t, ev); len(resp.BatchItemFailures) != 1 {
		t.Fatalf("failures %v, want the refused entry's", resp.BatchItemFailures)
	}
	pts := metricstest.Parse(out.String())
	if got := metricstest.Sum(pts, metrics.EventsPublished); got != 2 {
		t.Errorf("EventsPublished %v, want 2", got)
	}
	if got := metricstest.Sum(pts, metrics.EventsFailed); got != 1 {
		t.Errorf("EventsFailed %v, want 1", got)
	}
	for _, p := range pts {
		if p.Namespace != "Test/Events" || p.Dims["Environment"] != "test" {
			t.Errorf("point %s in %s, Environment %q", p.Name, p.Namespace, p.Dims["Environment"])
		}
	}
	logs := 0
	for line := range strings.SplitSeq(strings.TrimSpace(out.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not a JSON line: %s", line)
		}
		if m[lambdactx.KeyLambdaRequestID] != "req-events-1" {
			t.Errorf("line without the request id: %s", line)
		}
		if _, metric := m["_aws"]; !metric {
			logs++
		}
	}
	if logs < 2 { // the refused entry's warning and the batch's summary at least
		t.Errorf("%d log lines, want the warning and the summary", logs)
	}
}
