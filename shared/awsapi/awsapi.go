// Package awsapi calls AWS services that speak the AWS JSON protocol (DynamoDB, DynamoDB
// Streams, KMS, Secrets Manager, SQS, EventBridge) without the SDK's service packages.
//
// Those packages are generated for every operation of their service and build schema and
// endpoint-rule tables in package init: about 0.3–0.5 ms each at every cold start, for the few
// operations a function uses (docs/performance.md). A service here is a Service description
// and typed wrappers of its operations around Client.Do. What is kept from the SDK is what is
// worth keeping: aws.Config (credentials, region, retry settings), the Signature Version 4
// signer, the SDK's retryers (standard and adaptive, with their retry quota), and the SDK's
// error shapes (smithy.OperationError around awshttp.ResponseError around the service's
// modelled error), so that code classifying errors with errors.As reads them as before.
//
// Left out, as the functions do not need them: the SDK's clock-skew correction of the signing
// time (Lambda's clock is synchronised), waiting out an x-amz-retry-after header (the
// retryer's own backoff applies), DynamoDB's CRC32 answer check (it adds nothing over TLS, and
// the connector had it off), endpoint discovery, FIPS and dual-stack endpoints (set
// AWS_ENDPOINT_URL_<SERVICE> for those), account-based DynamoDB endpoints (the regional one
// serves every account), and the SDK's user agent. Answers may come gzip-compressed: Go's
// transport asks for that and decompresses them.
package awsapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Service describes one AWS JSON-protocol service.
type Service struct {
	// ID is the service's SDK id ("DynamoDB", "Secrets Manager"): the ServiceID of its
	// errors, the AWSErrors metric's Service, and, in capitals with spaces as underscores,
	// the suffix of its AWS_ENDPOINT_URL_<SERVICE> variable.
	ID string
	// SigningName is the SigV4 service name ("dynamodb", "kms").
	SigningName string
	// EndpointPrefix is the host's first label(s) in the default endpoint
	// https://<prefix>.<region>.amazonaws.com ("dynamodb", "streams.dynamodb").
	EndpointPrefix string
	// TargetPrefix is the X-Amz-Target prefix ("DynamoDB_20120810", "TrentService").
	TargetPrefix string
	// JSONVersion is the protocol's version: "1.0" or "1.1".
	JSONVersion string
	// MaxAttempts and BaseDelay are the service's retry defaults (0: the SDK's, 3 attempts and
	// its standard backoff); AWS_MAX_ATTEMPTS (aws.Config.RetryMaxAttempts) wins over MaxAttempts.
	MaxAttempts int
	BaseDelay   time.Duration
	// Errors turns a modelled error code and the error's JSON body into the service's typed
	// error (the SDK's types, so that errors.As finds them); nil (or a nil result) leaves a
	// smithy.GenericAPIError.
	Errors func(code, message string, body []byte) smithy.APIError
	// ServerFaults are the codes of modelled errors that are the service's fault.
	ServerFaults map[string]bool
}

// Options are a Client's settings beyond aws.Config.
type Options struct {
	// HTTPClient sends the requests; aws.Config's when nil, else a new BuildableClient.
	HTTPClient aws.HTTPClient
	// Observe, when set, sees every call's final outcome (after retries).
	Observe func(ctx context.Context, service, operation string, err error)
	// Endpoint overrides the resolved endpoint (a URL).
	Endpoint string
}

// Client calls one service.
type Client struct {
	svc      Service
	region   string
	endpoint string
	creds    aws.CredentialsProvider
	http     aws.HTTPClient
	retryer  aws.RetryerV2
	signer   *v4.Signer
	observe  func(ctx context.Context, service, operation string, err error)
}

// endpointSource is the configuration source shared/setup puts in aws.Config.ConfigSources
// for AWS_ENDPOINT_URL_<SERVICE> (the SDK's own interface, kept so both read the same).
type endpointSource interface {
	GetServiceBaseEndpoint(ctx context.Context, sdkID string) (string, bool, error)
}

// New builds a client of svc from cfg: its region, credentials, retry mode and maximum
// attempts, HTTP client and endpoint (a service's own endpoint from cfg.ConfigSources, else
// cfg.BaseEndpoint, else the service's public regional endpoint).
func New(cfg aws.Config, svc Service, optFns ...func(*Options)) *Client {
	o := Options{HTTPClient: cfg.HTTPClient}
	for _, fn := range optFns {
		fn(&o)
	}
	if o.HTTPClient == nil {
		o.HTTPClient = awshttp.NewBuildableClient()
	}
	c := &Client{svc: svc, region: cfg.Region, creds: cfg.Credentials, http: o.HTTPClient,
		signer: v4.NewSigner(), observe: o.Observe, endpoint: o.Endpoint}
	if c.endpoint == "" {
		c.endpoint = resolveEndpoint(cfg, svc)
	}
	c.retryer = retryerFor(cfg, svc)
	return c
}

