// Package testenv starts the real parts a function's tests run against: kumo (DynamoDB and
// Secrets Manager, in-process), the table created from the store's definition, the sandbox bank
// over real mTLS with its generated credentials loaded into the secret, and the connector's
// clients wired by shared/setup exactly as a cold start wires them. Nothing here is a mock.
package testenv

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awscreds "github.com/aws/aws-sdk-go-v2/credentials"
	sdkdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	sdkkms "github.com/aws/aws-sdk-go-v2/service/kms"
	sdksm "github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/sivchari/kumo"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/table"
	"github.com/coop-ob/connector/shared/awsapi"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/awsapi/secretsmanager"
	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/oauth"
	"github.com/coop-ob/connector/shared/setup"
)

// RedirectURI and ResultURL are the values the environment registers and configures.
const (
	RedirectURI = "https://tpp.example.com/callback"
	ResultURL   = "https://app.example.com/openbanking/result"
)

// kumo's in-process state is global and NewServer is not safe to call concurrently:
// one server per test binary, one table and one secret per Env.
var (
	kumoOnce sync.Once
	kumoSrv  *kumo.Server
)

// KumoURL returns the URL of the process's kumo server, starting it on first use.
func KumoURL() string {
	kumoOnce.Do(func() { kumoSrv = kumo.NewServer() })
	return kumoSrv.URL
}

// Options adjust an Env.
type Options struct {
	Bank sandbox.Options      // RedirectURI is forced to RedirectURI
	Env  map[string]string    // overrides of the configuration variables
	Tune func(*config.Config) // last word on the configuration
	// Faults, when set, sits between the connector's AWS clients (Deps, DDB, SM) and kumo. Each
	// client keeps the SDK's standard retryer with its service's attempts (4 for DynamoDB, 3 for
	// Secrets Manager) and retryable errors, with two changes: the backoff is capped at a few
	// milliseconds, so a fault that outlasts the retries costs no seconds, and the client-wide
	// retry quota is off, so one test's faults do not shorten the next one's retries (its
	// exhaustion is an error awserr classifies like the faults themselves).
	Faults *awsfault.Injector
}

// Env is one isolated environment.
type Env struct {
	Bank *sandbox.Bank
	Deps *setup.Deps
	// DDB is the connector's DynamoDB client (shared/awsapi/dynamodb, through Faults when set);
	// SDK is the SDK's, for what only the SDK has (BatchWriteItem, the table's description),
	// never through Faults.
	DDB *dynamodb.Client
	SDK *sdkdynamodb.Client
	SM  *secretsmanager.Client // the connector's Secrets Manager client (through Faults when set)
	KMS *kms.Client            // the connector's KMS client (through Faults when set)
	// SMAdmin is the SDK's Secrets Manager client, without faults, for a test's own secrets.
	SMAdmin *sdksm.Client
	Table   string
	Secret  string
	Logs    *SyncBuffer // every log line the connector's logger wrote
	// Metrics: every metric line the connector wrote through Deps.Metrics (shared/metrics), which
	// in Lambda go to stdout.
	Metrics *SyncBuffer
}

