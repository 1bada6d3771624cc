package stack

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	stypes "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/uuid"
)

// StreamSettings replace settings of the template's stream event source mappings, so that
// tests and make run see retries and discards in seconds; zero fields keep the template's (or
// the local defaults).
type StreamSettings struct {
	// PollInterval is how long an idle shard waits before it is read again; default 250ms
	// (Lambda reads a DynamoDB stream's shard about four times a second).
	PollInterval time.Duration
	// BatchWindow replaces MaximumBatchingWindowInSeconds; negative is none.
	BatchWindow time.Duration
	// RetryAttempts replaces MaximumRetryAttempts when set (-1: until the record is too old).
	RetryAttempts *int
	// MaxRecordAge replaces MaximumRecordAgeInSeconds; negative is none.
	MaxRecordAge time.Duration
	// RetryDelay is the wait before a failed batch's first retry, doubled on each further
	// retry up to eight times it; default 500ms.
	RetryDelay time.Duration
}

// startStreamMappings starts one poller per enabled stream event source mapping.
func (s *Stack) startStreamMappings() error {
	for _, m := range s.tmpl.StreamMappings {
		if !m.Enabled {
			continue
		}
		p, err := s.newStreamPoller(m, s.invokeByName)
		if err != nil {
			return err
		}
		s.streamPollers = append(s.streamPollers, p)
		s.wg.Go(func() { p.run(s.ctx) })
	}
	return nil
}

func (s *Stack) newStreamPoller(m StreamMapping, invoke invokeFunc) (*streamPoller, error) {
	f, ok := s.tmpl.Functions[m.Function]
	if !ok {
		return nil, fmt.Errorf("mapping %s: function %s not in the template", m.LogicalID, m.Function)
	}
	if m.Table != s.tableID || s.streamARN == "" {
		return nil, fmt.Errorf("mapping %s: table %s has no stream (StreamSpecification) or is not the connector's table %s",
			m.LogicalID, m.Table, s.tableID)
	}
	var dest localQueue
	if m.OnFailure != "" {
		if dest, ok = s.queues[m.OnFailure]; !ok {
			return nil, fmt.Errorf("mapping %s: on-failure queue %s not in the template", m.LogicalID, m.OnFailure)
		}
	}
	o := s.o.Streams
	if o.BatchWindow != 0 {
		m.BatchWindow = max(o.BatchWindow, 0)
	}
	if o.RetryAttempts != nil {
		m.MaxRetryAttempts = *o.RetryAttempts
	}
	if o.MaxRecordAge != 0 {
		m.MaxRecordAge = max(o.MaxRecordAge, 0)
	}
	// Lambda reads the stream and sends to the destination with the function's role: the
	// poller calls through the IAM front with a key of the function's, so its policy must grant
	// them; the function's injected faults are not met by these calls.
	creds := credentials.NewStaticCredentialsProvider(mappingKeyID(f), "local", "local")
	return &streamPoller{m: m, function: f, streamARN: s.streamARN, onFailure: dest, invoke: invoke, log: s.log,
		streams: dynamodbstreams.New(dynamodbstreams.Options{Region: localRegion, BaseEndpoint: aws.String(s.iam.url),
			Credentials: creds}),
		sqs:  sqs.New(sqs.Options{Region: localRegion, BaseEndpoint: aws.String(s.iam.url), Credentials: creds}),
		poll: cmpDuration(o.PollInterval, 250*time.Millisecond), retryDelay: cmpDuration(o.RetryDelay, 500*time.Millisecond),
		now: time.Now, idle: map[string]time.Time{}}, nil
}

