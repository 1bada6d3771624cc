package setup

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"

	"github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/seal"
)

// SealPurpose is the "purpose" of the KMS encryption context of the table's
// secrets (with "table": the table name); the template's key policy
// conditions pin both.
const SealPurpose = "tokens"

// KMSClient builds the KMS client from awsCfg (it honours
// AWS_ENDPOINT_URL_KMS), each attempt bounded by AWSAttemptTimeout.
func KMSClient(awsCfg aws.Config) *kms.Client {
	hc := awshttp.NewBuildableClient().WithTimeout(AWSAttemptTimeout)
	if bc, ok := awsCfg.HTTPClient.(*awshttp.BuildableClient); ok {
		hc = bc.WithTimeout(AWSAttemptTimeout)
	}
	return kms.NewFromConfig(awsCfg, func(o *kms.Options) {
		o.HTTPClient = hc
		o.Observe = metrics.ObserveAWS // AWSErrors, Service KMS
	})
}

// UseSealer makes the store seal its secrets with the data keys of the
// SEAL_KEY_ID key through api. Without SEAL_KEY_ID it does nothing: the
// store writes them plain.
func (d *Deps) UseSealer(api seal.KMS) {
	if d.Config.SealKeyID == "" {
		return
	}
	d.Store.Sealer = seal.New(api, d.Config.SealKeyID, seal.Context(d.Config.TableName, SealPurpose),
		seal.Settings{MaxAge: d.Config.SealKeyMaxAge, MaxUses: d.Config.SealKeyMaxUses})
}