// With returns a copy of c with optFns applied to its options (the HTTP client, the observer,
// the endpoint), for one call's options as an SDK client's per-call options; the copy shares
// c's retryer and its retry quota, as they do.
func (c *Client) With(optFns ...func(*Options)) *Client {
	o := Options{HTTPClient: c.http, Observe: c.observe, Endpoint: c.endpoint}
	for _, fn := range optFns {
		fn(&o)
	}
	cc := *c
	cc.http, cc.observe, cc.endpoint = o.HTTPClient, o.Observe, o.Endpoint
	if cc.http == nil {
		cc.http = c.http
	}
	if cc.endpoint == "" {
		cc.endpoint = c.endpoint
	}
	return &cc
}

// Endpoint is the URL the client sends its requests to.
func (c *Client) Endpoint() string { return c.endpoint }

// Retryer is the client's retryer.
func (c *Client) Retryer() aws.RetryerV2 { return c.retryer }

// HTTPClient is the client that sends the requests.
func (c *Client) HTTPClient() aws.HTTPClient { return c.http }

func resolveEndpoint(cfg aws.Config, svc Service) string {
	for _, src := range cfg.ConfigSources {
		if es, ok := src.(endpointSource); ok {
			if v, found, err := es.GetServiceBaseEndpoint(context.Background(), svc.ID); err == nil && found && v != "" {
				return v
			}
		}
	}
	if cfg.BaseEndpoint != nil && *cfg.BaseEndpoint != "" {
		return *cfg.BaseEndpoint
	}
	suffix := "amazonaws.com"
	if strings.HasPrefix(cfg.Region, "cn-") {
		suffix = "amazonaws.com.cn"
	}
	return "https://" + svc.EndpointPrefix + "." + cfg.Region + "." + suffix
}

// retryerFor builds the retryer an SDK client of svc would build from cfg.
func retryerFor(cfg aws.Config, svc Service) aws.RetryerV2 {
	var r aws.Retryer
	if cfg.Retryer != nil {
		r = cfg.Retryer()
	} else {
		std := func(so *retry.StandardOptions) {
			if svc.MaxAttempts > 0 {
				so.MaxAttempts = svc.MaxAttempts
			}
			if svc.BaseDelay > 0 {
				so.BaseDelay = svc.BaseDelay
			}
			if cfg.RetryMaxAttempts > 0 {
				so.MaxAttempts = cfg.RetryMaxAttempts
			}
		}
		if cfg.RetryMode == aws.RetryModeAdaptive {
			r = retry.NewAdaptiveMode(func(ao *retry.AdaptiveModeOptions) {
				ao.StandardOptions = append(ao.StandardOptions, std)
			})
		} else {
			r = retry.NewStandard(std)
		}
	}
	if cfg.Retryer != nil && cfg.RetryMaxAttempts > 0 {
		r = retry.AddWithMaxAttempts(r, cfg.RetryMaxAttempts)
	}
	if v2, ok := r.(aws.RetryerV2); ok {
		return v2
	}
	return retryV2{r}
}

// retryV2 adapts a retryer without GetAttemptToken.
type retryV2 struct{ aws.Retryer }

func (r retryV2) GetAttemptToken(context.Context) (func(error) error, error) {
	return r.GetInitialToken(), nil
}

// An AnswerDecoder is an out of Do that decodes a plain answer's body itself, in one pass
// (encoding/json's results, without its passes): DecodeAnswer reports false for a body it
// leaves to encoding/json.
type AnswerDecoder interface {
	DecodeAnswer(data []byte) bool
}

// Do calls operation op with in (encoded with encoding/json) and decodes the answer into out
// (nil: discarded; see AnswerDecoder), retrying as the retryer says. Its error is a *smithy.OperationError
// around the last attempt's error: an *awshttp.ResponseError around the service's typed error
// for an answer with an error status, or the transport's error; a *retry.MaxAttemptsError
// between them when the attempts ran out.
func (c *Client) Do(ctx context.Context, op string, in, out any) error {
	body, err := json.Marshal(in)
	if err == nil {
		err = c.retry(ctx, op, body, out)
	}
	if err != nil {
		err = &smithy.OperationError{ServiceID: c.svc.ID, OperationName: op, Err: err}
	}
	if c.observe != nil {
		c.observe(ctx, c.svc.ID, op, err)
	}
	return err
}

