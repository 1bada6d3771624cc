package config

import (
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Load reads the configuration through getenv (os.Getenv in production, a map in tests).
// It returns an *Error naming every missing or invalid variable; values are never echoed.
func Load(getenv func(string) string) (Config, error) {
	r := reader{getenv: getenv}
	c := Config{
		Environment:         r.oneOf("ENVIRONMENT", "", Sandbox, Production),
		TableName:           r.required("TABLE_NAME"),
		CredentialsSecretID: r.required("CREDENTIALS_SECRET_ID"),
		BankAPIBaseURL:      r.url("BANK_API_BASE_URL", bankURL|originOnly),
		BankTokenURL:        r.url("BANK_TOKEN_URL", bankURL),
		BankAuthURLCoop:     r.url("BANK_AUTH_URL_COOP", bankURL),
		BankAuthURLSmile:    r.url("BANK_AUTH_URL_SMILE", bankURL),
		RedirectURI:         r.url("REDIRECT_URI", loopbackHTTP|optional),
		ResultURL:           r.url("RESULT_URL", loopbackHTTP),
		AuthSessionTTL:      r.duration("AUTH_SESSION_TTL", 10*time.Minute),
		FinancialID:         strings.TrimSpace(getenv("FINANCIAL_ID")),
		ResultSigningKeyID:  strings.TrimSpace(getenv("RESULT_SIGNING_KEY_ID")),
		TokenAuthMethod:     r.oneOf("TOKEN_AUTH_METHOD", ClientSecretBasic, ClientSecretBasic, ClientSecretPost),
		SecretCacheTTL:      r.duration("SECRET_CACHE_TTL", 5*time.Minute),
		BankHTTPTimeout:     r.duration("BANK_HTTP_TIMEOUT", 8*time.Second),
		RefreshLookahead:    r.duration("REFRESH_LOOKAHEAD", 10*time.Minute),
		RefreshPolicy:       r.oneOf("REFRESH_POLICY", RefreshOnDemand, RefreshOnDemand, RefreshRecent, RefreshAll),
		RefreshRecentWindow: r.duration("REFRESH_RECENT_WINDOW", 72*time.Hour),
		RefreshConcurrency:  r.integer("REFRESH_CONCURRENCY", 8, 1, 64),
		RefreshShards:       r.integer("REFRESH_SHARDS", 16, 1, 256),
		RefreshRateLimit:    r.integer("REFRESH_RATE_LIMIT", 20, 1, 10000),
		RefreshInterval:     r.duration("REFRESH_INTERVAL", 5*time.Minute),
		CertExpiryWarnDays:  r.integer("CERT_EXPIRY_WARN_DAYS", 90, 1, 825),
		ExtraNonWorkingDays: r.dates("EXTRA_NON_WORKING_DAYS"),
		ReconfirmPeriod:     r.durationUpTo("RECONFIRM_PERIOD", MaxReconfirmPeriod, MaxReconfirmPeriod, "2160h (90 days)"),
		ReconfirmWarn:       r.duration("RECONFIRM_WARN", 14*24*time.Hour),
		ReconfirmMode:       r.oneOf("RECONFIRM_MODE", ReconfirmEnforce, ReconfirmEnforce, ReconfirmWarn),
		SealKeyID:           strings.TrimSpace(getenv("SEAL_KEY_ID")),
		SealKeyMaxAge:       r.duration("SEAL_KEY_MAX_AGE", 15*time.Minute),
		SealKeyMaxUses:      r.integer("SEAL_KEY_MAX_USES", 10000, 1, 1000000),
		SealPassItems:       r.integer("SEAL_PASS_ITEMS", 5000, 0, 100000),
		PaymentPollBackoff:  r.durations("PAYMENT_POLL_BACKOFF", DefaultPaymentPollBackoff),
		PaymentPollLimit:    r.integer("PAYMENT_POLL_LIMIT", 20, 1, 1000),
		AuthURLValues:       r.oneOf("AUTH_URL_VALUES", AuthURLValuesMinimal, AuthURLValuesMinimal, AuthURLValuesLiteral),
		PISSignature:        r.oneOf("PIS_SIGNATURE", PISSignatureLog, PISSignatureVerify, PISSignatureLog, PISSignatureOff),
		MetricsNamespace:    r.namespace("METRICS_NAMESPACE"),
	}
	if len(r.problems) > 0 {
		return Config{}, &Error{Problems: r.problems}
	}
	c.BankAPIBaseURL = strings.TrimSuffix(c.BankAPIBaseURL, "/")
	return c, nil
}

// reader collects one Problem per bad variable while Load reads them all.
type reader struct {
	getenv   func(string) string
	problems []Problem
}

func (r *reader) fail(name, reason string) {
	r.problems = append(r.problems, Problem{Var: name, Reason: reason})
}

func (r *reader) required(name string) string {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		r.fail(name, "missing")
	}
	return v
}

