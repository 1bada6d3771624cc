package stack

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// localQueue is a template queue created in kumo.
type localQueue struct {
	url, arn string
}

// createQueues creates the template's queues in kumo, dead-letter targets first, each with its
// visibility timeout (Options.QueueVisibilityTimeout for the queues a mapping reads) and
// redrive policy.
func (s *Stack) createQueues(ctx context.Context) error {
	s.queues = map[string]localQueue{}
	read := map[string]bool{}
	for _, m := range s.tmpl.Mappings {
		read[m.Queue] = true
	}
	c := sqs.New(sqs.Options{Region: localRegion, BaseEndpoint: aws.String(s.kumo.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	var create func(id string, depth int) error
	create = func(id string, depth int) error {
		if _, ok := s.queues[id]; ok {
			return nil
		}
		q, ok := s.tmpl.Queues[id]
		if !ok || depth > len(s.tmpl.Queues) {
			return fmt.Errorf("queue %s: not an AWS::SQS::Queue of the template (or a redrive loop)", id)
		}
		vt := q.VisibilityTimeout
		if read[id] && s.o.QueueVisibilityTimeout > 0 {
			vt = max(1, int(s.o.QueueVisibilityTimeout.Round(time.Second).Seconds()))
		}
		attrs := map[string]string{"VisibilityTimeout": strconv.Itoa(vt)}
		if q.DeadLetterQueue != "" {
			if err := create(q.DeadLetterQueue, depth+1); err != nil {
				return err
			}
			rp, _ := json.Marshal(map[string]any{"deadLetterTargetArn": s.queues[q.DeadLetterQueue].arn,
				"maxReceiveCount": q.MaxReceiveCount})
			attrs["RedrivePolicy"] = string(rp)
		}
		name := id + "-" + randomSuffix()
		out, err := c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
		if err != nil {
			return fmt.Errorf("create queue %s: %w", id, err)
		}
		a, err := c.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: out.QueueUrl,
			AttributeNames: []types.QueueAttributeName{types.QueueAttributeNameQueueArn}})
		if err != nil {
			return fmt.Errorf("queue %s: %w", id, err)
		}
		s.queues[id] = localQueue{url: aws.ToString(out.QueueUrl), arn: a.Attributes[string(types.QueueAttributeNameQueueArn)]}
		return nil
	}
	for _, id := range sortedKeys(s.tmpl.Queues) {
		if err := create(id, 0); err != nil {
			return err
		}
	}
	return nil
}

// queueValues are the function's variables that !Ref a template queue: its URL.
func (s *Stack) queueValues(f *Function) map[string]string {
	out := map[string]string{}
	for name, raw := range f.Environment {
		if id, ok := refName(raw); ok {
			if q, ok := s.queues[id]; ok {
				out[name] = q.url
			}
		}
	}
	return out
}

// startMappings starts one poller per event source mapping.
func (s *Stack) startMappings() error {
	for _, m := range s.tmpl.Mappings {
		p, err := s.newPoller(m, s.invokeByName)
		if err != nil {
			return err
		}
		s.wg.Go(func() { p.run(s.ctx) })
	}
	return nil
}

func (s *Stack) newPoller(m Mapping, invoke invokeFunc) (*poller, error) {
	f, ok := s.tmpl.Functions[m.Function]
	q, qok := s.queues[m.Queue]
	if !ok || !qok {
		return nil, fmt.Errorf("mapping %s: function %s or queue %s not in the template", m.LogicalID, m.Function, m.Queue)
	}
	// The poller calls SQS as the function's role does in AWS: with its access key, through
	// the IAM front, so the function's policy must grant what the mapping uses.
	c := sqs.New(sqs.Options{Region: localRegion, BaseEndpoint: aws.String(s.iam.url),
		Credentials: credentials.NewStaticCredentialsProvider(accessKeyID(f), "local", "local")})
	return &poller{m: m, function: f.Name, queue: q, sqs: c, invoke: invoke, log: s.log}, nil
}

// poller does locally what Lambda's event source mapping does for an SQS queue: long-polls
// for up to BatchSize messages, invokes the function with them as an SQS event, deletes what
// succeeded and leaves the rest (the batch item failures, or the whole batch when the
// function failed or timed out) to come back after the visibility timeout; the queue's
// redrive policy moves a message received maxReceiveCount times to its dead-letter queue.
// The emulator runs one invocation at a time, so locally MaximumConcurrency is 1.
type poller struct {
	m        Mapping
	function string
	queue    localQueue
	sqs      *sqs.Client
	invoke   invokeFunc
	log      *slog.Logger
}

func (p *poller) run(ctx context.Context) {
	if _, err := p.sqs.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: aws.String(p.queue.url),
		AttributeNames: []types.QueueAttributeName{types.QueueAttributeNameVisibilityTimeout}}); err != nil && ctx.Err() == nil {
		p.log.ErrorContext(ctx, "event source mapping: queue not readable", "mapping", p.m.LogicalID, "err", err)
	}
	for ctx.Err() == nil {
		if err := p.once(ctx); err != nil && ctx.Err() == nil {
			p.log.ErrorContext(ctx, "event source mapping", "mapping", p.m.LogicalID, "err", err)
			select {
			case <-ctx.Done():
			case <-time.After(500 * time.Millisecond):
			}
		}
	}
}

