// Package types mirrors the types of the AWS SDK's service/eventbridge/types that the connector uses.
package types

import (
	"encoding/json"
	"time"

	"github.com/coop-ob/connector/shared/awsapi"
)

// PutEventsRequestEntry is one event of a PutEvents.
type PutEventsRequestEntry struct {
	Detail       *string
	DetailType   *string
	EventBusName *string
	Resources    []string
	Source       *string
	Time         *time.Time
	TraceHeader  *string
}

// MarshalJSON writes the entry, Time in epoch seconds as the protocol reads it.
func (e PutEventsRequestEntry) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Detail       *string              `json:",omitempty"`
		DetailType   *string              `json:",omitempty"`
		EventBusName *string              `json:",omitempty"`
		Resources    []string             `json:",omitempty"`
		Source       *string              `json:",omitempty"`
		Time         *awsapi.EpochSeconds `json:",omitempty"`
		TraceHeader  *string              `json:",omitempty"`
	}{e.Detail, e.DetailType, e.EventBusName, e.Resources, e.Source, awsapi.Epoch(e.Time), e.TraceHeader})
}

// PutEventsResultEntry is one event's result: its EventId, or an ErrorCode and ErrorMessage.
type PutEventsResultEntry struct {
	ErrorCode    *string `json:"ErrorCode,omitempty"`
	ErrorMessage *string `json:"ErrorMessage,omitempty"`
	EventId      *string `json:"EventId,omitempty"`
}
