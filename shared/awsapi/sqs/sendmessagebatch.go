package sqs

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"

	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi"
	"github.com/coop-ob/connector/shared/awsapi/sqs/types"
)

// SendMessageBatchInput is SendMessageBatch's request.
type SendMessageBatchInput struct {
	Entries  []types.SendMessageBatchRequestEntry `json:"Entries,omitempty"`
	QueueUrl *string                              `json:"QueueUrl,omitempty"`
}

// SendMessageBatchOutput is SendMessageBatch's answer: the messages taken and those refused.
type SendMessageBatchOutput struct {
	Failed     []types.BatchResultErrorEntry       `json:"Failed,omitempty"`
	Successful []types.SendMessageBatchResultEntry `json:"Successful,omitempty"`
}

// SendMessageBatch sends up to 10 messages to a queue. As the SDK's client does, it checks the
// MD5 of each body the queue reports against the body sent, and fails the call on a mismatch
// (the queue holds a message other than the one sent).
func (c *Client) SendMessageBatch(ctx context.Context, in *SendMessageBatchInput, _ ...func(*Options)) (*SendMessageBatchOutput, error) {
	out, err := awsapi.Invoke[SendMessageBatchInput, SendMessageBatchOutput](ctx, c.Client, "SendMessageBatch", in)
	if err != nil {
		return nil, err
	}
	if err := checkBodies(in, out); err != nil {
		return nil, &smithy.OperationError{ServiceID: ServiceID, OperationName: "SendMessageBatch", Err: err}
	}
	return out, nil
}

// checkBodies compares the MD5 the queue reports for each message taken with its body's.
func checkBodies(in *SendMessageBatchInput, out *SendMessageBatchOutput) error {
	if in == nil {
		return nil
	}
	bodies := make(map[string]string, len(in.Entries))
	for _, e := range in.Entries {
		if e.Id != nil && e.MessageBody != nil {
			bodies[*e.Id] = *e.MessageBody
		}
	}
	var bad []string
	for _, r := range out.Successful {
		if r.Id == nil || r.MD5OfMessageBody == nil {
			continue
		}
		body, ok := bodies[*r.Id]
		if !ok {
			continue
		}
		sum := md5.Sum([]byte(body))
		if hex.EncodeToString(sum[:]) != *r.MD5OfMessageBody {
			bad = append(bad, *r.Id)
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("message checksum mismatch: entries %v", bad)
	}
	return nil
}
