package config

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// valid is a complete sandbox environment; tests copy it and change one thing.
func valid() map[string]string {
	return map[string]string{
		"ENVIRONMENT":           "sandbox",
		"TABLE_NAME":            "connector",
		"CREDENTIALS_SECRET_ID": "arn:aws:secretsmanager:eu-west-2:123456789012:secret:coop-AbCdEf",
		"BANK_API_BASE_URL":     "https://sandbox-openbanking-retail.apis.co-operativebanktest.co.uk",
		"BANK_TOKEN_URL":        "https://sandbox-openbanking-retail.apis.co-operativebanktest.co.uk/apis/oauth/v1/oauth2/token",
		"BANK_AUTH_URL_COOP":    "https://sandbox-bank.co-operativebanktest.co.uk/openbanking/coop/oauthRedirect",
		"BANK_AUTH_URL_SMILE":   "https://sandbox-bank.co-operativebanktest.co.uk/openbanking/smile/oauthRedirect",
		"REDIRECT_URI":          "https://api.example.com/callback",
		"RESULT_URL":            "https://app.example.com/done",
	}
}

func getenv(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoadDefaults(t *testing.T) {
	t.Parallel()
	got, err := Load(getenv(valid()))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Environment:         Sandbox,
		TableName:           "connector",
		CredentialsSecretID: "arn:aws:secretsmanager:eu-west-2:123456789012:secret:coop-AbCdEf",
		BankAPIBaseURL:      "https://sandbox-openbanking-retail.apis.co-operativebanktest.co.uk",
		BankTokenURL:        "https://sandbox-openbanking-retail.apis.co-operativebanktest.co.uk/apis/oauth/v1/oauth2/token",
		BankAuthURLCoop:     "https://sandbox-bank.co-operativebanktest.co.uk/openbanking/coop/oauthRedirect",
		BankAuthURLSmile:    "https://sandbox-bank.co-operativebanktest.co.uk/openbanking/smile/oauthRedirect",
		RedirectURI:         "https://api.example.com/callback",
		ResultURL:           "https://app.example.com/done",
		AuthSessionTTL:      10 * time.Minute,
		TokenAuthMethod:     ClientSecretBasic,
		SecretCacheTTL:      5 * time.Minute,
		BankHTTPTimeout:     8 * time.Second,
		RefreshLookahead:    10 * time.Minute,
		RefreshPolicy:       RefreshOnDemand,
		RefreshRecentWindow: 72 * time.Hour,
		RefreshConcurrency:  8,
		RefreshShards:       16,
		RefreshRateLimit:    20,
		RefreshInterval:     5 * time.Minute,
		CertExpiryWarnDays:  90,
		ReconfirmPeriod:     90 * 24 * time.Hour,
		ReconfirmWarn:       14 * 24 * time.Hour,
		ReconfirmMode:       ReconfirmEnforce,
		SealKeyMaxAge:       15 * time.Minute,
		SealKeyMaxUses:      10000,
		SealPassItems:       5000,
		PaymentPollBackoff:  []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, time.Hour, 24 * time.Hour},
		PaymentPollLimit:    20,
		AuthURLValues:       AuthURLValuesMinimal,
		PISSignature:        PISSignatureLog,
		MetricsNamespace:    DefaultMetricsNamespace,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load() mismatch (-want +got):\n%s", diff)
	}
	if got.AuthURL("coop") != want.BankAuthURLCoop || got.AuthURL("smile") != want.BankAuthURLSmile || got.AuthURL("other") != "" {
		t.Errorf("AuthURL: coop %q smile %q other %q", got.AuthURL("coop"), got.AuthURL("smile"), got.AuthURL("other"))
	}
}

// TestRedirectURIOptional: without REDIRECT_URI the configuration loads with RedirectURI ""
// (each journey derives it from the API's own domain); a set one is still checked.
func TestRedirectURIOptional(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"", "  "} {
		env := valid()
		env["REDIRECT_URI"] = v
		c, err := Load(getenv(env))
		if err != nil || c.RedirectURI != "" {
			t.Errorf("REDIRECT_URI %q: RedirectURI %q, error %v; want \"\" and no error", v, c.RedirectURI, err)
		}
	}
}

