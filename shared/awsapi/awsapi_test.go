package awsapi_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi"
	"github.com/coop-ob/connector/shared/awsapi/awsapitest"
	"github.com/coop-ob/connector/shared/awserr"
)

// svc is a service of the JSON 1.0 protocol with fast retries.
var svc = awsapi.Service{ID: "Test Service", SigningName: "testsvc", EndpointPrefix: "testsvc",
	TargetPrefix: "Test_20261206", JSONVersion: "1.0", BaseDelay: time.Millisecond}

type in struct {
	Name string `json:"Name"`
}

type out struct {
	Value string `json:"Value"`
}

// observed counts Observe's calls.
type observed struct {
	mu    sync.Mutex
	calls []string
}

func (o *observed) observe(_ context.Context, service, op string, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.calls = append(o.calls, service+"/"+op+"/"+errString(err))
}

func errString(err error) string {
	if err == nil {
		return "ok"
	}
	return "failed"
}

const html = "<html><body><h1>502 Bad Gateway</h1></body></html>"

// TestRetries: AWS_MAX_ATTEMPTS (aws.Config.RetryMaxAttempts) is the number of attempts of a
// call that keeps failing with a proxy's HTML 502; the error is the SDK's chain
// (OperationError → MaxAttemptsError → ResponseError with the status) that awserr classifies
// as transient; Observe sees the call once, after its retries.
func TestRetries(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 2, 4} {
		srv := awsapitest.New(t, awsapitest.Answer{Status: http.StatusBadGateway, Header: map[string]string{"Content-Type": "text/html"}, Body: html})
		cfg := srv.Config()
		cfg.RetryMaxAttempts = n
		obs := &observed{}
		c := awsapi.New(cfg, svc, func(o *awsapi.Options) { o.Observe = obs.observe })
		err := c.Do(context.Background(), "Get", in{Name: "x"}, &out{})
		if got := len(srv.Requests()); got != n {
			t.Errorf("AWS_MAX_ATTEMPTS=%d: %d attempts", n, got)
		}
		var op *smithy.OperationError
		var re *awshttp.ResponseError
		var api smithy.APIError
		if !errors.As(err, &op) || op.ServiceID != svc.ID || op.OperationName != "Get" || !errors.As(err, &re) ||
			re.HTTPStatusCode() != http.StatusBadGateway || !errors.As(err, &api) || api.ErrorFault() != smithy.FaultServer {
			t.Fatalf("error %v: want OperationError around a 502 server fault", err)
		}
		if strings.Contains(err.Error(), "<html>") {
			t.Errorf("error quotes the page: %v", err)
		}
		var max *retry.MaxAttemptsError
		if !errors.As(err, &max) || max.Attempt != n || !awserr.Transient(err) {
			t.Errorf("AWS_MAX_ATTEMPTS=%d: %v: want MaxAttemptsError (as the SDK, even for one attempt), transient", n, err)
		}
		if len(obs.calls) != 1 || obs.calls[0] != "Test Service/Get/failed" {
			t.Errorf("observed %v, want one failed call", obs.calls)
		}
	}
}

// noDelay is a backoff without waits, for the throttling test.
type noDelay struct{}

func (noDelay) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

// TestThrottlingRetried: a throttling code (ThrottlingException, and DynamoDB's
// ProvisionedThroughputExceededException) is retried by the SDK's retryer and the call succeeds
// with the next answer, decoded; Observe sees one successful call.
func TestThrottlingRetried(t *testing.T) {
	t.Parallel()
	for _, code := range []string{"ThrottlingException", "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", "RequestLimitExceeded"} {
		srv := awsapitest.New(t, awsapitest.Answer{Status: http.StatusBadRequest, Body: `{"__type":"` + code + `","message":"slow down"}`},
			awsapitest.Answer{Body: `{"Value":"v"}`})
		cfg := srv.Config()
		cfg.Retryer = func() aws.Retryer { return retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noDelay{} }) }
		obs := &observed{}
		var got out
		err := awsapi.New(cfg, svc, func(o *awsapi.Options) { o.Observe = obs.observe }).Do(context.Background(), "Get", in{}, &got)
		if err != nil || got.Value != "v" || len(srv.Requests()) != 2 {
			t.Errorf("%s: %v, %+v after %d requests; want v after 2", code, err, got, len(srv.Requests()))
		}
		if len(obs.calls) != 1 || obs.calls[0] != "Test Service/Get/ok" {
			t.Errorf("observed %v, want one successful call", obs.calls)
		}
	}
}

// TestNotRetried: a client error (a failed condition) is answered at once: one attempt.
func TestNotRetried(t *testing.T) {
	t.Parallel()
	srv := awsapitest.New(t, awsapitest.Answer{Status: http.StatusBadRequest, Body: `{"__type":"ConditionalCheckFailedException","message":"no"}`})
	err := awsapi.New(srv.Config(), svc).Do(context.Background(), "Put", in{}, nil)
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "ConditionalCheckFailedException" || len(srv.Requests()) != 1 {
		t.Errorf("%v after %d requests; want the code after 1", err, len(srv.Requests()))
	}
}

