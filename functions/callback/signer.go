package main

import (
	"context"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"

	"github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/resultsig"
	"github.com/coop-ob/connector/shared/setup"
)

// loadSigner builds the result signer from RESULT_SIGNING_KEY_ID and the function's AWS
// configuration (d.AWS: AWS_ENDPOINT_URL_KMS locally), each KMS attempt bounded like the
// store's; nil when the variable is empty.
func loadSigner(_ context.Context, d *setup.Deps) (*resultsig.Signer, error) {
	if d.Config.ResultSigningKeyID == "" {
		return nil, nil
	}
	client := kms.NewFromConfig(d.AWS, func(o *kms.Options) {
		o.HTTPClient = awshttp.NewBuildableClient().WithTimeout(setup.AWSAttemptTimeout)
	})
	return &resultsig.Signer{KMS: client, KeyID: d.Config.ResultSigningKeyID, Now: func() time.Time { return d.Now() }}, nil
}
