package dynamodb_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	sdkdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/sdkconv"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/awserr"
)

// quick is DynamoDB's standard retryer (4 attempts) with waits of at most a millisecond and no
// retry quota, so that retries cost the tests no time.
func quick() aws.Retryer {
	return retry.NewStandard(func(so *retry.StandardOptions) {
		so.MaxAttempts = 4
		so.MaxBackoff = time.Millisecond
		so.RateLimiter = ratelimit.None
	})
}

// as finds the connector's typed error O in err, and gives a target for the SDK's S.
func as[O, S any](err error) (any, any, bool) {
	var o O
	ok := errors.As(err, &o)
	return o, new(S), ok
}

// TestRetryDefaults: without settings the client retries as the SDK's DynamoDB client does (4
// attempts); AWS_MAX_ATTEMPTS (aws.Config.RetryMaxAttempts) wins; AWS_RETRY_MODE=adaptive
// picks the adaptive retryer.
func TestRetryDefaults(t *testing.T) {
	for name, c := range map[string]struct {
		cfg      aws.Config
		attempts int
	}{
		"default":          {aws.Config{}, 4},
		"AWS_MAX_ATTEMPTS": {aws.Config{RetryMaxAttempts: 2}, 2},
		"adaptive":         {aws.Config{RetryMode: aws.RetryModeAdaptive}, 4},
	} {
		sdk, ours := clients("http://127.0.0.1:1", c.cfg)
		if got, want := ours.Retryer().MaxAttempts(), sdk.Options().Retryer.MaxAttempts(); got != want || got != c.attempts {
			t.Errorf("%s: %d attempts, the SDK's client %d, want %d", name, got, want, c.attempts)
		}
		_, adaptive := ours.Retryer().(*retry.AdaptiveMode)
		_, sdkAdaptive := sdk.Options().Retryer.(*retry.AdaptiveMode)
		if adaptive != sdkAdaptive {
			t.Errorf("%s: adaptive %v, the SDK's client %v", name, adaptive, sdkAdaptive)
		}
	}
}

