// Package dynamodb is the connector's DynamoDB client: the operations its code calls, with the
// names, fields and signatures of the SDK's service/dynamodb (so that code moves between them
// by its import path), over shared/awsapi's lean AWS JSON-protocol client instead of the SDK's
// generated package and its init-time schema tables.
package dynamodb

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi"
)

// ServiceID is DynamoDB's SDK service id: its errors' ServiceID, the AWSErrors metric's
// Service, and AWS_ENDPOINT_URL_DYNAMODB's suffix.
const ServiceID = "DynamoDB"

// Service is DynamoDB as shared/awsapi calls it: AWS JSON 1.0, target prefix
// DynamoDB_20120810, and the SDK client's own retry defaults for DynamoDB (4 attempts, a
// 25 ms base backoff).
var Service = awsapi.Service{
	ID:             ServiceID,
	SigningName:    "dynamodb",
	EndpointPrefix: "dynamodb",
	TargetPrefix:   "DynamoDB_20120810",
	JSONVersion:    "1.0",
	MaxAttempts:    4,
	BaseDelay:      25 * time.Millisecond,
	Errors:         apiError,
	ServerFaults:   map[string]bool{"InternalServerError": true},
}

// Options are a client's settings beyond aws.Config (the HTTP client, the outcome observer,
// an endpoint override).
type Options = awsapi.Options

// Client calls DynamoDB.
type Client struct {
	api *awsapi.Client
}

// NewFromConfig builds a client from cfg (region, credentials, retry settings, HTTP client,
// endpoint) and optFns.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	return &Client{api: awsapi.New(cfg, Service, optFns...)}
}

// Endpoint is the URL the client sends its requests to.
func (c *Client) Endpoint() string { return c.api.Endpoint() }

// With returns a copy of c with optFns applied (sharing c's retryer).
func (c *Client) With(optFns ...func(*Options)) *Client {
	return &Client{api: c.api.With(optFns...)}
}

// call calls op with in and returns its decoded answer; per-call optFns apply to this call
// only.
func call[Out, In any](ctx context.Context, c *Client, op string, in *In, optFns []func(*Options)) (*Out, error) {
	api := c.api
	if len(optFns) > 0 {
		api = api.With(optFns...)
	}
	return awsapi.Invoke[In, Out](ctx, api, op, in)
}

// Retryer is the client's retryer (the SDK's standard or adaptive one, as aws.Config says).
func (c *Client) Retryer() aws.RetryerV2 { return c.api.Retryer() }

// HTTPClient is the client that sends the requests.
func (c *Client) HTTPClient() aws.HTTPClient { return c.api.HTTPClient() }
