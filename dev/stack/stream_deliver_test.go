package stack

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/go-cmp/cmp"
)

// TestStreamDeliver: how one batch is delivered, with a scripted function (no emulator):
// records older than MaxRecordAge are discarded with a RecordAgeExceeded pointer before the
// function sees them; an answer naming a record not in the batch fails the whole batch; without
// ReportBatchItemFailures the answer's failures are ignored.
func TestStreamDeliver(t *testing.T) {
	t.Parallel()
	k := newKumo()
	t.Cleanup(k.Close)
	c := sqs.New(sqs.Options{Region: localRegion, BaseEndpoint: aws.String(k.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	recs := func(ages ...time.Duration) []streamRecord {
		var out []streamRecord
		for i, a := range ages {
			out = append(out, streamRecord{arrived: now.Add(-a), ev: events.DynamoDBEventRecord{EventName: "INSERT",
				Change: events.DynamoDBStreamRecord{SequenceNumber: fmt.Sprintf("%03d", i+1)}}})
		}
		return out
	}
	type call []string // the sequence numbers of one invocation
	run := func(t *testing.T, m StreamMapping, batch []streamRecord, answers ...string) ([]call, []onFailureRecord) {
		t.Helper()
		q, err := c.CreateQueue(t.Context(), &sqs.CreateQueueInput{QueueName: aws.String("f-" + randomSuffix())})
		if err != nil {
			t.Fatal(err)
		}
		var calls []call
		p := &streamPoller{m: m, function: &Function{Name: "pub", LogicalID: "PubFunction"}, streamARN: "arn:stream",
			onFailure: localQueue{url: aws.ToString(q.QueueUrl)}, sqs: c, log: slog.New(slog.NewTextHandler(io.Discard, nil)),
			poll: time.Millisecond, retryDelay: time.Millisecond, now: func() time.Time { return now },
			invoke: func(_ context.Context, _ string, event []byte) ([]byte, error) {
				var ev events.DynamoDBEvent
				_ = json.Unmarshal(event, &ev)
				var cl call
				for _, r := range ev.Records {
					cl = append(cl, r.Change.SequenceNumber)
				}
				calls = append(calls, cl)
				if len(calls) > len(answers) {
					return []byte(`{}`), nil
				}
				return []byte(answers[len(calls)-1]), nil
			}}
		p.deliver(t.Context(), "shard-1", batch)
		out, err := c.ReceiveMessage(t.Context(), &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
		if err != nil {
			t.Fatal(err)
		}
		var discarded []onFailureRecord
		for _, msg := range out.Messages {
			var r onFailureRecord
			if err := json.Unmarshal([]byte(aws.ToString(msg.Body)), &r); err != nil {
				t.Fatal(err)
			}
			discarded = append(discarded, r)
		}
		return calls, discarded
	}

	t.Run("record age", func(t *testing.T) {
		t.Parallel()
		calls, discarded := run(t, StreamMapping{MaxRecordAge: time.Minute, MaxRetryAttempts: -1, ReportBatchItemFailures: true},
			recs(2*time.Minute, 90*time.Second, time.Second))
		if diff := cmp.Diff([]call{{"003"}}, calls); diff != "" {
			t.Errorf("invocations (-want +got):\n%s", diff)
		}
		if len(discarded) != 1 || discarded[0].RequestContext.Condition != "RecordAgeExceeded" ||
			discarded[0].DDBStreamBatchInfo.StartSequenceNumber != "001" || discarded[0].DDBStreamBatchInfo.EndSequenceNumber != "002" ||
			discarded[0].DDBStreamBatchInfo.ShardID != "shard-1" || discarded[0].DDBStreamBatchInfo.BatchSize != 2 {
			t.Errorf("discarded %+v; want one RecordAgeExceeded pointer to 001-002", discarded)
		}
	})
	t.Run("an unknown item identifier fails the batch", func(t *testing.T) {
		t.Parallel()
		calls, discarded := run(t, StreamMapping{MaxRetryAttempts: 5, ReportBatchItemFailures: true}, recs(0, 0),
			`{"batchItemFailures":[{"itemIdentifier":"999"}]}`, `{"batchItemFailures":[{"itemIdentifier":"002"}]}`)
		if diff := cmp.Diff([]call{{"001", "002"}, {"001", "002"}, {"002"}}, calls); diff != "" {
			t.Errorf("invocations (-want +got):\n%s", diff)
		}
		if len(discarded) != 0 {
			t.Errorf("discarded %+v", discarded)
		}
	})
	t.Run("failures ignored without ReportBatchItemFailures", func(t *testing.T) {
		t.Parallel()
		calls, _ := run(t, StreamMapping{MaxRetryAttempts: 5}, recs(0, 0), `{"batchItemFailures":[{"itemIdentifier":"001"}]}`)
		if diff := cmp.Diff([]call{{"001", "002"}}, calls); diff != "" {
			t.Errorf("invocations (-want +got):\n%s", diff)
		}
	})
	t.Run("no retries", func(t *testing.T) {
		t.Parallel()
		calls, discarded := run(t, StreamMapping{MaxRetryAttempts: 0, Bisect: true}, recs(0, 0),
			`{"errorType":"Runtime.ExitError","errorMessage":"x"}`)
		if diff := cmp.Diff([]call{{"001", "002"}}, calls); diff != "" {
			t.Errorf("invocations (-want +got):\n%s", diff)
		}
		if len(discarded) != 1 || discarded[0].DDBStreamBatchInfo.BatchSize != 2 || discarded[0].RequestContext.ApproximateInvokeCount != 1 {
			t.Errorf("discarded %+v; want the whole batch after its one attempt", discarded)
		}
	})
}

// TestDistinctEvents keeps the first event of each detail eventId, in order.
func TestDistinctEvents(t *testing.T) {
	t.Parallel()
	ev := func(detail string) PublishedEvent { return PublishedEvent{Detail: json.RawMessage(detail)} }
	got := DistinctEvents([]PublishedEvent{ev(`{"eventId":"a"}`), ev(`{"eventId":"b"}`), ev(`{"eventId":"a","x":1}`),
		ev(`{}`), ev(`{}`)})
	var details []string
	for _, e := range got {
		details = append(details, string(e.Detail))
	}
	if diff := cmp.Diff([]string{`{"eventId":"a"}`, `{"eventId":"b"}`, `{}`, `{}`}, details); diff != "" {
		t.Errorf("distinct (-want +got):\n%s", diff)
	}
}