func TestLoadOverrides(t *testing.T) {
	t.Parallel()
	env := valid()
	for k, v := range map[string]string{
		"ENVIRONMENT": "production", "AUTH_SESSION_TTL": "15m", "FINANCIAL_ID": " 0015800000jf7AeAAI ",
		"TOKEN_AUTH_METHOD": "client_secret_post", "SECRET_CACHE_TTL": "1m", "BANK_HTTP_TIMEOUT": "5s",
		"REFRESH_LOOKAHEAD": "20m", "REFRESH_POLICY": "all", "REFRESH_RECENT_WINDOW": "24h",
		"REFRESH_CONCURRENCY": "4", "REFRESH_SHARDS": "32", "REFRESH_RATE_LIMIT": "7", "REFRESH_INTERVAL": "1m", "CERT_EXPIRY_WARN_DAYS": "120",
		"BANK_API_BASE_URL": "https://127.0.0.1:8443/", "REDIRECT_URI": "http://127.0.0.1:3000/callback",
		"RESULT_URL": "http://localhost:5173/result?x=1", "EXTRA_NON_WORKING_DAYS": " 2027-06-04, 2027-06-07 ",
		"RECONFIRM_PERIOD": "0", "RECONFIRM_WARN": "1h", "RECONFIRM_MODE": "warn",
		"SEAL_KEY_ID": " alias/connector ", "SEAL_KEY_MAX_AGE": "5m", "SEAL_KEY_MAX_USES": "500",
		"SEAL_PASS_ITEMS":      "0",
		"PAYMENT_POLL_BACKOFF": " 2s, 3s ", "PAYMENT_POLL_LIMIT": "5",
		"AUTH_URL_VALUES": "literal", "PIS_SIGNATURE": "verify",
		"METRICS_NAMESPACE": "CoopConnector/prod-a",
	} {
		env[k] = v
	}
	c, err := Load(getenv(env))
	if err != nil {
		t.Fatal(err)
	}
	got := []any{c.Environment, c.AuthSessionTTL, c.FinancialID, c.TokenAuthMethod, c.SecretCacheTTL, c.BankHTTPTimeout,
		c.RefreshLookahead, c.RefreshPolicy, c.RefreshRecentWindow, c.RefreshConcurrency, c.RefreshShards, c.RefreshRateLimit, c.RefreshInterval,
		c.CertExpiryWarnDays, c.BankAPIBaseURL, c.RedirectURI, c.ResultURL, c.ExtraNonWorkingDays,
		c.ReconfirmPeriod, c.ReconfirmWarn, c.ReconfirmMode, c.SealKeyID, c.SealKeyMaxAge, c.SealKeyMaxUses, c.SealPassItems, c.PaymentPollBackoff, c.PaymentPollLimit, c.AuthURLValues, c.PISSignature, c.MetricsNamespace}
	want := []any{"production", 15 * time.Minute, "0015800000jf7AeAAI", "client_secret_post", time.Minute, 5 * time.Second,
		20 * time.Minute, "all", 24 * time.Hour, 4, 32, 7, time.Minute,
		120, "https://127.0.0.1:8443", "http://127.0.0.1:3000/callback", "http://localhost:5173/result?x=1",
		[]time.Time{time.Date(2027, 6, 4, 0, 0, 0, 0, time.UTC), time.Date(2027, 6, 7, 0, 0, 0, 0, time.UTC)},
		time.Duration(0), time.Hour, "warn", "alias/connector", 5 * time.Minute, 500, 0, []time.Duration{2 * time.Second, 3 * time.Second}, 5, "literal", "verify", "CoopConnector/prod-a"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("overrides (-want +got):\n%s", diff)
	}
}

