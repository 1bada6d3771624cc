package stack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/coop-ob/connector/dev/awsfault"
)

// syncBuffer is a bytes.Buffer safe for the stack's writers and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// streamFixture is the stack on testdata/streams/template.yaml: the test publisher
// (testdata/pubfn) under the emulator, fed by the template's stream mapping with short settings.
type streamFixture struct {
	s       *Stack
	db      *dynamodb.Client
	console *syncBuffer
}

func startStreamStack(t *testing.T) *streamFixture {
	t.Helper()
	retries := 1
	console := &syncBuffer{}
	s, err := Start(t.Context(), Options{Root: "testdata/streams", FunctionsDir: testFunctionsDir, EmulatorPath: testEmulator,
		Events: console, Streams: StreamSettings{PollInterval: 20 * time.Millisecond, BatchWindow: 100 * time.Millisecond,
			RetryAttempts: &retries, RetryDelay: 20 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	db := dynamodb.New(dynamodb.Options{Region: localRegion, BaseEndpoint: aws.String(s.kumo.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	return &streamFixture{s: s, db: db, console: console}
}

// outbox is an outbox item's put: pk C#<consent>, sk E#<seq>, its event id and kind, and
// extra attributes (poison, failOnce).
func (f *streamFixture) outbox(consent string, seq int, extra ...string) types.TransactWriteItem {
	item := map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "C#" + consent}, "sk": &types.AttributeValueMemberS{Value: fmt.Sprintf("E#%08d", seq)},
		"eventId": &types.AttributeValueMemberS{Value: fmt.Sprintf("%s-%d", consent, seq)},
		"kind":    &types.AttributeValueMemberS{Value: "Test Event"}}
	for _, a := range extra {
		item[a] = &types.AttributeValueMemberBOOL{Value: true}
	}
	return types.TransactWriteItem{Put: &types.Put{TableName: aws.String(f.s.o.TableName), Item: item}}
}

func (f *streamFixture) transact(t *testing.T, items ...types.TransactWriteItem) {
	t.Helper()
	if _, err := f.db.TransactWriteItems(t.Context(), &dynamodb.TransactWriteItemsInput{TransactItems: items}); err != nil {
		t.Fatal(err)
	}
}

func (f *streamFixture) wait(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	if err := f.s.WaitStreams(ctx); err != nil {
		t.Fatal(err)
	}
}

// received counts, per event id of consent, the records the publisher was invoked with.
func (f *streamFixture) received(consent string) map[string]int {
	n := map[string]int{}
	for _, l := range f.s.logs.snapshot() {
		if _, rest, ok := strings.Cut(l, "pubfn-record "); ok && strings.Contains(rest, " "+consent+"-") {
			n[rest[strings.LastIndexByte(rest, ' ')+1:]]++
		}
	}
	return n
}

// published lists the event ids of consent's published events, in order, duplicates kept.
func (f *streamFixture) published(consent string) []string {
	var ids []string
	for _, ev := range f.s.Events() {
		var d struct{ EventID, ConsentID string }
		_ = json.Unmarshal(ev.Detail, &d)
		if d.ConsentID == "C#"+consent {
			ids = append(ids, d.EventID)
		}
	}
	return ids
}

// TestStreamMapping drives the template's stream mapping end to end: kumo's stream, the
// poller calling DynamoDB Streams and SQS with the publisher's key through the IAM front, the
// publisher under the emulator putting events on the template's bus, the events the stack saw.
func TestStreamMapping(t *testing.T) {
	f := startStreamStack(t)

	// Records written by a transaction reach the publisher; the filter keeps out a token
	// item's update, an outbox item's update and deletion, and a non-outbox insert.
	t.Run("transaction records, filtered", func(t *testing.T) {
		f.transact(t, f.outbox("a", 1), f.outbox("a", 2),
			types.TransactWriteItem{Put: &types.Put{TableName: aws.String(f.s.o.TableName), Item: map[string]types.AttributeValue{
				"pk": &types.AttributeValueMemberS{Value: "C#a"}, "sk": &types.AttributeValueMemberS{Value: "TOKENS"},
				"eventId": &types.AttributeValueMemberS{Value: "a-tokens"}}}})
		key := func(sk string) map[string]types.AttributeValue {
			return map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "C#a"}, "sk": &types.AttributeValueMemberS{Value: sk}}
		}
		for _, sk := range []string{"TOKENS", "E#00000001"} {
			if _, err := f.db.UpdateItem(t.Context(), &dynamodb.UpdateItemInput{TableName: aws.String(f.s.o.TableName), Key: key(sk),
				UpdateExpression: aws.String("SET published = :t"), ExpressionAttributeValues: map[string]types.AttributeValue{
					":t": &types.AttributeValueMemberBOOL{Value: true}}}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := f.db.DeleteItem(t.Context(), &dynamodb.DeleteItemInput{TableName: aws.String(f.s.o.TableName), Key: key("E#00000002")}); err != nil {
			t.Fatal(err)
		}
		f.wait(t)
		if got := f.received("a"); len(got) != 2 || got["a-1"] != 1 || got["a-2"] != 1 {
			t.Errorf("publisher received %v; want a-1 and a-2 once (the INSERTs of outbox items only)", got)
		}
		if got := f.published("a"); !slices.Equal(got, []string{"a-1", "a-2"}) {
			t.Errorf("published %v", got)
		}
		evs := f.s.Events()
		if len(evs) == 0 || evs[0].DetailType != "Test Event" || evs[0].Function != "pub" || evs[0].EventID == "" ||
			!strings.HasPrefix(evs[0].EventBus, "connector-local-events-") {
			t.Errorf("events %+v", evs)
		}
		if c := f.console.String(); !strings.Contains(c, ` Test Event {"consentId":"C#a","eventId":"a-1"}`) {
			t.Errorf("console: %q; want a readable line per published event", c)
		}
		if !slices.ContainsFunc(f.s.logs.snapshot(), func(l string) bool {
			return strings.HasPrefix(l, "published| event ") && strings.HasSuffix(l, `{"consentId":"C#a","eventId":"a-2"}`)
		}) {
			t.Errorf("the collected logs lack the published events (the e2e's secret check reads them)")
		}
	})

	// The publisher reports its second record failed once: the mapping resumes from it, so
	// the first is not delivered again and the failed one and those after it are.
	t.Run("partial batch failure resumes at the failed record", func(t *testing.T) {
		f.transact(t, f.outbox("b", 1), f.outbox("b", 2, "failOnce"), f.outbox("b", 3))
		f.wait(t)
		if got := f.received("b"); got["b-1"] != 1 || got["b-2"] != 2 || got["b-3"] != 2 {
			t.Errorf("publisher received %v; want b-1 once, b-2 and b-3 twice", got)
		}
		if got := dedupe(f.published("b")); !slices.Equal(got, []string{"b-1", "b-3", "b-2"}) {
			t.Errorf("published %v; want each once or more", f.published("b"))
		}
	})

	// A record the publisher reports failed every time outlives its retries (1 here): the
	// batch resumes at it until then, and the on-failure queue gets a pointer to it and the
	// records after it in the batch (their data stays out), and the shard moves on.
	t.Run("a record past its retries goes to the on-failure queue as a pointer", func(t *testing.T) {
		f.transact(t, f.outbox("c", 1), f.outbox("c", 2, "poison"), f.outbox("c", 3))
		f.wait(t)
		f.transact(t, f.outbox("c", 4))
		f.wait(t)
		if got := f.received("c"); got["c-1"] != 1 || got["c-2"] != 2 || got["c-3"] != 2 || got["c-4"] != 1 {
			t.Errorf("publisher received %v; want c-2 and c-3 twice (one retry), the others once", got)
		}
		if got := dedupe(f.published("c")); !slices.Equal(got, []string{"c-1", "c-3", "c-4"}) {
			t.Errorf("published %v; want all but the poison record", f.published("c"))
		}
		r, body := f.onFailure(t)
		b := r.DDBStreamBatchInfo
		if r.RequestContext.Condition != "RetryAttemptsExhausted" || r.RequestContext.ApproximateInvokeCount != 2 ||
			b.BatchSize != 2 || b.StartSequenceNumber >= b.EndSequenceNumber || strings.Contains(body, "eventId") ||
			strings.Contains(body, "C#c") {
			t.Errorf("on-failure record %s; want a pointer to c-2 and c-3, without their data", body)
		}
	})

	// A record that fails its whole invocation: bisecting isolates it (a split is not a
	// retry), the others are published, and the pointer names it alone.
	t.Run("bisect isolates a record that fails its batch", func(t *testing.T) {
		f.transact(t, f.outbox("f", 1), f.outbox("f", 2, "crash"), f.outbox("f", 3), f.outbox("f", 4))
		f.wait(t)
		if got := dedupe(f.published("f")); !slices.Equal(got, []string{"f-1", "f-3", "f-4"}) {
			t.Errorf("published %v; want all but the crashing record", f.published("f"))
		}
		r, body := f.onFailure(t)
		b := r.DDBStreamBatchInfo
		if r.RequestContext.Condition != "RetryAttemptsExhausted" || b.BatchSize != 1 || b.StartSequenceNumber != b.EndSequenceNumber ||
			b.StreamARN != f.s.streamARN || b.ShardID == "" || strings.Contains(body, "eventId") || strings.Contains(body, "C#f") {
			t.Errorf("on-failure record %s; want a pointer to the crashing record alone", body)
		}
	})

	// EventBridge fails one entry of a PutEvents: the publisher reports its record, which is
	// delivered again and published.
	t.Run("PutEvents failing for some entries", func(t *testing.T) {
		if err := f.s.InjectAWSFault("pub", awsfault.Rule{Service: "events", Operation: "PutEvents", Contains: `d-2`,
			Kind: awsfault.FailedEntries, Times: 1}); err != nil {
			t.Fatal(err)
		}
		f.transact(t, f.outbox("d", 1), f.outbox("d", 2), f.outbox("d", 3))
		f.wait(t)
		if got := f.published("d"); !slices.Equal(dedupe(got), []string{"d-1", "d-3", "d-2"}) || count(got, "d-2") != 1 {
			t.Errorf("published %v; want d-2 once, after its retry", got)
		}
	})

	// The publisher dies right after its PutEvents took effect (before it could answer): the
	// batch is retried, so its events are published again with the same ids, none lost.
	t.Run("publisher killed in the middle of a batch", func(t *testing.T) {
		if err := f.s.InjectInvokeFault("pub", InvokeFault{Contains: "e-1", AfterOperation: "PutEvents"}); err != nil {
			t.Fatal(err)
		}
		f.transact(t, f.outbox("e", 1), f.outbox("e", 2))
		f.wait(t)
		if got := f.published("e"); !slices.Equal(got, []string{"e-1", "e-2", "e-1", "e-2"}) {
			t.Errorf("published %v; want both twice (before the kill, then on the retry)", got)
		}
		if n := f.s.InvokeFaultHits(); n != 1 {
			t.Errorf("invoke fault hits %d", n)
		}
	})
	// Lambda reads the stream with the function's role but is not the function: a DynamoDB
	// fault armed for the function does not stop its mapping.
	t.Run("the function's faults are not the mapping's", func(t *testing.T) {
		if err := f.s.InjectAWSFault("pub", awsfault.Rule{Service: "dynamodb", Kind: awsfault.ServerError}); err != nil {
			t.Fatal(err)
		}
		defer f.s.ClearAWSFaults()
		f.transact(t, f.outbox("g", 1))
		f.wait(t)
		if got := f.published("g"); !slices.Equal(got, []string{"g-1"}) {
			t.Errorf("published %v", got)
		}
	})
	// A GetRecords whose answer is lost spends its iterator (the SDK's retry finds it unknown):
	// the mapping takes a new one after the last record it read, so it neither stalls nor
	// loses or replays a record.
	t.Run("a lost read's iterator is replaced", func(t *testing.T) {
		f.transact(t, f.outbox("h", 1))
		f.wait(t)
		for _, fn := range f.s.tmpl.Functions {
			if fn.Name == "pub" {
				f.s.iam.faults.Add(awsfault.Rule{Caller: mappingKeyID(fn), Service: "dynamodb", Operation: "GetRecords",
					Kind: awsfault.LostAnswer, Times: 1})
			}
		}
		defer f.s.ClearAWSFaults()
		f.transact(t, f.outbox("h", 2), f.outbox("h", 3))
		f.wait(t)
		if n := len(f.s.AWSFaultHits()); n == 0 {
			t.Fatal("no GetRecords answer was lost")
		}
		if got := f.received("h"); len(got) != 3 || got["h-1"] != 1 || got["h-2"] != 1 || got["h-3"] != 1 {
			t.Errorf("publisher received %v; want h-1, h-2 and h-3 once each", got)
		}
	})
	// The stream is read with the publisher's role (its policy enforced by the IAM front).
	got := f.s.AWSCalls()["pub"]
	for _, a := range []string{"dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords"} {
		if !slices.Contains(got, a) {
			t.Errorf("actions used with the publisher's role: %v; want %s among them", got, a)
		}
	}
	if d := f.s.AccessDenied(); len(d) != 0 {
		t.Errorf("IAM front denied %v", d)
	}
}

// onFailure receives the one record the on-failure queue holds.
func (f *streamFixture) onFailure(t *testing.T) (onFailureRecord, string) {
	t.Helper()
	q := sqs.New(sqs.Options{Region: localRegion, BaseEndpoint: aws.String(f.s.kumo.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	out, err := q.ReceiveMessage(t.Context(), &sqs.ReceiveMessageInput{QueueUrl: aws.String(f.s.QueueURL("EventsFailures")),
		MaxNumberOfMessages: 10})
	if err != nil || len(out.Messages) != 1 {
		t.Fatalf("on-failure queue: %v %+v; want one record", err, out)
	}
	for _, m := range out.Messages {
		_, _ = q.DeleteMessage(t.Context(), &sqs.DeleteMessageInput{QueueUrl: aws.String(f.s.QueueURL("EventsFailures")),
			ReceiptHandle: m.ReceiptHandle})
	}
	body := aws.ToString(out.Messages[0].Body)
	var r onFailureRecord
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	return r, body
}

// dedupe drops repeated ids, keeping the first of each.
func dedupe(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func count(ids []string, id string) int {
	n := 0
	for _, x := range ids {
		if x == id {
			n++
		}
	}
	return n
}
