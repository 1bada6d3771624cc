package sqs_test

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdksqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi/awsapitest"
	"github.com/coop-ob/connector/shared/awsapi/sqs"
	"github.com/coop-ob/connector/shared/awsapi/sqs/types"
)

const queue = "https://sqs.eu-west-2.amazonaws.com/111122223333/refresh"

// bodies are the two messages of every batch here.
var bodies = []string{`{"consentId":"c-1"}`, `{"consentId":"c-2"}`}

// call is the same batch through our client and the SDK's, and an answer taking the first
// message (with body1MD5 as its body's MD5) and refusing the second.
func call(body1MD5 string) (func(context.Context, aws.Config) (any, error), func(context.Context, aws.Config) (any, error), string) {
	answer := `{"Successful":[{"Id":"0","MessageId":"m-0","MD5OfMessageBody":"` + body1MD5 + `"}],` +
		`"Failed":[{"Id":"1","Code":"InternalError","SenderFault":false,"Message":"try again"}]}`
	ours := func(ctx context.Context, cfg aws.Config) (any, error) {
		return sqs.NewFromConfig(cfg).SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(queue), Entries: []types.SendMessageBatchRequestEntry{
			{Id: aws.String("0"), MessageBody: aws.String(bodies[0])}, {Id: aws.String("1"), MessageBody: aws.String(bodies[1]), DelaySeconds: 5}}})
	}
	sdk := func(ctx context.Context, cfg aws.Config) (any, error) {
		return sdksqs.NewFromConfig(cfg).SendMessageBatch(ctx, &sdksqs.SendMessageBatchInput{QueueUrl: aws.String(queue), Entries: []sdktypes.SendMessageBatchRequestEntry{
			{Id: aws.String("0"), MessageBody: aws.String(bodies[0])}, {Id: aws.String("1"), MessageBody: aws.String(bodies[1]), DelaySeconds: 5}}})
	}
	return ours, sdk, answer
}

// TestWire: SendMessageBatch sends what the SDK's client sends (AWS JSON 1.0, AmazonSQS
// target, the JSON body, signing name sqs) and decodes an answer with taken and refused
// entries as it does.
func TestWire(t *testing.T) {
	t.Parallel()
	ours, sdk, answer := call(md5Of(bodies[0]))
	req := awsapitest.Compare(t, "sqs", answer, ours, sdk)
	if req.Target != "AmazonSQS.SendMessageBatch" || req.ContentType != "application/x-amz-json-1.0" {
		t.Errorf("sent %s (%s)", req.Target, req.ContentType)
	}
}

// TestBodyChecksum: as with the SDK's client, a body whose MD5 the queue reports differently
// fails the call.
func TestBodyChecksum(t *testing.T) {
	t.Parallel()
	ours, sdk, answer := call(md5Of("another body"))
	srv := awsapitest.New(t, awsapitest.Answer{Body: answer, Header: map[string]string{"Content-Type": "application/x-amz-json-1.0"}})
	if _, err := sdk(context.Background(), srv.Config()); err == nil {
		t.Fatal("the SDK's client took a body with another MD5")
	}
	_, err := ours(context.Background(), srv.Config())
	var op *smithy.OperationError
	if !errors.As(err, &op) || op.ServiceID != "SQS" || op.OperationName != "SendMessageBatch" {
		t.Fatalf("error %v, want OperationError(SQS, SendMessageBatch)", err)
	}
}

// TestErrors: an SQS error code (namespaced, as the JSON protocol writes it) is an API error
// with the SDK's code, in the SDK's chain.
func TestErrors(t *testing.T) {
	t.Parallel()
	srv := awsapitest.New(t, awsapitest.Answer{Status: http.StatusBadRequest,
		Body: `{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}`})
	cfg := srv.Config()
	cfg.RetryMaxAttempts = 1
	ours, sdk, _ := call("")
	_, err := ours(context.Background(), cfg)
	_, sdkErr := sdk(context.Background(), cfg)
	var api, sdkAPI smithy.APIError
	var op *smithy.OperationError
	if !errors.As(err, &api) || !errors.As(sdkErr, &sdkAPI) || !errors.As(err, &op) || op.ServiceID != "SQS" {
		t.Fatalf("error %v (sdk %v)", err, sdkErr)
	}
	if api.ErrorCode() != sdkAPI.ErrorCode() || api.ErrorMessage() != sdkAPI.ErrorMessage() {
		t.Errorf("%s %q; the SDK's %s %q", api.ErrorCode(), api.ErrorMessage(), sdkAPI.ErrorCode(), sdkAPI.ErrorMessage())
	}
}

func md5Of(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestDefaultEndpoint: without an endpoint configured, requests go where the SDK's endpoint
// rules send them.
func TestDefaultEndpoint(t *testing.T) {
	t.Parallel()
	for _, region := range []string{"eu-west-2", "us-east-1", "cn-north-1"} {
		ep, err := sdksqs.NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(), sdksqs.EndpointParameters{Region: aws.String(region)})
		if err != nil {
			t.Fatal(err)
		}
		if got := sqs.NewFromConfig(aws.Config{Region: region}).Endpoint(); got != ep.URI.String() {
			t.Errorf("%s: %s, the SDK's %s", region, got, ep.URI.String())
		}
	}
}
