package kms_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	sdkkms "github.com/aws/aws-sdk-go-v2/service/kms"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi/awsapitest"
	"github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/awsapi/kms/types"
)

const keyARN = "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

// TestWire: each operation the connector uses sends what the SDK's client sends for the same
// input (target, content type, JSON body, signing name) and decodes a KMS answer as it does.
func TestWire(t *testing.T) {
	t.Parallel()
	ec := map[string]string{"table": "t", "purpose": "tokens"}
	for _, tc := range []struct {
		op, answer string
		ours       func(context.Context, *kms.Client) (any, error)
		sdk        func(context.Context, *sdkkms.Client) (any, error)
	}{
		{"GenerateDataKey",
			`{"CiphertextBlob":"AQIDBAUG","KeyId":"` + keyARN + `","KeyMaterialId":"m1","Plaintext":"MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI="}`,
			func(ctx context.Context, c *kms.Client) (any, error) {
				return c.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: aws.String("alias/seal"), KeySpec: types.DataKeySpecAes256, EncryptionContext: ec})
			},
			func(ctx context.Context, c *sdkkms.Client) (any, error) {
				return c.GenerateDataKey(ctx, &sdkkms.GenerateDataKeyInput{KeyId: aws.String("alias/seal"), KeySpec: sdktypes.DataKeySpecAes256, EncryptionContext: ec})
			}},
		{"Decrypt",
			`{"EncryptionAlgorithm":"SYMMETRIC_DEFAULT","KeyId":"` + keyARN + `","Plaintext":"c2VjcmV0"}`,
			func(ctx context.Context, c *kms.Client) (any, error) {
				return c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: []byte{1, 2, 3, 0xff}, KeyId: aws.String(keyARN), EncryptionContext: ec})
			},
			func(ctx context.Context, c *sdkkms.Client) (any, error) {
				return c.Decrypt(ctx, &sdkkms.DecryptInput{CiphertextBlob: []byte{1, 2, 3, 0xff}, KeyId: aws.String(keyARN), EncryptionContext: ec})
			}},
		{"Encrypt",
			`{"CiphertextBlob":"AQID","EncryptionAlgorithm":"SYMMETRIC_DEFAULT","KeyId":"` + keyARN + `"}`,
			func(ctx context.Context, c *kms.Client) (any, error) {
				return c.Encrypt(ctx, &kms.EncryptInput{KeyId: aws.String(keyARN), Plaintext: []byte("plain"), EncryptionContext: ec})
			},
			func(ctx context.Context, c *sdkkms.Client) (any, error) {
				return c.Encrypt(ctx, &sdkkms.EncryptInput{KeyId: aws.String(keyARN), Plaintext: []byte("plain"), EncryptionContext: ec})
			}},
		{"Sign",
			`{"KeyId":"` + keyARN + `","Signature":"MEUCIQD=","SigningAlgorithm":"ECDSA_SHA_256"}`,
			func(ctx context.Context, c *kms.Client) (any, error) {
				return c.Sign(ctx, &kms.SignInput{KeyId: aws.String(keyARN), Message: make([]byte, 32),
					MessageType: types.MessageTypeDigest, SigningAlgorithm: types.SigningAlgorithmSpecEcdsaSha256})
			},
			func(ctx context.Context, c *sdkkms.Client) (any, error) {
				return c.Sign(ctx, &sdkkms.SignInput{KeyId: aws.String(keyARN), Message: make([]byte, 32),
					MessageType: sdktypes.MessageTypeDigest, SigningAlgorithm: sdktypes.SigningAlgorithmSpecEcdsaSha256})
			}},
		{"GetPublicKey",
			`{"CustomerMasterKeySpec":"ECC_NIST_P256","KeyId":"` + keyARN + `","KeySpec":"ECC_NIST_P256","KeyUsage":"SIGN_VERIFY","PublicKey":"MFkwEwYHKoZIzj0CAQ==","SigningAlgorithms":["ECDSA_SHA_256"]}`,
			func(ctx context.Context, c *kms.Client) (any, error) {
				return c.GetPublicKey(ctx, &kms.GetPublicKeyInput{KeyId: aws.String(keyARN)})
			},
			func(ctx context.Context, c *sdkkms.Client) (any, error) {
				return c.GetPublicKey(ctx, &sdkkms.GetPublicKeyInput{KeyId: aws.String(keyARN)})
			}},
	} {
		t.Run(tc.op, func(t *testing.T) {
			t.Parallel()
			req := awsapitest.Compare(t, "kms", tc.answer,
				func(ctx context.Context, cfg aws.Config) (any, error) { return tc.ours(ctx, kms.NewFromConfig(cfg)) },
				func(ctx context.Context, cfg aws.Config) (any, error) { return tc.sdk(ctx, sdkkms.NewFromConfig(cfg)) })
			if req.Target != "TrentService."+tc.op || req.ContentType != "application/x-amz-json-1.1" {
				t.Errorf("sent %s (%s)", req.Target, req.ContentType)
			}
		})
	}
}

