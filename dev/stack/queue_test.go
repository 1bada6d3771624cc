package stack

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// TestPollerLikeEventSourceMapping: the template's refresh queue is created in kumo with its
// redrive policy and a short visibility timeout; the poller, calling SQS with the tokens
// function's own key through the IAM front (its policy enforced), invokes the function with
// SQS events, deletes what succeeded, and a message the function reports failed comes back
// after the visibility timeout until maxReceiveCount moves it to the dead-letter queue. A
// batch whose invocation fails comes back whole.
func TestPollerLikeEventSourceMapping(t *testing.T) {
	tmpl, err := LoadTemplate("../../template.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	k := newKumo()
	t.Cleanup(k.Close)
	logs := newLogCollector(io.Discard)
	front, err := startIAMFront(k.URL, tmpl.sortedFunctions(), logs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = front.close() })
	ctx, cancel := context.WithCancel(t.Context())
	s := &Stack{o: Options{QueueVisibilityTimeout: time.Second}, tmpl: tmpl, kumo: k, iam: front, ctx: ctx,
		log: slog.New(slog.NewJSONHandler(io.Discard, nil))}
	if err := s.createQueues(t.Context()); err != nil {
		t.Fatal(err)
	}
	var (
		mu       sync.Mutex
		received = map[string]int{}
		crashed  bool
	)
	invoke := func(_ context.Context, name string, event []byte) ([]byte, error) {
		var ev events.SQSEvent
		if name != "tokens" || json.Unmarshal(event, &ev) != nil {
			t.Errorf("invoked %s with %s", name, event)
		}
		mu.Lock()
		defer mu.Unlock()
		var resp events.SQSEventResponse
		for _, r := range ev.Records {
			if r.EventSource != "aws:sqs" || r.EventSourceARN == "" {
				t.Errorf("record %+v", r)
			}
			received[r.Body]++
			if r.Body == "poison" {
				resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: r.MessageId})
			}
		}
		if !crashed && received["crash"] == 1 {
			crashed = true
			return []byte(`{"errorMessage":"killed mid-batch","errorType":"Runtime.ExitError"}`), nil
		}
		b, _ := json.Marshal(resp)
		return b, nil
	}
	p, err := s.newPoller(tmpl.Mappings[0], invoke)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { p.run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })

	c := sqs.New(sqs.Options{Region: localRegion, BaseEndpoint: aws.String(k.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	for _, body := range []string{"crash", "ok", "poison"} {
		if _, err := c.SendMessage(t.Context(), &sqs.SendMessageInput{QueueUrl: aws.String(s.QueueURL("RefreshQueue")),
			MessageBody: aws.String(body)}); err != nil {
			t.Fatal(err)
		}
	}
	wctx, wcancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer wcancel()
	if err := s.WaitQueues(wctx); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	got := map[string]int{"crash": received["crash"], "poison": received["poison"]}
	mu.Unlock()
	if got["crash"] != 2 || got["poison"] != 5 {
		t.Errorf("received %v; want crash twice (its batch failed once) and poison maxReceiveCount (5) times", got)
	}
	out, err := c.ReceiveMessage(t.Context(), &sqs.ReceiveMessageInput{QueueUrl: aws.String(s.QueueURL("RefreshDLQ")), MaxNumberOfMessages: 10})
	if err != nil || len(out.Messages) != 1 || aws.ToString(out.Messages[0].Body) != "poison" {
		t.Errorf("dead-letter queue: %v %+v; want the poison message only", err, out)
	}
	if d := front.denied; len(d) != 0 {
		t.Errorf("IAM front denied %v", d)
	}
}
