// Package setup wires the clients every function builds once per cold start and reuses across
// warm invocations: configuration, the credentials secret, the mTLS HTTP client, the token client,
// the bank API client and the consent store. Functions' main.go call Load; tests call New with
// clients pointed at kumo and the sandbox bank, so both run the same wiring.
package setup

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/secretsmanager"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banksig"
	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/mtls"
	"github.com/coop-ob/connector/shared/oauth"
)

// Deps are the long-lived clients of one function instance.
type Deps struct {
	Config config.Config
	// AWS is the AWS configuration the clients were built from (zero when NewWith was given
	// built clients), for a function's own clients (SQS, the result signer's KMS).
	AWS         aws.Config
	Logger      *slog.Logger
	Credentials *credentials.Source
	HTTP        *http.Client // mTLS, trusting only the secret's CA bundle
	OAuth       *oauth.Client
	Bank        *bankapi.Client
	Store       *consent.Store
	// Scan is the table client's Scan, for the sealing pass of the tokens function; nil when
	// the store's client has none (a test's wrapper).
	Scan consent.ScanAPI
	Now  func() time.Time
	// Metrics writes the connector's metric lines (shared/metrics) to stdout, in
	// METRICS_NAMESPACE; each function's edge puts it in the request's context.
	Metrics *metrics.Recorder

	authStyle  oauth.AuthStyle // TOKEN_AUTH_METHOD, parsed once
	preconnect func(rawURL string)
}

// Load reads the configuration and the AWS configuration (AWSConfig) from the process
// environment and builds Deps. The logger writes JSON to stdout, which Lambda's JSON log format keeps as is.
func Load(ctx context.Context) (*Deps, error) {
	// Every line of a request carries its Lambda and API Gateway request ids (lambdactx.IDHandler).
	logger := slog.New(lambdactx.NewIDHandler(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: logLevel(os.Getenv("AWS_LAMBDA_LOG_LEVEL"))})))
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		return nil, err
	}
	awsCfg, err := AWSConfig(os.Getenv)
	if err != nil {
		return nil, err
	}
	return New(cfg, awsCfg, logger)
}

// New builds Deps from an explicit configuration and AWS configuration.
func New(cfg config.Config, awsCfg aws.Config, logger *slog.Logger) (*Deps, error) {
	ddb, sm := AWSClients(awsCfg)
	d, err := NewWith(cfg, ddb, sm, logger)
	if err != nil {
		return nil, err
	}
	d.AWS = awsCfg
	d.UseSealer(KMSClient(awsCfg))
	return d, nil
}

// AWSAttemptTimeout bounds one attempt of a DynamoDB or Secrets Manager call (they take
// milliseconds). Without it a connection that hangs holds the function until its own timeout
// and the app gets no answer; with it the SDK retries (3 attempts in all) and a store that
// stays silent answers 503 retry-later well inside the functions' 15 s.
const AWSAttemptTimeout = 2 * time.Second

// AWSClients builds the DynamoDB and Secrets Manager clients from awsCfg, each attempt bounded
// by AWSAttemptTimeout.
func AWSClients(awsCfg aws.Config) (*dynamodb.Client, *secretsmanager.Client) {
	hc := awshttp.NewBuildableClient().WithTimeout(AWSAttemptTimeout)
	if bc, ok := awsCfg.HTTPClient.(*awshttp.BuildableClient); ok {
		hc = bc.WithTimeout(AWSAttemptTimeout)
	}
	// shared/awsapi's client, not the SDK's: no CRC32 check of the answer (it adds nothing over
	// TLS, and emulators such as kumo do not send it).
	ddb := dynamodb.NewFromConfig(awsCfg, func(o *dynamodb.Options) {
		o.HTTPClient = hc
		o.Observe = metrics.ObserveAWS
	})
	sm := secretsmanager.NewFromConfig(awsCfg, func(o *secretsmanager.Options) {
		o.HTTPClient = hc
		o.Observe = metrics.ObserveAWS
	})
	return ddb, sm
}

