package main

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
	oursqs "github.com/coop-ob/connector/shared/awsapi/sqs"
)

// recordingSender sends through the connector's SQS client on kumo, keeping the batches it
// sent; its SDK client reads the queue.
type recordingSender struct {
	*sqs.Client
	ours    *oursqs.Client
	mu      sync.Mutex
	batches [][]dueMessage
}

func (s *recordingSender) SendMessageBatch(ctx context.Context, in *oursqs.SendMessageBatchInput, opts ...func(*oursqs.Options)) (*oursqs.SendMessageBatchOutput, error) {
	var b []dueMessage
	for _, e := range in.Entries {
		var m dueMessage
		_ = json.Unmarshal([]byte(aws.ToString(e.MessageBody)), &m)
		b = append(b, m)
	}
	s.mu.Lock()
	s.batches = append(s.batches, b)
	s.mu.Unlock()
	return s.ours.SendMessageBatch(ctx, in, opts...)
}

// withQueue gives the fixture's handler a fresh queue on kumo.
func withQueue(t *testing.T, f *fixture) *recordingSender {
	t.Helper()
	c := sqs.New(sqs.Options{Region: "eu-west-2", BaseEndpoint: aws.String(testenv.KumoURL()),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	out, err := c.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String("refresh-" + testenv.Random(6))})
	if err != nil {
		t.Fatal(err)
	}
	ours := oursqs.NewFromConfig(aws.Config{Region: "eu-west-2", Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")},
		func(o *oursqs.Options) { o.Endpoint = testenv.KumoURL() })
	rs := &recordingSender{Client: c, ours: ours}
	f.h.queue = &refreshQueue{api: rs, url: aws.ToString(out.QueueUrl)}
	return rs
}

// receiveAll reads every visible message as one SQS event.
func receiveAll(t *testing.T, rs *recordingSender, url string) events.SQSEvent {
	t.Helper()
	var ev events.SQSEvent
	for {
		out, err := rs.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: aws.String(url),
			MaxNumberOfMessages: 10, VisibilityTimeout: 60})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Messages) == 0 {
			return ev
		}
		for _, m := range out.Messages {
			ev.Records = append(ev.Records, events.SQSMessage{MessageId: aws.ToString(m.MessageId),
				ReceiptHandle: aws.ToString(m.ReceiptHandle), Body: aws.ToString(m.Body), EventSource: "aws:sqs"})
		}
	}
}

// TestQueueFanOut: with a refresh queue the scheduled run refreshes nothing
// itself: it sends one message per due entry, in deadline order, at most its
// allowance, in batches of at most 10; a second run does not send again what
// is in flight; the worker refreshes each message's consent under the lease,
// and the same messages delivered again do no second refresh.
func TestQueueFanOut(t *testing.T) {
	t.Parallel()
	// An allowance of 12 a run; the in-flight marks hold REFRESH_INTERVAL on the bank's clock,
	// which runs with real time: 12 s, so a loaded machine's slow runs stay within it.
	f := newFixture(t, sandbox.RefreshRotate, map[string]string{"REFRESH_POLICY": "ondemand",
		"REFRESH_RATE_LIMIT": "1", "REFRESH_INTERVAL": "12s", "REFRESH_SHARDS": "4"})
	rs := withQueue(t, f)
	var ids []string
	for range 13 {
		ids = append(ids, refreshtest.Authorise(t, f.env))
		f.advance(time.Hour)
	}
	before := make(map[string]string)
	for _, id := range ids {
		before[id] = f.tokens(t, id).RefreshToken
	}
	f.advance(30*24*time.Hour - 48*time.Hour + 14*time.Hour) // past every keep-alive point

	s := f.run(t)
	if s.Enqueued != 12 || s.Refreshed != 0 || !s.RateLimited || s.Deferred == 0 {
		t.Fatalf("first run: %+v, want 12 enqueued (the allowance), none refreshed, rate limited", s)
	}
	var sent []string
	for _, b := range rs.batches {
		if len(b) > batchSize {
			t.Errorf("a batch of %d messages", len(b))
		}
		for _, m := range b {
			sent = append(sent, m.ConsentID)
		}
	}
	for i, id := range sent {
		if id != ids[i] {
			t.Fatalf("sent %v, want deadline order %v", sent, ids[:12])
		}
	}

	// In flight: the next run sends only what the first left out.
	s = f.run(t)
	if s.Enqueued != 1 || s.InFlight != 12 {
		t.Fatalf("second run: enqueued %d inFlight %d, want 1 and 12", s.Enqueued, s.InFlight)
	}

	ev := receiveAll(t, rs, f.h.queue.url)
	if len(ev.Records) != 13 {
		t.Fatalf("%d messages on the queue, want 13", len(ev.Records))
	}
	resp, err := f.h.Work(context.Background(), ev)
	if err != nil || len(resp.BatchItemFailures) != 0 {
		t.Fatalf("worker: %v, failures %v", err, resp.BatchItemFailures)
	}
	after := make(map[string]string)
	for _, id := range ids {
		tk := f.tokens(t, id)
		if tk.RefreshToken == before[id] {
			t.Errorf("%s: not refreshed by the worker", id)
		}
		after[id] = tk.RefreshToken
	}
	// Delivered twice: nothing refreshed again, nothing reported failed.
	resp, err = f.h.Work(context.Background(), ev)
	if err != nil || len(resp.BatchItemFailures) != 0 {
		t.Fatalf("worker again: %v, failures %v", err, resp.BatchItemFailures)
	}
	for _, id := range ids {
		if f.tokens(t, id).RefreshToken != after[id] {
			t.Errorf("%s: refreshed twice by a duplicate message", id)
		}
	}
}

