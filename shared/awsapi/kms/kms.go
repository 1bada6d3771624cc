// Package kms calls AWS KMS through shared/awsapi, with the names and field types of the AWS
// SDK's service/kms for the operations the connector uses (GenerateDataKey, Decrypt, Encrypt,
// Sign, GetPublicKey), so that a caller changes only its import path. It does not link the
// SDK's package, whose schema and endpoint tables cost every cold start.
package kms

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi"
	"github.com/coop-ob/connector/shared/awsapi/kms/types"
)

// ServiceID is KMS's SDK id: its errors' ServiceID, the AWSErrors metric's Service, and
// AWS_ENDPOINT_URL_KMS.
const ServiceID = "KMS"

// Options are a client's settings beyond aws.Config. Per-call options given to an operation
// are accepted for the SDK's signature and ignored.
type Options = awsapi.Options

// Client calls KMS.
type Client struct{ *awsapi.Client }

// NewFromConfig builds a client from cfg (region, credentials, retries, HTTP client, endpoint).
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	return &Client{awsapi.New(cfg, Service(), optFns...)}
}

// Service is KMS's description: AWS JSON 1.1, target TrentService, signing name kms.
func Service() awsapi.Service {
	return awsapi.Service{ID: ServiceID, SigningName: "kms", EndpointPrefix: "kms",
		TargetPrefix: "TrentService", JSONVersion: "1.1", Errors: apiError}
}

// apiError is the typed error of a modelled code.
func apiError(code, message string, _ []byte) smithy.APIError {
	m := &message
	switch code {
	case "InvalidCiphertextException":
		return &types.InvalidCiphertextException{Message: m}
	case "NotFoundException":
		return &types.NotFoundException{Message: m}
	case "DisabledException":
		return &types.DisabledException{Message: m}
	case "KMSInvalidStateException":
		return &types.KMSInvalidStateException{Message: m}
	case "KeyUnavailableException":
		return &types.KeyUnavailableException{Message: m}
	case "DependencyTimeoutException":
		return &types.DependencyTimeoutException{Message: m}
	case "KMSInternalException":
		return &types.KMSInternalException{Message: m}
	case "InvalidKeyUsageException":
		return &types.InvalidKeyUsageException{Message: m}
	case "IncorrectKeyException":
		return &types.IncorrectKeyException{Message: m}
	case "InvalidGrantTokenException":
		return &types.InvalidGrantTokenException{Message: m}
	case "LimitExceededException":
		return &types.LimitExceededException{Message: m}
	}
	return nil
}