// Start builds an Env and registers its cleanup on t.
func Start(t testing.TB, o Options) *Env {
	t.Helper()
	ctx := context.Background()
	endpoint := KumoURL()
	awsCfg := aws.Config{
		Region:      "eu-west-2",
		Credentials: awscreds.NewStaticCredentialsProvider("test", "test", ""),
	}
	if o.Faults != nil {
		awsCfg.HTTPClient = &http.Client{Transport: o.Faults.Transport(nil)}
	}
	ddbCfg := awsCfg
	if o.Faults != nil {
		ddbCfg.Retryer = func() aws.Retryer {
			return quickRetryer(retry.NewStandard(func(so *retry.StandardOptions) { so.MaxAttempts = dynamodb.Service.MaxAttempts }))
		}
	}
	ddb := dynamodb.NewFromConfig(ddbCfg, func(op *dynamodb.Options) {
		op.Endpoint = endpoint
		op.Observe = metrics.ObserveAWS
	})
	sdk := sdkdynamodb.NewFromConfig(aws.Config{Region: awsCfg.Region, Credentials: awsCfg.Credentials}, func(op *sdkdynamodb.Options) {
		op.BaseEndpoint = aws.String(endpoint)
		op.DisableValidateResponseChecksum = true
	})
	// The connector's Secrets Manager and KMS clients (shared/awsapi), with the SDK's defaults
	// of 3 attempts; SMAdmin is the SDK's, for the tests' own secrets.
	connCfg := awsCfg
	if o.Faults != nil {
		connCfg.Retryer = func() aws.Retryer { return quickRetryer(retry.NewStandard()) }
	}
	observed := func(op *awsapi.Options) {
		op.Endpoint = endpoint
		op.Observe = metrics.ObserveAWS
	}
	sm := secretsmanager.NewFromConfig(connCfg, observed)
	kc := kms.NewFromConfig(connCfg, observed)
	smAdmin := sdksm.NewFromConfig(awsCfg, func(op *sdksm.Options) { op.BaseEndpoint = aws.String(endpoint) })

	bo := o.Bank
	bo.RedirectURI = RedirectURI
	b, err := sandbox.Start(ctx, bo)
	if err != nil {
		t.Fatalf("start sandbox bank: %v", err)
	}
	t.Cleanup(func() { _ = b.Close() })

	suffix := Random(6)
	tableName := "connector-" + suffix
	if err := table.Create(ctx, sdk, tableName); err != nil {
		t.Fatalf("create table: %v", err)
	}
	secret := "connector/credentials-" + suffix
	if _, err := smAdmin.CreateSecret(ctx, &sdksm.CreateSecretInput{
		Name: aws.String(secret), SecretString: aws.String(string(b.SecretJSON())),
	}); err != nil {
		t.Fatalf("create secret: %v", err)
	}

	// The key is made without the fault injector: faults are for the connector's calls.
	key, err := sdkkms.New(sdkkms.Options{Region: awsCfg.Region, Credentials: awsCfg.Credentials, BaseEndpoint: aws.String(endpoint)}).
		CreateKey(ctx, &sdkkms.CreateKeyInput{Description: aws.String(tableName)})
	if err != nil {
		t.Fatalf("create kms key: %v", err)
	}

	vars := map[string]string{
		"SEAL_KEY_ID":           *key.KeyMetadata.KeyId,
		"ENVIRONMENT":           "sandbox",
		"TABLE_NAME":            tableName,
		"CREDENTIALS_SECRET_ID": secret,
		"BANK_API_BASE_URL":     b.APIURL(),
		"BANK_TOKEN_URL":        b.TokenURL(),
		"BANK_AUTH_URL_COOP":    b.AuthURL("coop"),
		"BANK_AUTH_URL_SMILE":   b.AuthURL("smile"),
		"REDIRECT_URI":          RedirectURI,
		"RESULT_URL":            ResultURL,
	}
	for k, v := range o.Env {
		vars[k] = v
	}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	if o.Tune != nil {
		o.Tune(&cfg)
	}
	logs := &SyncBuffer{}
	logger := slog.New(lambdactx.NewIDHandler(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	deps, err := setup.NewWith(cfg, ddb, sm, logger)
	if err != nil {
		t.Fatalf("setup: %v", err)
	}
	deps.UseSealer(kc)
	deps.SetClock(b.Now) // the connector and the bank share one clock, so Advance moves both
	metricLines := &SyncBuffer{}
	deps.Metrics = metrics.New(metricLines, cfg.MetricsNamespace, cfg.Environment)
	return &Env{Bank: b, Deps: deps, DDB: ddb, SDK: sdk, SM: sm, KMS: kc, SMAdmin: smAdmin, Table: tableName, Secret: secret, Logs: logs, Metrics: metricLines}
}

// quickRetryer is the standard retryer with the attempts of def (the service's default),
// waits of at most 5 ms and no retry quota (Options.Faults).
func quickRetryer(def aws.Retryer) aws.Retryer {
	return retry.NewStandard(func(so *retry.StandardOptions) {
		so.MaxAttempts = def.MaxAttempts()
		so.MaxBackoff = 5 * time.Millisecond
		so.RateLimiter = ratelimit.None
	})
}

// Random returns n random bytes as hex.
func Random(n int) string {
	p := make([]byte, n)
	_, _ = rand.Read(p)
	return hex.EncodeToString(p)
}

// AssertNoSecrets fails t when any of the given values appears in the collected logs.
// Values shorter than 8 characters are ignored: they would match by accident.
func (e *Env) AssertNoSecrets(t testing.TB, values ...string) {
	t.Helper()
	logs := e.Logs.String()
	for _, v := range values {
		if len(v) >= 8 && strings.Contains(logs, v) {
			t.Errorf("a secret value (%d chars, starting %q) appears in the logs", len(v), v[:3])
		}
	}
}

// SyncBuffer is a bytes.Buffer safe for concurrent writers.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns everything written so far.
func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// OAuthWithHook returns a token client built like Deps.OAuth whose transport runs hook after
// each token-endpoint response has been received in full, before the caller sees it: what
// happens "while a token request is in flight" (a revocation, a re-authorisation, a lease taken
// over) then happens deterministically.
func (e *Env) OAuthWithHook(hook func()) *oauth.Client {
	hc := *e.Deps.HTTP
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	hc.Transport = afterTokenResponse{base: base, path: tokenPath(e.Deps.Config.BankTokenURL), hook: hook}
	return e.Deps.TokenClient(&hc, e.Deps.Config.BankTokenURL)
}

type afterTokenResponse struct {
	base http.RoundTripper
	path string
	hook func()
}

func (a afterTokenResponse) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := a.base.RoundTrip(r)
	if err != nil || r.URL.Path != a.path {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	a.hook()
	return resp, nil
}

func tokenPath(tokenURL string) string {
	u, err := url.Parse(tokenURL)
	if err != nil {
		return ""
	}
	return u.Path
}