func TestLoadInvalid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		set  map[string]string // "" deletes the variable
		want []Problem
	}{
		{"everything missing", nil, []Problem{
			{"ENVIRONMENT", "missing"}, {"TABLE_NAME", "missing"}, {"CREDENTIALS_SECRET_ID", "missing"},
			{"BANK_API_BASE_URL", "missing"}, {"BANK_TOKEN_URL", "missing"}, {"BANK_AUTH_URL_COOP", "missing"},
			{"BANK_AUTH_URL_SMILE", "missing"}, {"RESULT_URL", "missing"},
		}},
		{"bad environment", map[string]string{"ENVIRONMENT": "staging"}, []Problem{{"ENVIRONMENT", "must be one of sandbox, production"}}},
		{"aws namespace", map[string]string{"METRICS_NAMESPACE": "AWS/Lambda"}, []Problem{{"METRICS_NAMESPACE", "must be a CloudWatch namespace: 1-255 of A-Z a-z 0-9 . - _ / # :, not starting with AWS/"}}},
		{"namespace chars", map[string]string{"METRICS_NAMESPACE": "Coop Connector"}, []Problem{{"METRICS_NAMESPACE", "must be a CloudWatch namespace: 1-255 of A-Z a-z 0-9 . - _ / # :, not starting with AWS/"}}},
		{"bank url http", map[string]string{"BANK_TOKEN_URL": "http://127.0.0.1/token"}, []Problem{{"BANK_TOKEN_URL", "must be https"}}},
		{"bank url relative", map[string]string{"BANK_AUTH_URL_COOP": "/openbanking/coop"}, []Problem{{"BANK_AUTH_URL_COOP", "must be an absolute URL"}}},
		{"base url with path", map[string]string{"BANK_API_BASE_URL": "https://h.example/apis"}, []Problem{{"BANK_API_BASE_URL", "must be scheme and host only, without path or query"}}},
		{"base url with query", map[string]string{"BANK_API_BASE_URL": "https://h.example?x=1"}, []Problem{{"BANK_API_BASE_URL", "must be scheme and host only, without path or query"}}},
		{"url with user", map[string]string{"BANK_AUTH_URL_SMILE": "https://u:p@h.example/x"}, []Problem{{"BANK_AUTH_URL_SMILE", "must be an absolute URL"}}},
		{"redirect http remote", map[string]string{"REDIRECT_URI": "http://api.example.com/callback"}, []Problem{{"REDIRECT_URI", "must be https (http only on 127.0.0.1 or localhost)"}}},
		{"result fragment", map[string]string{"RESULT_URL": "https://app.example.com/#done"}, []Problem{{"RESULT_URL", "must not have a fragment"}}},
		{"result scheme", map[string]string{"RESULT_URL": "ftp://app.example.com/"}, []Problem{{"RESULT_URL", "must be https (http only on 127.0.0.1 or localhost)"}}},
		{"durations", map[string]string{"AUTH_SESSION_TTL": "5", "SECRET_CACHE_TTL": "-1m", "BANK_HTTP_TIMEOUT": "0s"}, []Problem{
			{"AUTH_SESSION_TTL", "must be a Go duration such as 10m"}, {"SECRET_CACHE_TTL", "must be positive"}, {"BANK_HTTP_TIMEOUT", "must be positive"},
		}},
		{"ints", map[string]string{"REFRESH_CONCURRENCY": "0", "REFRESH_SHARDS": "many", "CERT_EXPIRY_WARN_DAYS": "1000"}, []Problem{
			{"REFRESH_CONCURRENCY", "must be an integer from 1 to 64"}, {"REFRESH_SHARDS", "must be an integer from 1 to 256"},
			{"CERT_EXPIRY_WARN_DAYS", "must be an integer from 1 to 825"},
		}},
		{"seal pass items", map[string]string{"SEAL_PASS_ITEMS": "-1"}, []Problem{{"SEAL_PASS_ITEMS", "must be an integer from 0 to 100000"}}},
		{"extra days not a date", map[string]string{"EXTRA_NON_WORKING_DAYS": "2027-06-04,tomorrow"}, []Problem{
			{"EXTRA_NON_WORKING_DAYS", "item 2 is not a date YYYY-MM-DD (a comma-separated list such as 2027-06-04,2027-06-07)"},
		}},
		{"extra days impossible date", map[string]string{"EXTRA_NON_WORKING_DAYS": "2027-02-30"}, []Problem{
			{"EXTRA_NON_WORKING_DAYS", "item 1 is not a date YYYY-MM-DD (a comma-separated list such as 2027-06-04,2027-06-07)"},
		}},
		{"poll backoff not a duration", map[string]string{"PAYMENT_POLL_BACKOFF": "1m,soon"}, []Problem{
			{"PAYMENT_POLL_BACKOFF", "item 2 is not a positive Go duration (a comma-separated list such as 1m,5m,30m,1h,24h)"},
		}},
		{"poll limit zero", map[string]string{"PAYMENT_POLL_LIMIT": "none"}, []Problem{
			{"PAYMENT_POLL_LIMIT", "must be an integer from 1 to 1000"},
		}},
		{"extra days empty item", map[string]string{"EXTRA_NON_WORKING_DAYS": "2027-06-04,,2027-06-07"}, []Problem{
			{"EXTRA_NON_WORKING_DAYS", "item 2 is not a date YYYY-MM-DD (a comma-separated list such as 2027-06-04,2027-06-07)"},
		}},
		{"reconfirmation longer than 90 days", map[string]string{"RECONFIRM_PERIOD": "2161h", "RECONFIRM_MODE": "block"}, []Problem{
			{"RECONFIRM_PERIOD", "must be from 0 (off) to 2160h (90 days)"}, {"RECONFIRM_MODE", "must be one of enforce, warn"},
		}},
		{"reconfirmation negative", map[string]string{"RECONFIRM_PERIOD": "-1h", "RECONFIRM_WARN": "0s"}, []Problem{
			{"RECONFIRM_PERIOD", "must be from 0 (off) to 2160h (90 days)"}, {"RECONFIRM_WARN", "must be positive"},
		}},
		{"bank fidelity enums", map[string]string{"AUTH_URL_VALUES": "form", "PIS_SIGNATURE": "strict"}, []Problem{
			{"AUTH_URL_VALUES", "must be one of minimal, literal"}, {"PIS_SIGNATURE", "must be one of verify, log, off"},
		}},
		{"enums", map[string]string{"TOKEN_AUTH_METHOD": "private_key_jwt", "REFRESH_POLICY": "some"}, []Problem{
			{"TOKEN_AUTH_METHOD", "must be one of client_secret_basic, client_secret_post"}, {"REFRESH_POLICY", "must be one of ondemand, recent, all"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := valid()
			if tt.set == nil {
				env = map[string]string{}
			}
			for k, v := range tt.set {
				env[k] = v
			}
			c, err := Load(getenv(env))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("Load() error = %v, want *Error", err)
			}
			if diff := cmp.Diff(tt.want, ce.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(Config{}, c); diff != "" {
				t.Errorf("config returned with an error (-want +got):\n%s", diff)
			}
			for k, v := range tt.set {
				if v != "" && strings.Contains(err.Error(), v) {
					t.Errorf("error %q echoes the value of %s", err, k)
				}
			}
			for _, p := range tt.want {
				if !strings.Contains(err.Error(), p.Var) {
					t.Errorf("error %q does not name %s", err, p.Var)
				}
			}
		})
	}
}