func (p *poller) once(ctx context.Context) error {
	out, err := p.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(p.queue.url),
		MaxNumberOfMessages: int32(min(max(p.m.BatchSize, 1), 10)), WaitTimeSeconds: 1,
		MessageSystemAttributeNames: []types.MessageSystemAttributeName{types.MessageSystemAttributeNameAll}})
	if err != nil || len(out.Messages) == 0 {
		return err
	}
	ev := events.SQSEvent{}
	for _, m := range out.Messages {
		ev.Records = append(ev.Records, events.SQSMessage{MessageId: aws.ToString(m.MessageId),
			ReceiptHandle: aws.ToString(m.ReceiptHandle), Body: aws.ToString(m.Body), Md5OfBody: aws.ToString(m.MD5OfBody),
			Attributes: m.Attributes, EventSource: "aws:sqs", EventSourceARN: p.queue.arn, AWSRegion: localRegion})
	}
	b, _ := json.Marshal(ev)
	answer, err := p.invoke(ctx, p.function, b)
	if err != nil || isFunctionError(answer) {
		p.log.WarnContext(ctx, "event source mapping: batch failed; its messages come back after the visibility timeout",
			"mapping", p.m.LogicalID, "messages", len(ev.Records), "err", err)
		return nil
	}
	failed := map[string]bool{}
	if p.m.ReportBatchItemFailures {
		var resp events.SQSEventResponse
		if json.Unmarshal(answer, &resp) == nil {
			for _, f := range resp.BatchItemFailures {
				failed[f.ItemIdentifier] = true
			}
		}
	}
	var del []types.DeleteMessageBatchRequestEntry
	for i, r := range ev.Records {
		if !failed[r.MessageId] {
			del = append(del, types.DeleteMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), ReceiptHandle: aws.String(r.ReceiptHandle)})
		}
	}
	p.log.InfoContext(ctx, "event source mapping: batch", "mapping", p.m.LogicalID, "messages", len(ev.Records), "failed", len(failed))
	if len(del) == 0 {
		return nil
	}
	_, err = p.sqs.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: aws.String(p.queue.url), Entries: del})
	return err
}

// QueueURL is the local URL of a template queue (by logical id), "" when there is none.
func (s *Stack) QueueURL(logicalID string) string { return s.queues[logicalID].url }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// WaitQueues waits until every queue an event source mapping reads is empty: no message
// waiting and none in flight (a batch being worked, or failed and not yet back). Messages a
// redrive policy moved to a dead-letter queue do not count. It gives up when ctx ends.
func (s *Stack) WaitQueues(ctx context.Context) error {
	c := sqs.New(sqs.Options{Region: localRegion, BaseEndpoint: aws.String(s.kumo.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	for {
		busy := 0
		for _, m := range s.tmpl.Mappings {
			out, err := c.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: aws.String(s.queues[m.Queue].url),
				AttributeNames: []types.QueueAttributeName{types.QueueAttributeNameApproximateNumberOfMessages,
					types.QueueAttributeNameApproximateNumberOfMessagesNotVisible}})
			if err != nil {
				return fmt.Errorf("stack: queue %s: %w", m.Queue, err)
			}
			for _, k := range []types.QueueAttributeName{types.QueueAttributeNameApproximateNumberOfMessages,
				types.QueueAttributeNameApproximateNumberOfMessagesNotVisible} {
				n, _ := strconv.Atoi(out.Attributes[string(k)])
				busy += n
			}
		}
		if busy == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("stack: %d messages still queued: %w", busy, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
