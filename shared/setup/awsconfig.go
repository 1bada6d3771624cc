package setup

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// AWSConfig builds the AWS SDK configuration of a function from its environment, without the
// SDK's config package (config.LoadDefaultConfig): that package links the SSO, SSO OIDC, STS,
// sign-in and instance-metadata clients and reads shared files, none of which a Lambda
// function uses, and costs about a third of a function's init (docs/performance.md). It
// honours what Lambda and the local stack set:
//
//   - AWS_REGION (AWS_DEFAULT_REGION when it is empty): the region, required;
//   - AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN: the execution role's
//     credentials, which Lambda puts in every function's environment; required;
//   - AWS_ENDPOINT_URL: every service's endpoint, and AWS_ENDPOINT_URL_<SERVICE> (the
//     service's SDK id in capitals, spaces as underscores: DYNAMODB, SECRETS_MANAGER, KMS, SQS,
//     EVENTBRIDGE, DYNAMODB_STREAMS) one service's, which wins; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
//     =true ignores both;
//   - AWS_MAX_ATTEMPTS and AWS_RETRY_MODE (standard, adaptive): the SDK's retries.
//
// Nothing else is read: no shared config or credentials file, no profile, no instance metadata.
func AWSConfig(getenv func(string) string) (aws.Config, error) {
	cfg := aws.Config{
		Region:     getenv("AWS_REGION"),
		HTTPClient: awshttp.NewBuildableClient(),
	}
	if cfg.Region == "" {
		cfg.Region = getenv("AWS_DEFAULT_REGION")
	}
	if cfg.Region == "" {
		return aws.Config{}, fmt.Errorf("aws config: AWS_REGION is not set")
	}
	creds := aws.Credentials{
		AccessKeyID:     getenv("AWS_ACCESS_KEY_ID"),
		SecretAccessKey: getenv("AWS_SECRET_ACCESS_KEY"),
		SessionToken:    getenv("AWS_SESSION_TOKEN"),
		Source:          "EnvConfigCredentials",
	}
	if creds.AccessKeyID == "" || creds.SecretAccessKey == "" {
		return aws.Config{}, fmt.Errorf("aws config: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set")
	}
	cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return creds, nil })
	if v := getenv("AWS_MAX_ATTEMPTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return aws.Config{}, fmt.Errorf("aws config: AWS_MAX_ATTEMPTS %q: want a whole number from 1", v)
		}
		cfg.RetryMaxAttempts = n
	}
	if v := getenv("AWS_RETRY_MODE"); v != "" {
		m, err := aws.ParseRetryMode(v)
		if err != nil {
			return aws.Config{}, fmt.Errorf("aws config: AWS_RETRY_MODE: %w", err)
		}
		cfg.RetryMode = m
	}
	if ignore, _ := strconv.ParseBool(getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")); !ignore {
		if v := getenv("AWS_ENDPOINT_URL"); v != "" {
			cfg.BaseEndpoint = aws.String(v)
		}
		// Each service client asks its configuration sources for its own endpoint by SDK id.
		cfg.ConfigSources = []any{serviceEndpoints(getenv)}
	}
	return cfg, nil
}

// serviceEndpoints answers a service client's question for its AWS_ENDPOINT_URL_<SERVICE>.
type serviceEndpoints func(string) string

// GetServiceBaseEndpoint is the SDK's configuration-source method for a service's endpoint;
// sdkID is the service's SDK id ("DynamoDB", "Secrets Manager", "DynamoDB Streams").
func (getenv serviceEndpoints) GetServiceBaseEndpoint(_ context.Context, sdkID string) (string, bool, error) {
	v := getenv("AWS_ENDPOINT_URL_" + strings.ToUpper(strings.ReplaceAll(sdkID, " ", "_")))
	return v, v != "", nil
}
