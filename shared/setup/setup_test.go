package setup

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// TestAWSClientsBoundEachAttempt: a DynamoDB, Secrets Manager or KMS call that hangs ends after
// AWSAttemptTimeout, so the SDK's retries and the 503 that follows them fit in the function's
// time, whether or not the AWS configuration brought its own HTTP client.
func TestAWSClientsBoundEachAttempt(t *testing.T) {
	t.Parallel()
	for name, cfg := range map[string]aws.Config{
		"default":          {Region: "eu-west-2"},
		"buildable client": {Region: "eu-west-2", HTTPClient: awshttp.NewBuildableClient()},
	} {
		t.Run(name, func(t *testing.T) {
			ddb, sm := AWSClients(cfg)
			for svc, hc := range map[string]aws.HTTPClient{"dynamodb": ddb.HTTPClient(), "secretsmanager": sm.HTTPClient(),
				"kms": KMSClient(cfg).HTTPClient()} {
				bc, ok := hc.(*awshttp.BuildableClient)
				if !ok || bc.GetTimeout() != AWSAttemptTimeout {
					t.Errorf("%s: HTTP client %T without the %s attempt timeout", svc, hc, AWSAttemptTimeout)
				}
			}
		})
	}
}
