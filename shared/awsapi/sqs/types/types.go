// Package types mirrors the types of the AWS SDK's service/sqs/types that the connector uses.
package types

// SendMessageBatchRequestEntry is one message of a SendMessageBatch.
type SendMessageBatchRequestEntry struct {
	Id                     *string `json:"Id,omitempty"`
	MessageBody            *string `json:"MessageBody,omitempty"`
	DelaySeconds           int32   `json:"DelaySeconds,omitempty"`
	MessageDeduplicationId *string `json:"MessageDeduplicationId,omitempty"`
	MessageGroupId         *string `json:"MessageGroupId,omitempty"`
}

// SendMessageBatchResultEntry is a message SendMessageBatch took.
type SendMessageBatchResultEntry struct {
	Id                           *string `json:"Id,omitempty"`
	MD5OfMessageBody             *string `json:"MD5OfMessageBody,omitempty"`
	MessageId                    *string `json:"MessageId,omitempty"`
	MD5OfMessageAttributes       *string `json:"MD5OfMessageAttributes,omitempty"`
	MD5OfMessageSystemAttributes *string `json:"MD5OfMessageSystemAttributes,omitempty"`
	SequenceNumber               *string `json:"SequenceNumber,omitempty"`
}

// BatchResultErrorEntry is a message a batch call refused.
type BatchResultErrorEntry struct {
	Code        *string `json:"Code,omitempty"`
	Id          *string `json:"Id,omitempty"`
	SenderFault bool    `json:"SenderFault,omitempty"`
	Message     *string `json:"Message,omitempty"`
}