// TestCancelDuringBackoff: a context cancelled while the client waits to retry ends the call
// then, not after the backoff, with the context's error; Observe still sees it once.
func TestCancelDuringBackoff(t *testing.T) {
	t.Parallel()
	slow := svc
	slow.BaseDelay = 10 * time.Second
	srv := awsapitest.New(t, awsapitest.Answer{Status: http.StatusServiceUnavailable, Body: `{"__type":"ServiceUnavailable"}`})
	obs := &observed{}
	c := awsapi.New(srv.Config(), slow, func(o *awsapi.Options) { o.Observe = obs.observe })
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for len(srv.Requests()) == 0 {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond) // in the backoff now
		cancel()
	}()
	start := time.Now()
	err := c.Do(ctx, "Get", in{}, nil)
	if !errors.Is(err, context.Canceled) || time.Since(start) > 5*time.Second {
		t.Errorf("%v after %v; want context.Canceled at once", err, time.Since(start))
	}
	if n := len(srv.Requests()); n != 1 || len(obs.calls) != 1 {
		t.Errorf("%d requests, observed %v; want 1 and 1", n, obs.calls)
	}
}

// TestRequest: the request is a POST of the JSON input with the protocol's content type, the
// target <prefix>.<op>, signed for the service's signing name in the region with the
// configuration's credentials (the session token travels).
func TestRequest(t *testing.T) {
	t.Parallel()
	srv := awsapitest.New(t)
	cfg := srv.Config()
	cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKIDROLE", SecretAccessKey: "s", SessionToken: "tok"}, nil
	})
	if err := awsapi.New(cfg, svc).Do(context.Background(), "Get", in{Name: "n"}, nil); err != nil {
		t.Fatal(err)
	}
	r := srv.Requests()[0]
	if r.Target != "Test_20261206.Get" || r.ContentType != "application/x-amz-json-1.0" || string(r.Body) != `{"Name":"n"}` ||
		!strings.Contains(r.Authorization, "Credential=AKIDROLE/") || !strings.Contains(r.Authorization, "/eu-west-2/testsvc/aws4_request") {
		t.Errorf("request %+v", r)
	}
}

// endpoints answers GetServiceBaseEndpoint as shared/setup's configuration source does.
type endpoints map[string]string

func (e endpoints) GetServiceBaseEndpoint(_ context.Context, id string) (string, bool, error) {
	v, ok := e[id]
	return v, ok, nil
}

// TestEndpoint: Options.Endpoint wins; then the service's own endpoint from the configuration
// sources (AWS_ENDPOINT_URL_<SERVICE>), by its SDK id; then aws.Config.BaseEndpoint
// (AWS_ENDPOINT_URL); then the public regional endpoint, in China under amazonaws.com.cn.
func TestEndpoint(t *testing.T) {
	t.Parallel()
	base := aws.String("http://base")
	own := []any{endpoints{"Test Service": "http://own"}}
	other := []any{endpoints{"Other": "http://other"}}
	for _, tc := range []struct {
		name string
		cfg  aws.Config
		opt  string
		want string
	}{
		{"option", aws.Config{Region: "eu-west-2", BaseEndpoint: base, ConfigSources: own}, "http://opt", "http://opt"},
		{"service's own", aws.Config{Region: "eu-west-2", BaseEndpoint: base, ConfigSources: own}, "", "http://own"},
		{"another service's", aws.Config{Region: "eu-west-2", BaseEndpoint: base, ConfigSources: other}, "", "http://base"},
		{"base", aws.Config{Region: "eu-west-2", BaseEndpoint: base}, "", "http://base"},
		{"regional", aws.Config{Region: "eu-west-2"}, "", "https://testsvc.eu-west-2.amazonaws.com"},
		{"china", aws.Config{Region: "cn-north-1"}, "", "https://testsvc.cn-north-1.amazonaws.com.cn"},
	} {
		c := awsapi.New(tc.cfg, svc, func(o *awsapi.Options) { o.Endpoint = tc.opt })
		if got := c.Endpoint(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestRetryer: the client's retryer is the one an SDK client builds: standard with the
// service's attempts (AWS_MAX_ATTEMPTS over them), adaptive under AWS_RETRY_MODE=adaptive.
func TestRetryer(t *testing.T) {
	t.Parallel()
	four := svc
	four.MaxAttempts = 4
	for _, tc := range []struct {
		cfg      aws.Config
		attempts int
		adaptive bool
	}{
		{aws.Config{}, 4, false},
		{aws.Config{RetryMaxAttempts: 7}, 7, false},
		{aws.Config{RetryMode: aws.RetryModeAdaptive}, 4, true},
		{aws.Config{RetryMode: aws.RetryModeAdaptive, RetryMaxAttempts: 2}, 2, true},
	} {
		r := awsapi.New(tc.cfg, four).Retryer()
		_, adaptive := r.(*retry.AdaptiveMode)
		if r.MaxAttempts() != tc.attempts || adaptive != tc.adaptive {
			t.Errorf("%+v: %T with %d attempts; want %d, adaptive %v", tc.cfg, r, r.MaxAttempts(), tc.attempts, tc.adaptive)
		}
	}
}