func cmpDuration(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// streamPoller does locally what Lambda's event source mapping does for a DynamoDB stream:
// per shard, in order, it reads records from the StartingPosition, drops those no filter
// pattern matches (never delivered, never retried), gathers up to BatchSize of them within the
// batching window and invokes the function with them as a DynamoDB stream event. A batch the
// function fails (an error, a crash, a timeout) is retried after a backoff, split in two first
// when Bisect is set; with ReportBatchItemFailures, the records before the first sequence
// number the function reports failed are done and the batch resumes from it (an answer naming
// a record not in the batch fails the whole batch). A batch that failed more than
// MaxRetryAttempts times, or records older than MaxRecordAge, are discarded: the on-failure
// queue gets a pointer to them (shard, sequence range, counts), never the records, and the
// shard moves on. A split is not a retry: the halves start counting afresh, so a bad record is
// isolated before its neighbours could be discarded with it. The emulator runs one invocation
// at a time, and shards are worked one batch at a time, as Lambda does with a
// ParallelizationFactor of 1.
type streamPoller struct {
	m          StreamMapping
	function   *Function
	streamARN  string
	onFailure  localQueue
	streams    *dynamodbstreams.Client
	sqs        *sqs.Client
	invoke     invokeFunc
	log        *slog.Logger
	poll       time.Duration
	retryDelay time.Duration
	now        func() time.Time

	mu   sync.Mutex
	idle map[string]time.Time // by shard: when a read found the shard's end with nothing left to deliver
}

// streamRecord is a record as Lambda delivers it, with its arrival time.
type streamRecord struct {
	ev      events.DynamoDBEventRecord
	arrived time.Time
}

func (p *streamPoller) run(ctx context.Context) {
	var shards []stypes.Shard
	for ctx.Err() == nil {
		out, err := p.streams.DescribeStream(ctx, &dynamodbstreams.DescribeStreamInput{StreamArn: aws.String(p.streamARN)})
		if err == nil {
			shards = out.StreamDescription.Shards
			break
		}
		p.log.ErrorContext(ctx, "stream event source mapping: stream not readable", "mapping", p.m.LogicalID, "err", err)
		sleep(ctx, 5*p.poll)
	}
	var wg sync.WaitGroup
	for _, sh := range shards {
		wg.Go(func() { p.shard(ctx, aws.ToString(sh.ShardId)) })
	}
	wg.Wait()
}

// iterator gets a shard iterator: at the mapping's StartingPosition, or just after the record
// with sequence number after once one has been read. Lambda does the same when an iterator
// expires or is lost (a GetRecords whose answer was lost spends its iterator: the retry's is
// unknown), so a lost iterator never stalls the shard nor replays what was read.
func (p *streamPoller) iterator(ctx context.Context, shardID, after string) *string {
	in := &dynamodbstreams.GetShardIteratorInput{StreamArn: aws.String(p.streamARN), ShardId: aws.String(shardID),
		ShardIteratorType: stypes.ShardIteratorType(p.m.StartingPosition)}
	if after != "" {
		in.ShardIteratorType, in.SequenceNumber = stypes.ShardIteratorTypeAfterSequenceNumber, aws.String(after)
	}
	for ctx.Err() == nil {
		out, err := p.streams.GetShardIterator(ctx, in)
		if err == nil {
			return out.ShardIterator
		}
		p.log.ErrorContext(ctx, "stream event source mapping: shard iterator", "mapping", p.m.LogicalID, "shard", shardID, "err", err)
		sleep(ctx, 5*p.poll)
	}
	return nil
}

// shard reads one shard until ctx ends or the shard is closed and delivered.
func (p *streamPoller) shard(ctx context.Context, shardID string) {
	iter := p.iterator(ctx, shardID, "")
	last := "" // the sequence number of the last record read
	var pending []streamRecord
	var since time.Time // when the oldest pending record was read
	for ctx.Err() == nil {
		readAt := p.now()
		read := 0
		if iter != nil {
			out, err := p.streams.GetRecords(ctx, &dynamodbstreams.GetRecordsInput{ShardIterator: iter})
			if err != nil {
				if ctx.Err() == nil {
					p.log.ErrorContext(ctx, "stream event source mapping: read", "mapping", p.m.LogicalID, "shard", shardID, "err", err)
				}
				sleep(ctx, 5*p.poll)
				iter = p.iterator(ctx, shardID, last)
				continue
			}
			iter, read = out.NextShardIterator, len(out.Records)
			if read > 0 && out.Records[read-1].Dynamodb != nil {
				last = aws.ToString(out.Records[read-1].Dynamodb.SequenceNumber)
			}
			for _, r := range out.Records {
				rec := p.record(r)
				b, _ := json.Marshal(rec.ev)
				if ok, err := matchesAny(p.m.Filters, b); err != nil || !ok {
					continue // filtered out: dropped, as Lambda drops it
				}
				if len(pending) == 0 {
					since = readAt
				}
				pending = append(pending, rec)
			}
		}
		if len(pending) == 0 {
			if iter == nil {
				return // a closed shard, all delivered
			}
			if read == 0 {
				p.setIdle(shardID, readAt)
				sleep(ctx, p.poll)
			}
			continue
		}
		if len(pending) < p.m.BatchSize && iter != nil && p.now().Sub(since) < p.m.BatchWindow {
			sleep(ctx, min(p.poll, p.m.BatchWindow-p.now().Sub(since)))
			continue
		}
		n := min(len(pending), max(p.m.BatchSize, 1))
		p.deliver(ctx, shardID, pending[:n])
		pending = pending[n:]
		since = p.now()
	}
}

// part is a run of a batch still to deliver and how many times it has failed.
type part struct {
	recs     []streamRecord
	attempts int
}

// deliver invokes the function with batch until every record is done or discarded.
func (p *streamPoller) deliver(ctx context.Context, shardID string, batch []streamRecord) {
	work := []part{{recs: batch}}
	for len(work) > 0 && ctx.Err() == nil {
		cur := &work[0]
		if p.m.MaxRecordAge > 0 {
			i := 0
			for i < len(cur.recs) && p.now().Sub(cur.recs[i].arrived) > p.m.MaxRecordAge {
				i++
			}
			if i > 0 {
				p.discard(ctx, shardID, cur.recs[:i], "RecordAgeExceeded", cur.attempts)
				if cur.recs = cur.recs[i:]; len(cur.recs) == 0 {
					work = work[1:]
					continue
				}
			}
		}
		from, failed := p.invokeBatch(ctx, cur.recs)
		if ctx.Err() != nil {
			return
		}
		if !failed && from == len(cur.recs) {
			work = work[1:]
			continue
		}
		cur.recs = cur.recs[from:]
		cur.attempts++
		if p.m.MaxRetryAttempts >= 0 && cur.attempts > p.m.MaxRetryAttempts {
			p.discard(ctx, shardID, cur.recs, "RetryAttemptsExhausted", cur.attempts)
			work = work[1:]
			continue
		}
		if failed && p.m.Bisect && len(cur.recs) > 1 {
			h := len(cur.recs) / 2
			work = append([]part{{recs: cur.recs[:h]}, {recs: cur.recs[h:]}}, work[1:]...)
		}
		sleep(ctx, min(p.retryDelay<<min(cur.attempts-1, 3), 8*p.retryDelay))
	}
}

// invokeBatch invokes the function once with recs. It returns how many leading records are
// done (all of them on success, those before the first reported failure on a partial one), and
// failed when the invocation itself failed (nothing done).
func (p *streamPoller) invokeBatch(ctx context.Context, recs []streamRecord) (done int, failed bool) {
	ev := events.DynamoDBEvent{}
	for _, r := range recs {
		ev.Records = append(ev.Records, r.ev)
	}
	b, _ := json.Marshal(ev)
	answer, err := p.invoke(ctx, p.function.Name, b)
	if err != nil || isFunctionError(answer) {
		if ctx.Err() == nil {
			p.log.WarnContext(ctx, "stream event source mapping: batch failed; retried", "mapping", p.m.LogicalID,
				"records", len(recs), "err", err)
		}
		return 0, true
	}
	if !p.m.ReportBatchItemFailures {
		return len(recs), false
	}
	var resp events.DynamoDBEventResponse
	if len(answer) > 0 && string(answer) != "null" {
		if err := json.Unmarshal(answer, &resp); err != nil {
			return 0, true // not a batch response: Lambda treats the batch as failed
		}
	}
	first := len(recs)
	for _, f := range resp.BatchItemFailures {
		i := indexOfSequence(recs, f.ItemIdentifier)
		if i < 0 {
			p.log.WarnContext(ctx, "stream event source mapping: a batch item failure names no record of the batch; the whole batch failed",
				"mapping", p.m.LogicalID, "itemIdentifier", f.ItemIdentifier)
			return 0, true
		}
		first = min(first, i)
	}
	p.log.InfoContext(ctx, "stream event source mapping: batch", "mapping", p.m.LogicalID, "records", len(recs),
		"done", first)
	return first, false
}

func indexOfSequence(recs []streamRecord, seq string) int {
	for i, r := range recs {
		if seq != "" && r.ev.Change.SequenceNumber == seq {
			return i
		}
	}
	return -1
}

// onFailureRecord is what Lambda sends to a stream mapping's on-failure destination: where
// the discarded records are in the stream, not the records.
type onFailureRecord struct {
	RequestContext struct {
		RequestID              string `json:"requestId"`
		FunctionARN            string `json:"functionArn"`
		Condition              string `json:"condition"`
		ApproximateInvokeCount int    `json:"approximateInvokeCount"`
	} `json:"requestContext"`
	ResponseContext struct {
		StatusCode      int    `json:"statusCode"`
		ExecutedVersion string `json:"executedVersion"`
		FunctionError   string `json:"functionError,omitempty"`
	} `json:"responseContext"`
	Version            string             `json:"version"`
	Timestamp          string             `json:"timestamp"`
	DDBStreamBatchInfo ddbStreamBatchInfo `json:"DDBStreamBatchInfo"`
}

type ddbStreamBatchInfo struct {
	ShardID                         string `json:"shardId"`
	StartSequenceNumber             string `json:"startSequenceNumber"`
	EndSequenceNumber               string `json:"endSequenceNumber"`
	ApproximateArrivalOfFirstRecord string `json:"approximateArrivalOfFirstRecord"`
	ApproximateArrivalOfLastRecord  string `json:"approximateArrivalOfLastRecord"`
	BatchSize                       int    `json:"batchSize"`
	StreamARN                       string `json:"streamArn"`
}

// discard sends the pointer to recs to the on-failure queue (or only logs it without one).
func (p *streamPoller) discard(ctx context.Context, shardID string, recs []streamRecord, condition string, attempts int) {
	var r onFailureRecord
	r.RequestContext.RequestID = uuid.NewString()
	r.RequestContext.FunctionARN = fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", localRegion, localAccountID, p.function.LogicalID)
	r.RequestContext.Condition = condition
	r.RequestContext.ApproximateInvokeCount = attempts
	r.ResponseContext.StatusCode = 200
	r.ResponseContext.ExecutedVersion = "$LATEST"
	if condition == "RetryAttemptsExhausted" {
		r.ResponseContext.FunctionError = "Unhandled"
	}
	r.Version = "1.0"
	r.Timestamp = p.now().UTC().Format("2006-01-02T15:04:05.000Z")
	r.DDBStreamBatchInfo = ddbStreamBatchInfo{ShardID: shardID,
		StartSequenceNumber:             recs[0].ev.Change.SequenceNumber,
		EndSequenceNumber:               recs[len(recs)-1].ev.Change.SequenceNumber,
		ApproximateArrivalOfFirstRecord: recs[0].arrived.UTC().Format(time.RFC3339),
		ApproximateArrivalOfLastRecord:  recs[len(recs)-1].arrived.UTC().Format(time.RFC3339),
		BatchSize:                       len(recs), StreamARN: p.streamARN}
	b, _ := json.Marshal(r)
	p.log.WarnContext(ctx, "stream event source mapping: records discarded", "mapping", p.m.LogicalID, "condition", condition,
		"shard", shardID, "from", r.DDBStreamBatchInfo.StartSequenceNumber, "to", r.DDBStreamBatchInfo.EndSequenceNumber,
		"records", len(recs))
	if p.onFailure.url == "" {
		return
	}
	for ctx.Err() == nil {
		_, err := p.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(p.onFailure.url), MessageBody: aws.String(string(b))})
		if err == nil {
			return
		}
		// Lambda keeps the shard where it is until the destination takes the record.
		p.log.ErrorContext(ctx, "stream event source mapping: on-failure destination", "mapping", p.m.LogicalID, "err", err)
		sleep(ctx, 5*p.poll)
	}
}

