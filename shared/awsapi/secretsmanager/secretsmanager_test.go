package secretsmanager_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	sdksm "github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi/awsapitest"
	"github.com/coop-ob/connector/shared/awsapi/secretsmanager"
	"github.com/coop-ob/connector/shared/awsapi/secretsmanager/types"
)

// TestWire: GetSecretValue sends what the SDK's client sends (target, content type, JSON body,
// signing name) and decodes a Secrets Manager answer, string or binary, as it does, CreatedDate
// (epoch seconds with a fraction) included.
func TestWire(t *testing.T) {
	t.Parallel()
	for name, answer := range map[string]string{
		"string": `{"ARN":"arn:aws:secretsmanager:eu-west-2:111122223333:secret:coop/credentials-AbCdEf","CreatedDate":1.764633600123E9,` +
			`"Name":"coop/credentials","SecretString":"{\"client_id\":\"c\"}","VersionId":"v-1","VersionStages":["AWSCURRENT"]}`,
		"binary": `{"ARN":"arn:aws:secretsmanager:eu-west-2:111122223333:secret:b","CreatedDate":1764633600,"Name":"b",` +
			`"SecretBinary":"AAECAwQ=","VersionId":"v-2","VersionStages":["AWSCURRENT","AWSPENDING"]}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var ours *secretsmanager.GetSecretValueOutput
			req := awsapitest.Compare(t, "secretsmanager", answer,
				func(ctx context.Context, cfg aws.Config) (any, error) {
					out, err := secretsmanager.NewFromConfig(cfg).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{
						SecretId: aws.String("coop/credentials"), VersionStage: aws.String("AWSCURRENT")})
					ours = out
					return out, err
				},
				func(ctx context.Context, cfg aws.Config) (any, error) {
					return sdksm.NewFromConfig(cfg).GetSecretValue(ctx, &sdksm.GetSecretValueInput{
						SecretId: aws.String("coop/credentials"), VersionStage: aws.String("AWSCURRENT")})
				})
			if req.Target != "secretsmanager.GetSecretValue" || req.ContentType != "application/x-amz-json-1.1" {
				t.Errorf("sent %s (%s)", req.Target, req.ContentType)
			}
			if ours.CreatedDate == nil || ours.CreatedDate.Unix() != 1764633600 {
				t.Errorf("CreatedDate %v", ours.CreatedDate)
			}
			if name == "string" && !ours.CreatedDate.Equal(time.UnixMilli(1764633600123)) {
				t.Errorf("CreatedDate %v, want the millisecond", ours.CreatedDate)
			}
		})
	}
}

// TestErrors: each code the connector classifies is the typed error (as the SDK's, with its
// fault) inside OperationError(Secrets Manager, GetSecretValue) and the HTTP status.
func TestErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		code   string
		status int
		want   smithy.APIError
	}{
		{"ResourceNotFoundException", 400, &types.ResourceNotFoundException{}},
		{"DecryptionFailure", 400, &types.DecryptionFailure{}},
		{"InternalServiceError", 500, &types.InternalServiceError{}},
		{"InvalidParameterException", 400, &types.InvalidParameterException{}},
		{"InvalidRequestException", 400, &types.InvalidRequestException{}},
	} {
		t.Run(tc.code, func(t *testing.T) {
			t.Parallel()
			srv := awsapitest.New(t, awsapitest.Answer{Status: tc.status, Body: `{"__type":"` + tc.code + `","Message":"the message"}`})
			cfg := srv.Config()
			cfg.RetryMaxAttempts = 1
			_, err := secretsmanager.NewFromConfig(cfg).GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
			_, sdkErr := sdksm.NewFromConfig(cfg).GetSecretValue(context.Background(), &sdksm.GetSecretValueInput{SecretId: aws.String("s")})
			var op *smithy.OperationError
			var re *awshttp.ResponseError
			var api, sdkAPI smithy.APIError
			if !errors.As(err, &op) || op.ServiceID != "Secrets Manager" || op.OperationName != "GetSecretValue" ||
				!errors.As(err, &re) || re.HTTPStatusCode() != tc.status || !errors.As(err, &api) || !errors.As(sdkErr, &sdkAPI) {
				t.Fatalf("error %v (sdk %v): want OperationError(Secrets Manager, GetSecretValue) around an API error", err, sdkErr)
			}
			if typeName(api) != typeName(tc.want) || typeName(sdkAPI) != typeName(tc.want) || api.ErrorMessage() != "the message" ||
				api.ErrorFault() != sdkAPI.ErrorFault() {
				t.Errorf("%T %q fault %v; the SDK's %T fault %v", api, api.ErrorMessage(), api.ErrorFault(), sdkAPI, sdkAPI.ErrorFault())
			}
		})
	}
}

func typeName(v any) string {
	s := fmt.Sprintf("%T", v)
	return s[strings.LastIndexByte(s, '.')+1:]
}

// TestNoSecretInErrors: an answer that does not decode fails the call without quoting it.
func TestNoSecretInErrors(t *testing.T) {
	t.Parallel()
	const secret = "client-secret-do-not-print"
	for name, body := range map[string]string{
		"bad date":   `{"SecretString":"` + secret + `","CreatedDate":"yesterday"}`,
		"bad member": `{"SecretString":"` + secret + `","VersionStages":"AWSCURRENT"}`,
		"truncated":  `{"SecretString":"` + secret,
		"bad binary": `{"SecretBinary":"` + secret + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := awsapitest.New(t, awsapitest.Answer{Body: body})
			_, err := secretsmanager.NewFromConfig(srv.Config()).GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
			if err == nil {
				t.Fatal("no error")
			}
			if s := fmt.Sprintf("%v %+v", err, err); strings.Contains(s, secret) || strings.Contains(s, "do-not-print") {
				t.Errorf("error quotes the secret: %v", err)
			}
		})
	}
}

// TestDefaultEndpoint: without an endpoint configured, requests go where the SDK's endpoint
// rules send them.
func TestDefaultEndpoint(t *testing.T) {
	t.Parallel()
	for _, region := range []string{"eu-west-2", "us-east-1", "cn-north-1"} {
		ep, err := sdksm.NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(), sdksm.EndpointParameters{Region: aws.String(region)})
		if err != nil {
			t.Fatal(err)
		}
		if got := secretsmanager.NewFromConfig(aws.Config{Region: region}).Endpoint(); got != ep.URI.String() {
			t.Errorf("%s: %s, the SDK's %s", region, got, ep.URI.String())
		}
	}
}
