// Package eventbridge calls Amazon EventBridge through shared/awsapi, with the names and field
// types of the AWS SDK's service/eventbridge for PutEvents, so that a caller changes only its
// import path. It does not link the SDK's package, whose schema and endpoint-rule tables cost
// every cold start. Global endpoints (PutEvents' EndpointId, which the SDK's client signs with
// SigV4a) are not supported: the connector puts its events on a regional bus.
package eventbridge

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi"
	"github.com/coop-ob/connector/shared/awsapi/eventbridge/types"
)

// ServiceID is EventBridge's SDK id: its errors' ServiceID, the AWSErrors metric's Service,
// and AWS_ENDPOINT_URL_EVENTBRIDGE.
const ServiceID = "EventBridge"

// Options are a client's settings beyond aws.Config. Per-call options given to an operation
// are accepted for the SDK's signature and ignored.
type Options = awsapi.Options

// Client calls EventBridge.
type Client struct{ *awsapi.Client }

// NewFromConfig builds a client from cfg (region, credentials, retries, HTTP client, endpoint).
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	return &Client{awsapi.New(cfg, Service(), optFns...)}
}

// Service is EventBridge's description: AWS JSON 1.1, target AWSEvents, signing name events.
// No error is modelled: the connector reads none of its codes.
func Service() awsapi.Service {
	return awsapi.Service{ID: ServiceID, SigningName: "events", EndpointPrefix: "events",
		TargetPrefix: "AWSEvents", JSONVersion: "1.1"}
}

// PutEventsInput is PutEvents' request.
type PutEventsInput struct {
	Entries []types.PutEventsRequestEntry `json:"Entries,omitempty"`
}

// PutEventsOutput is PutEvents' answer: one result per entry, in order.
type PutEventsOutput struct {
	Entries          []types.PutEventsResultEntry `json:"Entries,omitempty"`
	FailedEntryCount int32                        `json:"FailedEntryCount,omitempty"`
}

// PutEvents puts up to 10 events on buses.
func (c *Client) PutEvents(ctx context.Context, in *PutEventsInput, _ ...func(*Options)) (*PutEventsOutput, error) {
	return awsapi.Invoke[PutEventsInput, PutEventsOutput](ctx, c.Client, "PutEvents", in)
}