// TestErrorsAsTheSDKs: an error answer gives the error the SDK's client gives, in the same
// shape (OperationError → ResponseError → the typed error, with the status and request id),
// with the same code, message, fault and modelled fields (the failed condition's item, the
// cancelled transaction's reasons and their items), after the same number of attempts:
// throttling and server errors are retried (4 attempts), the others are not; awserr
// classifies each as before. An answer that is not DynamoDB's (an HTML page, an empty body)
// is retried as a server error and reported with its status.
func TestErrorsAsTheSDKs(t *testing.T) {
	const ns = "com.amazonaws.dynamodb.v20120810#"
	item := `{"pk":{"S":"a"},"n":{"N":"1"},"b":{"B":"AAE="},"l":{"L":[{"BOOL":true},{"NULL":true}]}}`
	cases := []struct {
		status   int
		code     string
		body     string
		attempts int
		fault    smithy.ErrorFault
		kind     string // awserr.Kind
		typed    func(error) (ours, sdk any, ok bool)
	}{
		{400, "ConditionalCheckFailedException", `{"__type":"` + ns + `ConditionalCheckFailedException","message":"The conditional request failed","Item":` + item + `}`, 1, smithy.FaultClient, "",
			as[*types.ConditionalCheckFailedException, *sdktypes.ConditionalCheckFailedException]},
		{400, "TransactionCanceledException", `{"__type":"` + ns + `TransactionCanceledException","Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]","CancellationReasons":[{"Code":"ConditionalCheckFailed","Message":"The conditional request failed","Item":` + item + `},{"Code":"None"}]}`, 1, smithy.FaultClient, "",
			as[*types.TransactionCanceledException, *sdktypes.TransactionCanceledException]},
		{400, "ProvisionedThroughputExceededException", `{"__type":"` + ns + `ProvisionedThroughputExceededException","message":"slow down","ThrottlingReasons":[{"reason":"TableReadProvisionedThroughputExceeded","resource":"arn:aws:dynamodb:eu-west-2:1:table/t"}]}`, 4, smithy.FaultClient, awserr.KindThrottled,
			as[*types.ProvisionedThroughputExceededException, *sdktypes.ProvisionedThroughputExceededException]},
		{400, "ThrottlingException", `{"__type":"` + ns + `ThrottlingException","message":"rate exceeded"}`, 4, smithy.FaultClient, awserr.KindThrottled,
			as[*types.ThrottlingException, *sdktypes.ThrottlingException]},
		{400, "RequestLimitExceeded", `{"__type":"` + ns + `RequestLimitExceeded","message":"account limit"}`, 4, smithy.FaultClient, awserr.KindThrottled,
			as[*types.RequestLimitExceeded, *sdktypes.RequestLimitExceeded]},
		{500, "InternalServerError", `{"__type":"` + ns + `InternalServerError","message":"Internal server error"}`, 4, smithy.FaultServer, awserr.KindUnavailable,
			as[*types.InternalServerError, *sdktypes.InternalServerError]},
		{400, "ResourceNotFoundException", `{"__type":"` + ns + `ResourceNotFoundException","message":"Requested resource not found"}`, 1, smithy.FaultClient, awserr.KindFailed,
			as[*types.ResourceNotFoundException, *sdktypes.ResourceNotFoundException]},
		{400, "TransactionConflictException", `{"__type":"` + ns + `TransactionConflictException","message":"conflict"}`, 1, smithy.FaultClient, awserr.KindUnavailable,
			as[*types.TransactionConflictException, *sdktypes.TransactionConflictException]},
		{400, "TransactionInProgressException", `{"__type":"` + ns + `TransactionInProgressException","message":"in progress"}`, 4, smithy.FaultClient, awserr.KindThrottled,
			as[*types.TransactionInProgressException, *sdktypes.TransactionInProgressException]},
		{400, "ItemCollectionSizeLimitExceededException", `{"__type":"` + ns + `ItemCollectionSizeLimitExceededException","message":"too big"}`, 1, smithy.FaultClient, awserr.KindFailed,
			as[*types.ItemCollectionSizeLimitExceededException, *sdktypes.ItemCollectionSizeLimitExceededException]},
		{400, "IdempotentParameterMismatchException", `{"__type":"` + ns + `IdempotentParameterMismatchException","Message":"mismatch"}`, 1, smithy.FaultClient, awserr.KindFailed,
			as[*types.IdempotentParameterMismatchException, *sdktypes.IdempotentParameterMismatchException]},
		{400, "ValidationException", `{"__type":"com.amazon.coral.validate#ValidationException","message":"bad expression"}`, 1, smithy.FaultClient, awserr.KindFailed, nil},
		{503, "UnknownError", `<html><body>503 Service Unavailable</body></html>`, 4, smithy.FaultServer, awserr.KindUnavailable, nil},
		{502, "UnknownError", ``, 4, smithy.FaultServer, awserr.KindUnavailable, nil},
	}
	for _, c := range cases {
		t.Run(c.code+"/"+http.StatusText(c.status), func(t *testing.T) {
			p := newProxy(t, "")
			header := map[string]string{"Content-Type": "application/x-amz-json-1.0", "X-Amzn-Requestid": "req-1"}
			if c.code != "UnknownError" {
				header["X-Amzn-Errortype"] = c.code
			} else {
				header["Content-Type"] = "text/html"
			}
			p.canned = &cannedAnswer{status: c.status, header: header, body: c.body}
			sdk, ours := clients(p.URL, aws.Config{Retryer: quick})
			in := &dynamodb.GetItemInput{TableName: aws.String("t"), Key: map[string]types.AttributeValue{"pk": s("a")}}
			var sin sdkdynamodb.GetItemInput
			if err := sdkconv.Convert(&sin, in); err != nil {
				t.Fatal(err)
			}
			_, serr := sdk.GetItem(context.Background(), &sin)
			sdkAttempts := len(p.take())
			_, err := ours.GetItem(context.Background(), in)
			attempts := len(p.take())
			if serr == nil || err == nil {
				t.Fatalf("errors: SDK %v, ours %v", serr, err)
			}
			if attempts != c.attempts || sdkAttempts != c.attempts {
				t.Errorf("attempts: ours %d, SDK %d, want %d", attempts, sdkAttempts, c.attempts)
			}
			var op *smithy.OperationError
			if !errors.As(err, &op) || op.ServiceID != "DynamoDB" || op.OperationName != "GetItem" {
				t.Errorf("error %v: not an OperationError of DynamoDB GetItem", err)
			}
			var re *awshttp.ResponseError
			if !errors.As(err, &re) || re.HTTPStatusCode() != c.status || re.ServiceRequestID() != "req-1" {
				t.Errorf("error %v: not a ResponseError of status %d with the request id", err, c.status)
			}
			if k := awserr.Kind(err); k != c.kind {
				t.Errorf("awserr.Kind %q, want %q", k, c.kind)
			}
			var api, sapi smithy.APIError
			if !errors.As(err, &api) {
				t.Fatalf("error %v: not an APIError", err)
			}
			if api.ErrorCode() != c.code || api.ErrorFault() != c.fault {
				t.Errorf("ours %q %v, want code %s fault %v", api.ErrorCode(), api.ErrorFault(), c.code, c.fault)
			}
			if c.code == "UnknownError" {
				// Not a modelled answer: the SDK's client reports a deserialization error (or
				// an UnknownError of unknown fault); ours, an UnknownError that is the
				// service's fault, which awserr classifies as it classifies the SDK's.
				if awserr.Kind(serr) != c.kind {
					t.Errorf("awserr.Kind of the SDK's error %q, want %q", awserr.Kind(serr), c.kind)
				}
				return
			}
			if !errors.As(serr, &sapi) || api.ErrorCode() != sapi.ErrorCode() || api.ErrorMessage() != sapi.ErrorMessage() {
				t.Errorf("ours %q %q, SDK %v", api.ErrorCode(), api.ErrorMessage(), serr)
			}
			if c.typed != nil && api.ErrorFault() != sapi.ErrorFault() {
				// (An unmodelled code's fault is the SDK's "unknown", ours the status's.)
				t.Errorf("fault: ours %v, SDK %v", api.ErrorFault(), sapi.ErrorFault())
			}
			if c.typed == nil {
				return
			}
			typed, sdkTyped, ok := c.typed(err)
			if !ok {
				t.Fatalf("error %v: not a %T with its modelled fields", err, typed)
			}
			if !errors.As(serr, sdkTyped) {
				t.Fatalf("SDK error %v: not a %T", serr, sdkTyped)
			}
			// The modelled fields, as the SDK decoded them.
			want := sdkTyped
			got := typed
			var conv any
			switch w := want.(type) {
			case **sdktypes.ConditionalCheckFailedException:
				var o types.ConditionalCheckFailedException
				conv, _ = &o, sdkconv.Convert(&o, *w)
			case **sdktypes.TransactionCanceledException:
				var o types.TransactionCanceledException
				conv, _ = &o, sdkconv.Convert(&o, *w)
			default:
				return
			}
			if diff := cmp.Diff(conv, got); diff != "" {
				t.Errorf("modelled fields (-SDK +ours):\n%s", diff)
			}
		})
	}
}
