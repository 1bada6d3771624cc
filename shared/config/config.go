// Package config reads the connector's typed configuration from environment variables.
//
// The variables are the same in template.yaml (Globals → Environment), the local stack and
// tests; docs/configuration.md lists them. Load reports every missing or invalid variable in
// one error so that a misconfigured deployment is fixed in one pass.
package config

import "time"

// Environment names accepted in ENVIRONMENT.
const (
	Sandbox    = "sandbox"
	Production = "production"
)

// Token endpoint client authentication methods accepted in TOKEN_AUTH_METHOD (RFC 6749 §2.3.1).
const (
	ClientSecretBasic = "client_secret_basic"
	ClientSecretPost  = "client_secret_post"
)

// Refresh policies accepted in REFRESH_POLICY.
const (
	// RefreshOnDemand (the default): the schedule keeps nothing warm. It
	// refreshes only what must happen in the background (keep-alives before a
	// refresh token lapses, backoff retries); an access token is refreshed
	// when a call through the proxy needs it.
	RefreshOnDemand = "ondemand"
	RefreshRecent   = "recent"
	RefreshAll      = "all"
)

// Reconfirmation modes accepted in RECONFIRM_MODE: what happens once a consent's
// reconfirmation is due (docs/reconfirmation.md).
const (
	ReconfirmEnforce = "enforce" // AIS calls answer 403 reconfirmation-required; no warm refresh
	ReconfirmWarn    = "warn"    // nextAction says reconfirm; access goes on
)

// Authorization-URL value settings accepted in AUTH_URL_VALUES (docs/bank-rules.md
// §Authorization URL; shared/authurl.Values).
const (
	AuthURLValuesMinimal = "minimal" // %-encode only %, &, =, + and non-printable or non-ASCII bytes
	AuthURLValuesLiteral = "literal" // values exactly as they are; a payee with & or = is refused
)

// Settings of PIS_SIGNATURE: what the connector does with the x-jws-signature
// of the bank's PIS answers (docs/bank-rules.md §Signed responses; shared/banksig).
const (
	PISSignatureVerify = "verify" // a missing or bad signature makes the answer unusable
	PISSignatureLog    = "log"    // a missing or bad signature is logged; the answer is used
	PISSignatureOff    = "off"    // signatures are not checked
)

// MaxReconfirmPeriod is the longest reconfirmation period: the UK SCA-RTS
// (Article 36(6), as amended by the FCA in PS21/19) asks an AISP to
// reconfirm its customer's consent at least every 90 days.
const MaxReconfirmPeriod = 90 * 24 * time.Hour

// Config is the connector's configuration, one field per environment variable.
type Config struct {
	Environment         string        // ENVIRONMENT: Sandbox or Production
	TableName           string        // TABLE_NAME
	CredentialsSecretID string        // CREDENTIALS_SECRET_ID: name or ARN
	BankAPIBaseURL      string        // BANK_API_BASE_URL: https scheme+host(+port), no path, no trailing slash
	BankTokenURL        string        // BANK_TOKEN_URL
	BankAuthURLCoop     string        // BANK_AUTH_URL_COOP
	BankAuthURLSmile    string        // BANK_AUTH_URL_SMILE
	RedirectURI         string        // REDIRECT_URI: exactly as registered with the bank; "" derives it per request (authflow.RedirectURI)
	ResultURL           string        // RESULT_URL
	AuthSessionTTL      time.Duration // AUTH_SESSION_TTL
	FinancialID         string        // FINANCIAL_ID: x-fapi-financial-id, sent when not empty
	TokenAuthMethod     string        // TOKEN_AUTH_METHOD: ClientSecretBasic or ClientSecretPost
	SecretCacheTTL      time.Duration // SECRET_CACHE_TTL
	BankHTTPTimeout     time.Duration // BANK_HTTP_TIMEOUT
	RefreshLookahead    time.Duration // REFRESH_LOOKAHEAD
	RefreshPolicy       string        // REFRESH_POLICY: RefreshOnDemand, RefreshRecent or RefreshAll
	RefreshRecentWindow time.Duration // REFRESH_RECENT_WINDOW
	RefreshConcurrency  int           // REFRESH_CONCURRENCY
	RefreshShards       int           // REFRESH_SHARDS
	// REFRESH_RATE_LIMIT: token calls per second the scheduled run may make on
	// average; one run makes at most RefreshRateLimit × RefreshInterval.
	RefreshRateLimit   int
	RefreshInterval    time.Duration // REFRESH_INTERVAL: the schedule's period (template: rate(5 minutes))
	CertExpiryWarnDays int           // CERT_EXPIRY_WARN_DAYS
	// RECONFIRM_PERIOD: how long an AIS consent's confirmation lasts; 0 turns
	// the reconfirmation clock off; more than MaxReconfirmPeriod is refused.
	ReconfirmPeriod time.Duration
	ReconfirmWarn   time.Duration // RECONFIRM_WARN: how long before reconfirmBy nextAction says reconfirm
	ReconfirmMode   string        // RECONFIRM_MODE: ReconfirmEnforce or ReconfirmWarn
	// SEAL_KEY_ID: the KMS key (id, ARN or alias) whose data keys seal the
	// secrets in the table (shared/seal). Empty stores them plain: only
	// for tools and tests; the template always sets it.
	SealKeyID      string
	SealKeyMaxAge  time.Duration // SEAL_KEY_MAX_AGE: how long one data key seals values
	SealKeyMaxUses int           // SEAL_KEY_MAX_USES: how many values one data key seals
	// SEAL_PASS_ITEMS: how many table items one scheduled tokens run reads in the upgrade's
	// sealing pass (consent.Store.SealPassStep); 0 turns the pass off.
	SealPassItems int
	// EXTRA_NON_WORKING_DAYS: comma-separated dates YYYY-MM-DD (midnight UTC), bank holidays
	// proclaimed after this release, on which no scheduled payment is dated (banklimits.Calendar).
	ExtraNonWorkingDays []time.Time
	// RESULT_SIGNING_KEY_ID: the KMS key (ECC_NIST_P256, SIGN_VERIFY) that signs the journey
	// result the callback adds to RESULT_URL (shared/resultsig); empty: no signed result.
	ResultSigningKeyID string
	// PAYMENT_POLL_BACKOFF: comma-separated Go durations, the waits before
	// each background poll of a payment not yet final (the last one repeats).
	PaymentPollBackoff []time.Duration
	// PAYMENT_POLL_LIMIT: polls of one payment before the background gives up
	// (its last known status stays recorded).
	PaymentPollLimit int
	AuthURLValues    string // AUTH_URL_VALUES: AuthURLValuesMinimal or AuthURLValuesLiteral
	PISSignature     string // PIS_SIGNATURE: PISSignatureVerify, PISSignatureLog or PISSignatureOff
	// METRICS_NAMESPACE: the CloudWatch namespace of the connector's metrics (shared/metrics);
	// DefaultMetricsNamespace when unset. One per stack keeps two stacks of one environment
	// in an account apart.
	MetricsNamespace string
}

// DefaultPaymentPollBackoff is PAYMENT_POLL_BACKOFF's default: a minute,
// five, half an hour, an hour, then daily.
const DefaultPaymentPollBackoff = "1m,5m,30m,1h,24h"

// AuthURL returns the bank's authorization endpoint for brand ("coop" or "smile"), or "" for
// any other brand.
func (c Config) AuthURL(brand string) string {
	switch brand {
	case "coop":
		return c.BankAuthURLCoop
	case "smile":
		return c.BankAuthURLSmile
	}
	return ""
}