// record converts a stream record to the record Lambda delivers.
func (p *streamPoller) record(r stypes.Record) streamRecord {
	d := r.Dynamodb
	if d == nil {
		d = &stypes.StreamRecord{}
	}
	arrived := aws.ToTime(d.ApproximateCreationDateTime)
	return streamRecord{arrived: arrived, ev: events.DynamoDBEventRecord{
		AWSRegion: aws.ToString(r.AwsRegion), EventID: aws.ToString(r.EventID), EventName: string(r.EventName),
		EventSource: aws.ToString(r.EventSource), EventVersion: aws.ToString(r.EventVersion), EventSourceArn: p.streamARN,
		Change: events.DynamoDBStreamRecord{
			ApproximateCreationDateTime: events.SecondsEpochTime{Time: arrived},
			Keys:                        attributes(d.Keys), NewImage: attributes(d.NewImage), OldImage: attributes(d.OldImage),
			SequenceNumber: aws.ToString(d.SequenceNumber), SizeBytes: aws.ToInt64(d.SizeBytes),
			StreamViewType: string(d.StreamViewType),
		}}}
}

func attributes(m map[string]stypes.AttributeValue) map[string]events.DynamoDBAttributeValue {
	if m == nil {
		return nil
	}
	out := make(map[string]events.DynamoDBAttributeValue, len(m))
	for k, v := range m {
		out[k] = attribute(v)
	}
	return out
}