// TestErrors: each modelled code the connector may meet is the typed error, inside the SDK's
// error chain (OperationError for KMS and the operation, the HTTP status), with the SDK's
// fault; a code KMS does not model stays a GenericAPIError (the client's fault for a 4xx, where
// the SDK leaves it unknown: nothing reads the fault of a 4xx).
func TestErrors(t *testing.T) {
	t.Parallel()
	for code, want := range map[string]smithy.APIError{
		"InvalidCiphertextException": &types.InvalidCiphertextException{},
		"NotFoundException":          &types.NotFoundException{},
		"DisabledException":          &types.DisabledException{},
		"KMSInvalidStateException":   &types.KMSInvalidStateException{},
		"KeyUnavailableException":    &types.KeyUnavailableException{},
		"DependencyTimeoutException": &types.DependencyTimeoutException{},
		"KMSInternalException":       &types.KMSInternalException{},
		"InvalidKeyUsageException":   &types.InvalidKeyUsageException{},
		"IncorrectKeyException":      &types.IncorrectKeyException{},
		"InvalidGrantTokenException": &types.InvalidGrantTokenException{},
		"LimitExceededException":     &types.LimitExceededException{},
		"AccessDeniedException":      nil,
	} {
		t.Run(code, func(t *testing.T) {
			t.Parallel()
			srv := awsapitest.New(t, awsapitest.Answer{Status: http.StatusBadRequest, Body: `{"__type":"` + code + `","message":"the message"}`})
			cfg := srv.Config()
			cfg.RetryMaxAttempts = 1
			_, err := kms.NewFromConfig(cfg).Decrypt(context.Background(), &kms.DecryptInput{CiphertextBlob: []byte{1}})
			_, sdkErr := sdkkms.NewFromConfig(cfg).Decrypt(context.Background(), &sdkkms.DecryptInput{CiphertextBlob: []byte{1}})
			var op *smithy.OperationError
			var re *awshttp.ResponseError
			var api, sdkAPI smithy.APIError
			if !errors.As(err, &op) || op.ServiceID != "KMS" || op.OperationName != "Decrypt" ||
				!errors.As(err, &re) || re.HTTPStatusCode() != http.StatusBadRequest || !errors.As(err, &api) || !errors.As(sdkErr, &sdkAPI) {
				t.Fatalf("error %v (sdk %v): want OperationError(KMS, Decrypt) around a 400 API error", err, sdkErr)
			}
			if api.ErrorCode() != code || api.ErrorMessage() != "the message" || want != nil && api.ErrorFault() != sdkAPI.ErrorFault() {
				t.Errorf("%s %q fault %v; the SDK: %s fault %v", api.ErrorCode(), api.ErrorMessage(), api.ErrorFault(), sdkAPI.ErrorCode(), sdkAPI.ErrorFault())
			}
			if want == nil {
				if _, ok := api.(*smithy.GenericAPIError); !ok {
					t.Errorf("%T, want a GenericAPIError", api)
				}
				return
			}
			if got, wantT := typeName(api), typeName(want); got != wantT || typeName(sdkAPI) != wantT {
				t.Errorf("%s, want %s (the SDK's: %s)", got, wantT, typeName(sdkAPI))
			}
		})
	}
}

// typeName is v's type without its package: InvalidCiphertextException for ours and the SDK's.
func typeName(v any) string {
	s := fmt.Sprintf("%T", v)
	return s[strings.LastIndexByte(s, '.')+1:]
}

// TestNoSecretInErrors: an answer that does not decode fails the call without quoting it: the
// data key KMS sent is in no error.
func TestNoSecretInErrors(t *testing.T) {
	t.Parallel()
	const key = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI="
	for name, body := range map[string]string{
		"bad member":   `{"Plaintext":"` + key + `","CiphertextBlob":42}`,
		"bad base64":   `{"CiphertextBlob":"AQID","Plaintext":"` + key + `!"}`,
		"truncated":    `{"CiphertextBlob":"AQID","Plaintext":"` + key,
		"error answer": `{"__type":"KMSInternalException","Plaintext":"` + key + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			status := http.StatusOK
			if strings.Contains(body, "__type") {
				status = http.StatusInternalServerError
			}
			srv := awsapitest.New(t, awsapitest.Answer{Status: status, Body: body})
			cfg := srv.Config()
			cfg.RetryMaxAttempts = 1
			_, err := kms.NewFromConfig(cfg).GenerateDataKey(context.Background(), &kms.GenerateDataKeyInput{KeyId: aws.String("k")})
			if err == nil {
				t.Fatal("no error")
			}
			if strings.Contains(err.Error(), key[:16]) || strings.Contains(fmt.Sprintf("%+v", err), key[:16]) {
				t.Errorf("error quotes the data key: %v", err)
			}
		})
	}
}

// TestDefaultEndpoint: without an endpoint configured, requests go where the SDK's endpoint
// rules send them.
func TestDefaultEndpoint(t *testing.T) {
	t.Parallel()
	for _, region := range []string{"eu-west-2", "us-east-1", "cn-north-1"} {
		ep, err := sdkkms.NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(), sdkkms.EndpointParameters{Region: aws.String(region)})
		if err != nil {
			t.Fatal(err)
		}
		if got := kms.NewFromConfig(aws.Config{Region: region}).Endpoint(); got != ep.URI.String() {
			t.Errorf("%s: %s, the SDK's %s", region, got, ep.URI.String())
		}
	}
}
