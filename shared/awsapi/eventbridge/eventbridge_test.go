package eventbridge_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkeb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi/awsapitest"
	"github.com/coop-ob/connector/shared/awsapi/eventbridge"
	"github.com/coop-ob/connector/shared/awsapi/eventbridge/types"
)

// TestWire: PutEvents sends what the SDK's client sends (AWS JSON 1.1, AWSEvents target,
// signing name events, the entries with Time in epoch seconds to the millisecond) and decodes
// an answer with one published and one failed entry as it does.
func TestWire(t *testing.T) {
	t.Parallel()
	for name, at := range map[string]time.Time{
		"milliseconds": time.Date(2026, 12, 6, 8, 30, 15, 123_456_789, time.UTC),
		"whole second": time.Date(2026, 12, 6, 8, 30, 15, 0, time.UTC),
		"no time":      {},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var when *time.Time
			if !at.IsZero() {
				when = &at
			}
			answer := `{"Entries":[{"EventId":"11710aed-b79e-4468-a20b-bb3c0c3b4860"},{"ErrorCode":"InternalFailure","ErrorMessage":"try again"}],"FailedEntryCount":1}`
			req := awsapitest.Compare(t, "events", answer,
				func(ctx context.Context, cfg aws.Config) (any, error) {
					e := types.PutEventsRequestEntry{EventBusName: aws.String("connector"), Source: aws.String("coop.connector"),
						DetailType: aws.String("consent.authorised"), Detail: aws.String(`{"consentId":"c-1"}`), Time: when}
					f := e
					f.Resources, f.Detail = []string{"arn:aws:x"}, aws.String(`{"consentId":"c-2"}`)
					return eventbridge.NewFromConfig(cfg).PutEvents(ctx, &eventbridge.PutEventsInput{Entries: []types.PutEventsRequestEntry{e, f}})
				},
				func(ctx context.Context, cfg aws.Config) (any, error) {
					e := sdktypes.PutEventsRequestEntry{EventBusName: aws.String("connector"), Source: aws.String("coop.connector"),
						DetailType: aws.String("consent.authorised"), Detail: aws.String(`{"consentId":"c-1"}`), Time: when}
					f := e
					f.Resources, f.Detail = []string{"arn:aws:x"}, aws.String(`{"consentId":"c-2"}`)
					return sdkeb.NewFromConfig(cfg).PutEvents(ctx, &sdkeb.PutEventsInput{Entries: []sdktypes.PutEventsRequestEntry{e, f}})
				})
			if req.Target != "AWSEvents.PutEvents" || req.ContentType != "application/x-amz-json-1.1" {
				t.Errorf("sent %s (%s)", req.Target, req.ContentType)
			}
		})
	}
}

// TestErrors: an EventBridge error code is an API error with the SDK's code and message,
// inside OperationError(EventBridge, PutEvents).
func TestErrors(t *testing.T) {
	t.Parallel()
	srv := awsapitest.New(t, awsapitest.Answer{Status: http.StatusBadRequest,
		Body: `{"__type":"ResourceNotFoundException","message":"Event bus connector does not exist."}`})
	cfg := srv.Config()
	cfg.RetryMaxAttempts = 1
	in := []types.PutEventsRequestEntry{{Source: aws.String("s"), DetailType: aws.String("d"), Detail: aws.String("{}")}}
	_, err := eventbridge.NewFromConfig(cfg).PutEvents(context.Background(), &eventbridge.PutEventsInput{Entries: in})
	_, sdkErr := sdkeb.NewFromConfig(cfg).PutEvents(context.Background(), &sdkeb.PutEventsInput{
		Entries: []sdktypes.PutEventsRequestEntry{{Source: aws.String("s"), DetailType: aws.String("d"), Detail: aws.String("{}")}}})
	var api, sdkAPI smithy.APIError
	var op *smithy.OperationError
	if !errors.As(err, &api) || !errors.As(sdkErr, &sdkAPI) || !errors.As(err, &op) || op.ServiceID != "EventBridge" || op.OperationName != "PutEvents" {
		t.Fatalf("error %v (sdk %v)", err, sdkErr)
	}
	if api.ErrorCode() != sdkAPI.ErrorCode() || api.ErrorMessage() != sdkAPI.ErrorMessage() {
		t.Errorf("%s %q; the SDK's %s %q", api.ErrorCode(), api.ErrorMessage(), sdkAPI.ErrorCode(), sdkAPI.ErrorMessage())
	}
}

// TestDefaultEndpoint: without an endpoint configured, requests go where the SDK's endpoint
// rules send them.
func TestDefaultEndpoint(t *testing.T) {
	t.Parallel()
	for _, region := range []string{"eu-west-2", "us-east-1", "cn-north-1"} {
		ep, err := sdkeb.NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(), sdkeb.EndpointParameters{Region: aws.String(region)})
		if err != nil {
			t.Fatal(err)
		}
		if got := eventbridge.NewFromConfig(aws.Config{Region: region}).Endpoint(); got != ep.URI.String() {
			t.Errorf("%s: %s, the SDK's %s", region, got, ep.URI.String())
		}
	}
}
