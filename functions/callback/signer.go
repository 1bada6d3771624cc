package main

import (
	"context"
	"fmt"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/coop-ob/connector/shared/resultsig"
	"github.com/coop-ob/connector/shared/setup"
)

// loadSigner builds the result signer from RESULT_SIGNING_KEY_ID and the AWS SDK's default
// configuration (AWS_ENDPOINT_URL_KMS locally), each KMS attempt bounded like the store's;
// nil when the variable is empty.
func loadSigner(ctx context.Context, d *setup.Deps) (*resultsig.Signer, error) {
	if d.Config.ResultSigningKeyID == "" {
		return nil, nil
	}
	awsCfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("aws config: %w", err)
	}
	client := kms.NewFromConfig(awsCfg, func(o *kms.Options) {
		o.HTTPClient = awshttp.NewBuildableClient().WithTimeout(setup.AWSAttemptTimeout)
	})
	return &resultsig.Signer{KMS: client, KeyID: d.Config.ResultSigningKeyID, Now: func() time.Time { return d.Now() }}, nil
}