// TestWorkerLeaseHeld: a message whose consent is leased by another worker
// comes back (batchItemFailures) and refreshes nothing; once the lease is
// free, its redelivery refreshes it. A message the worker cannot read is
// reported too, so it ends in the dead-letter queue.
func TestWorkerLeaseHeld(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshRotate, map[string]string{"REFRESH_POLICY": "ondemand"})
	id := refreshtest.Authorise(t, f.env)
	f.advance(30*24*time.Hour - 47*time.Hour)
	tk := f.tokens(t, id)
	ctx := context.Background()
	if _, err := f.env.Deps.Store.AcquireLease(ctx, id, "other", f.h.now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(dueMessage{ConsentID: id, RefreshDue: tk.RefreshDue, RefreshExpiresAt: tk.RefreshExpiresAt})
	ev := events.SQSEvent{Records: []events.SQSMessage{{MessageId: "m1", Body: string(body), EventSource: "aws:sqs"},
		{MessageId: "m2", Body: "not json", EventSource: "aws:sqs"}}}
	resp, _ := f.h.Work(ctx, ev)
	if len(resp.BatchItemFailures) != 2 {
		t.Fatalf("failures %v, want m1 (lease held) and m2 (unreadable)", resp.BatchItemFailures)
	}
	if f.tokens(t, id).RefreshToken != tk.RefreshToken {
		t.Fatal("refreshed under another worker's lease")
	}
	f.advance(2 * time.Minute) // the other worker's lease lapses
	resp, _ = f.h.Work(ctx, events.SQSEvent{Records: ev.Records[:1]})
	if len(resp.BatchItemFailures) != 0 || f.tokens(t, id).RefreshToken == tk.RefreshToken {
		t.Fatalf("redelivery: failures %v, refreshed %v", resp.BatchItemFailures, f.tokens(t, id).RefreshToken != tk.RefreshToken)
	}
}

// TestInvokeByEventShape: an SQS batch goes to the worker, any other event to the scheduled run.
func TestInvokeByEventShape(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshRotate, nil)
	out, err := f.h.Invoke(context.Background(), json.RawMessage(`{"Records":[{"messageId":"m","body":"{}","eventSource":"aws:sqs"}]}`))
	if r, ok := out.(events.SQSEventResponse); err != nil || !ok || len(r.BatchItemFailures) != 1 {
		t.Fatalf("SQS event: %#v %v; want the worker's response with the unreadable message failed", out, err)
	}
	out, err = f.h.Invoke(context.Background(), json.RawMessage(`{"detail-type":"Scheduled Event"}`))
	if _, ok := out.(Summary); err != nil || !ok {
		t.Fatalf("scheduled event: %#v %v; want the run's Summary", out, err)
	}
}

// lossySender loses the first SendMessageBatch call.
type lossySender struct {
	*recordingSender
	lost bool
}

func (s *lossySender) SendMessageBatch(ctx context.Context, in *oursqs.SendMessageBatchInput, opts ...func(*oursqs.Options)) (*oursqs.SendMessageBatchOutput, error) {
	if !s.lost {
		s.lost = true
		return nil, errors.New("queue unreachable")
	}
	return s.recordingSender.SendMessageBatch(ctx, in, opts...)
}

// TestLostMessageFoundAgain: a send that fails fails the run (as an unreadable index does),
// and its entries, marked in flight, are not sent by the next run inside REFRESH_INTERVAL but
// are sent by the first run after: the index, not the queue, holds what is due.
func TestLostMessageFoundAgain(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshRotate, map[string]string{"REFRESH_POLICY": "ondemand", "REFRESH_INTERVAL": "5m"})
	rs := withQueue(t, f)
	ls := &lossySender{recordingSender: rs}
	f.h.queue.api = ls
	id := refreshtest.Authorise(t, f.env)
	f.advance(30*24*time.Hour - 47*time.Hour)
	if _, err := f.h.Handle(context.Background(), json.RawMessage(`{}`)); err == nil {
		t.Fatal("a run whose send failed succeeded")
	}
	if s := f.run(t); s.Enqueued != 0 || s.InFlight != 1 {
		t.Fatalf("run inside the interval: %+v; want the entry held as in flight", s)
	}
	f.advance(5 * time.Minute)
	if s := f.run(t); s.Enqueued != 1 {
		t.Fatalf("run after the interval: %+v; want the entry sent again", s)
	}
	if ev := receiveAll(t, rs, f.h.queue.url); len(ev.Records) != 1 || !strings.Contains(ev.Records[0].Body, id) {
		t.Fatalf("queue holds %+v; want one message for %s", ev.Records, id)
	}
}