// oneOf reads a value from allowed; def "" makes the variable required.
func (r *reader) oneOf(name, def string, allowed ...string) string {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		if def == "" {
			r.fail(name, "missing")
		}
		return def
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	r.fail(name, "must be one of "+strings.Join(allowed, ", "))
	return ""
}

func (r *reader) duration(name string, def time.Duration) time.Duration {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	switch {
	case err != nil:
		r.fail(name, "must be a Go duration such as 10m")
	case d <= 0:
		r.fail(name, "must be positive")
	}
	return d
}

// durationUpTo reads a duration from 0 (off) to most; def when empty.
func (r *reader) durationUpTo(name string, def, most time.Duration, mostText string) time.Duration {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	switch {
	case err != nil:
		r.fail(name, "must be a Go duration such as 2160h")
	case d < 0 || d > most:
		r.fail(name, "must be from 0 (off) to "+mostText)
	}
	return d
}

func (r *reader) integer(name string, def, lo, hi int) int {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		r.fail(name, "must be an integer from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
	}
	return n
}

// durations reads a comma-separated list of positive Go durations (def when
// empty). A bad item is reported by its position.
func (r *reader) durations(name, def string) []time.Duration {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		v = def
	}
	var out []time.Duration
	for i, item := range strings.Split(v, ",") {
		d, err := time.ParseDuration(strings.TrimSpace(item))
		if err != nil || d <= 0 {
			r.fail(name, "item "+strconv.Itoa(i+1)+" is not a positive Go duration (a comma-separated list such as 1m,5m,30m,1h,24h)")
			return nil
		}
		out = append(out, d)
	}
	return out
}

// dates reads an optional comma-separated list of dates YYYY-MM-DD (spaces around each
// allowed); nil when empty. A bad item is reported by its position, never its value.
func (r *reader) dates(name string) []time.Time {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		return nil
	}
	var out []time.Time
	for i, item := range strings.Split(v, ",") {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(item))
		if err != nil {
			r.fail(name, "item "+strconv.Itoa(i+1)+" is not a date YYYY-MM-DD (a comma-separated list such as 2027-06-04,2027-06-07)")
			return nil
		}
		out = append(out, d)
	}
	return out
}

// urlRule says which URLs a variable accepts.
type urlRule int

const (
	bankURL      urlRule = 1 << iota // https only
	originOnly                       // scheme and host only: no path, query or fragment
	loopbackHTTP                     // https, or http on 127.0.0.1/localhost/::1 for local runs
	optional                         // may be empty (then "")
)

func (r *reader) url(name string, rule urlRule) string {
	if rule&optional != 0 && strings.TrimSpace(r.getenv(name)) == "" {
		return ""
	}
	v := r.required(name)
	if v == "" {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || !u.IsAbs() || u.Host == "" || u.Opaque != "" || u.User != nil {
		r.fail(name, "must be an absolute URL")
		return ""
	}
	if u.Fragment != "" || strings.HasSuffix(v, "#") {
		r.fail(name, "must not have a fragment")
		return ""
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && rule&loopbackHTTP != 0 && isLoopback(u.Hostname()):
	case rule&loopbackHTTP != 0:
		r.fail(name, "must be https (http only on 127.0.0.1 or localhost)")
		return ""
	default:
		r.fail(name, "must be https")
		return ""
	}
	if rule&originOnly != 0 && ((u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.ForceQuery) {
		r.fail(name, "must be scheme and host only, without path or query")
		return ""
	}
	return v
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