func (c *Client) retry(ctx context.Context, op string, body []byte, out any) error {
	release := func(error) error { return nil }
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		releaseAttempt, err := c.retryer.GetAttemptToken(ctx)
		if err != nil {
			return fmt.Errorf("failed to get retry Send token, %w", err)
		}
		err = c.attempt(ctx, op, body, out)
		_ = release(err)
		_ = releaseAttempt(err)
		if err == nil {
			return nil
		}
		if !c.retryer.IsErrorRetryable(err) {
			return err
		}
		if max := c.retryer.MaxAttempts(); max > 0 && attempt >= max {
			return &retry.MaxAttemptsError{Attempt: attempt, Err: err}
		}
		if release, err = c.retryer.GetRetryToken(ctx, err); err != nil {
			return err
		}
		delay, derr := c.retryer.RetryDelay(attempt, err)
		if derr != nil {
			return derr
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// attempt sends one signed request and reads its answer.
func (c *Client) attempt(ctx context.Context, op string, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-"+c.svc.JSONVersion)
	req.Header.Set("X-Amz-Target", c.svc.TargetPrefix+"."+op)
	creds, err := c.creds.Retrieve(ctx)
	if err != nil {
		return fmt.Errorf("credentials: %w", err)
	}
	sum := sha256.Sum256(body)
	if err := c.signer.SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), c.svc.SigningName, c.region, time.Now().UTC()); err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return &smithyhttp.RequestSendError{Err: err}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return &smithyhttp.RequestSendError{Err: err} // the connection dropped mid-answer
	}
	if resp.StatusCode < 300 {
		if out == nil || len(data) == 0 {
			return nil
		}
		if d, ok := out.(AnswerDecoder); ok && d.DecodeAnswer(data) {
			return nil
		}
		if err := json.Unmarshal(data, out); err != nil {
			// No snapshot of the body: it may hold a secret or a token.
			return &smithy.DeserializationError{Err: err}
		}
		return nil
	}
	return &awshttp.ResponseError{
		ResponseError: &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: resp}, Err: c.apiError(resp, data)},
		RequestID:     firstHeader(resp.Header, "X-Amzn-Requestid", "X-Amz-Request-Id"),
	}
}

// apiError decodes an error answer: its code from the X-Amzn-Errortype header or the body's
// __type or code (without namespace and after-colon detail), its message from message or Message.
func (c *Client) apiError(resp *http.Response, data []byte) error {
	var e struct {
		Type     string `json:"__type"`
		Code     string `json:"code"`
		Message  string `json:"message"`
		Message2 string `json:"Message"`
	}
	_ = json.Unmarshal(data, &e)
	code := resp.Header.Get("X-Amzn-Errortype")
	if code == "" {
		code = e.Type
	}
	if code == "" {
		code = e.Code
	}
	code = sanitizeCode(code)
	msg := e.Message
	if msg == "" {
		msg = e.Message2
	}
	if code == "" {
		// Not a modelled answer (a proxy's HTML page, an empty body): the status says it all.
		code = "UnknownError"
		if msg == "" {
			msg = http.StatusText(resp.StatusCode)
		}
	}
	if c.svc.Errors != nil {
		if typed := c.svc.Errors(code, msg, data); typed != nil {
			return typed
		}
	}
	fault := smithy.FaultClient
	if resp.StatusCode >= 500 || c.svc.ServerFaults[code] {
		fault = smithy.FaultServer
	}
	return &smithy.GenericAPIError{Code: code, Message: msg, Fault: fault}
}

// sanitizeCode keeps an error code's name: "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"
// and "ResourceNotFoundException:http://…" are both "ResourceNotFoundException".
func sanitizeCode(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.LastIndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return strings.TrimSpace(code)
}

func firstHeader(h http.Header, names ...string) string {
	for _, n := range names {
		if v := h.Get(n); v != "" {
			return v
		}
	}
	return ""
}

// Invoke calls op with in (an empty input when nil) and returns its decoded answer: the body of
// every typed operation wrapper of a service package.
func Invoke[In, Out any](ctx context.Context, c *Client, op string, in *In) (*Out, error) {
	if in == nil {
		in = new(In)
	}
	out := new(Out)
	if err := c.Do(ctx, op, in, out); err != nil {
		return nil, err
	}
	return out, nil
}