// NewWith builds Deps from already-built AWS service clients.
func NewWith(cfg config.Config, ddb consent.DynamoDBAPI, sm credentials.SecretsAPI, logger *slog.Logger) (*Deps, error) {
	style, err := oauth.ParseAuthStyle(cfg.TokenAuthMethod)
	if err != nil {
		return nil, err
	}
	src := credentials.NewSource(sm, cfg.CredentialsSecretID, cfg.SecretCacheTTL, logger)
	src.ExpiryWarnDays = cfg.CertExpiryWarnDays
	hc, preconnect := mtls.NewPreconnectingClient(src, cfg.BankHTTPTimeout)
	// Every bank and token call is measured and logged with its interaction id (bankapi.Observed).
	hc.Transport = bankapi.Observed(hc.Transport, tokenPath(cfg.BankTokenURL))
	store := consent.New(ddb, cfg.TableName)
	store.ReconfirmPeriod, store.ReconfirmWarn = cfg.ReconfirmPeriod, cfg.ReconfirmWarn
	store.PaymentPollBackoff, store.PaymentPollLimit = cfg.PaymentPollBackoff, cfg.PaymentPollLimit
	store.EndedRetention = cfg.EndedRetention
	if cfg.RefreshShards > 0 {
		store.Shards = cfg.RefreshShards
	}
	d := &Deps{
		Config:      cfg,
		Logger:      logger,
		Credentials: src,
		HTTP:        hc,
		Store:       store,
		Now:         time.Now,
		Metrics:     metrics.New(os.Stdout, cfg.MetricsNamespace, cfg.Environment),
	}
	d.authStyle, d.preconnect = style, preconnect
	d.Scan, _ = ddb.(consent.ScanAPI)
	d.OAuth = d.TokenClient(hc, cfg.BankTokenURL)
	d.Bank = &bankapi.Client{BaseURL: cfg.BankAPIBaseURL, HTTP: hc, FinancialID: cfg.FinancialID, Now: d.now}
	// PIS_SIGNATURE: the bank's JWKS, when given as a URL, is fetched over public TLS (not mTLS).
	if sig := banksig.New(cfg.PISSignature, src, &http.Client{Timeout: cfg.BankHTTPTimeout}, logger, d.now); sig != nil {
		d.Bank.Answers = sig
	}
	return d, nil
}

// TokenClient builds a token client as Deps.OAuth is built (client id and secret from the
// credentials secret on every call, REDIRECT_URI, TOKEN_AUTH_METHOD, the Deps clock) over hc and
// tokenURL. Deps.OAuth is one; tests use it for an empty cache, another transport or endpoint.
func (d *Deps) TokenClient(hc *http.Client, tokenURL string) *oauth.Client {
	return oauth.New(func(ctx context.Context) (oauth.Config, error) {
		c, err := d.Credentials.Get(ctx)
		if err != nil {
			return oauth.Config{}, err
		}
		return oauth.Config{
			TokenURL:     tokenURL,
			ClientID:     c.ClientID,
			ClientSecret: c.ClientSecret,
			RedirectURI:  d.Config.RedirectURI,
			AuthStyle:    d.authStyle,
		}, nil
	}, hc, d.now)
}

// now lets tests swap Deps.Now after New and have every client follow.
func (d *Deps) now() time.Time { return d.Now() }

// SetClock points the store and the credentials cache at the same clock as Deps.Now.
func (d *Deps) SetClock(now func() time.Time) {
	d.Now = now
	d.Store.Now = now
	d.Credentials.Now = now
}

// tokenPath is the path of the token endpoint's URL (checked by config.Load).
func tokenPath(tokenURL string) string {
	u, err := url.Parse(tokenURL)
	if err != nil {
		return ""
	}
	return u.Path
}

func logLevel(s string) slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return slog.LevelInfo
	}
	return l
}
