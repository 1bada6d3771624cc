// Package secretsmanager calls AWS Secrets Manager through shared/awsapi, with the names and
// field types of the AWS SDK's service/secretsmanager for GetSecretValue, so that a caller
// changes only its import path. It does not link the SDK's package, whose schema and endpoint
// tables cost every cold start.
package secretsmanager

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi"
	"github.com/coop-ob/connector/shared/awsapi/secretsmanager/types"
)

// ServiceID is Secrets Manager's SDK id: its errors' ServiceID, the AWSErrors metric's Service,
// and AWS_ENDPOINT_URL_SECRETS_MANAGER.
const ServiceID = "Secrets Manager"

// Options are a client's settings beyond aws.Config. Per-call options given to an operation
// are accepted for the SDK's signature and ignored.
type Options = awsapi.Options

// Client calls Secrets Manager.
type Client struct{ *awsapi.Client }

// NewFromConfig builds a client from cfg (region, credentials, retries, HTTP client, endpoint).
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	return &Client{awsapi.New(cfg, Service(), optFns...)}
}

// Service is Secrets Manager's description: AWS JSON 1.1, target secretsmanager.
func Service() awsapi.Service {
	return awsapi.Service{ID: ServiceID, SigningName: "secretsmanager", EndpointPrefix: "secretsmanager",
		TargetPrefix: "secretsmanager", JSONVersion: "1.1", Errors: apiError}
}

// apiError is the typed error of a modelled code. The body is not kept: an error answer has
// no secret, but nothing of an answer goes into an error.
func apiError(code, message string, _ []byte) smithy.APIError {
	m := &message
	switch code {
	case "ResourceNotFoundException":
		return &types.ResourceNotFoundException{Message: m}
	case "DecryptionFailure":
		return &types.DecryptionFailure{Message: m}
	case "InternalServiceError":
		return &types.InternalServiceError{Message: m}
	case "InvalidParameterException":
		return &types.InvalidParameterException{Message: m}
	case "InvalidRequestException":
		return &types.InvalidRequestException{Message: m}
	}
	return nil
}