func attribute(v stypes.AttributeValue) events.DynamoDBAttributeValue {
	switch x := v.(type) {
	case *stypes.AttributeValueMemberS:
		return events.NewStringAttribute(x.Value)
	case *stypes.AttributeValueMemberN:
		return events.NewNumberAttribute(x.Value)
	case *stypes.AttributeValueMemberB:
		return events.NewBinaryAttribute(x.Value)
	case *stypes.AttributeValueMemberBOOL:
		return events.NewBooleanAttribute(x.Value)
	case *stypes.AttributeValueMemberNULL:
		return events.NewNullAttribute()
	case *stypes.AttributeValueMemberSS:
		return events.NewStringSetAttribute(x.Value)
	case *stypes.AttributeValueMemberNS:
		return events.NewNumberSetAttribute(x.Value)
	case *stypes.AttributeValueMemberBS:
		return events.NewBinarySetAttribute(x.Value)
	case *stypes.AttributeValueMemberL:
		l := make([]events.DynamoDBAttributeValue, len(x.Value))
		for i, e := range x.Value {
			l[i] = attribute(e)
		}
		return events.NewListAttribute(l)
	case *stypes.AttributeValueMemberM:
		return events.NewMapAttribute(attributes(x.Value))
	}
	return events.NewNullAttribute()
}

func (p *streamPoller) setIdle(shardID string, at time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle[shardID] = at
}

// idleSince reports whether every shard found its end with nothing to deliver in a read that
// started after t.
func (p *streamPoller) idleSince(t time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) == 0 {
		return false
	}
	for _, at := range p.idle {
		if !at.After(t) {
			return false
		}
	}
	return true
}

// WaitStreams waits until every stream event source mapping has delivered (or discarded)
// every record written before the call: each shard has been read to its end since, with
// nothing left to deliver. It gives up when ctx ends.
func (s *Stack) WaitStreams(ctx context.Context) error {
	t := time.Now()
	for {
		done := true
		for _, p := range s.streamPollers {
			done = done && p.idleSince(t)
		}
		if done {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("stack: stream records still to deliver: %w", ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
