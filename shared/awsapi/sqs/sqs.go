// Package sqs calls Amazon SQS through shared/awsapi, with the names and field types of the AWS
// SDK's service/sqs for SendMessageBatch, so that a caller changes only its import path. It
// does not link the SDK's package, whose schema and endpoint tables cost every cold start.
package sqs

import (
	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi"
)

// ServiceID is SQS's SDK id: its errors' ServiceID, the AWSErrors metric's Service, and
// AWS_ENDPOINT_URL_SQS.
const ServiceID = "SQS"

// Options are a client's settings beyond aws.Config. Per-call options given to an operation
// are accepted for the SDK's signature and ignored.
type Options = awsapi.Options

// Client calls SQS.
type Client struct{ *awsapi.Client }

// NewFromConfig builds a client from cfg (region, credentials, retries, HTTP client, endpoint).
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	return &Client{awsapi.New(cfg, Service(), optFns...)}
}

// Service is SQS's description: AWS JSON 1.0, target AmazonSQS. No error is modelled: the
// connector reads none of SQS's codes (they stay smithy.GenericAPIError).
func Service() awsapi.Service {
	return awsapi.Service{ID: ServiceID, SigningName: "sqs", EndpointPrefix: "sqs",
		TargetPrefix: "AmazonSQS", JSONVersion: "1.0"}
}
