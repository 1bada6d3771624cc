package credentials

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/coop-ob/connector/shared/awsapi/secretsmanager"
)

// SecretsAPI is the one Secrets Manager call Source makes (*secretsmanager.Client has it).
type SecretsAPI interface {
	GetSecretValue(ctx context.Context, in *secretsmanager.GetSecretValueInput, opts ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error)
}

// DefaultExpiryWarnDays is the bank's floor: certificates need at least 90 days to expiry.
const DefaultExpiryWarnDays = 90

// maxRetryWait bounds how long a failed refresh waits before the next attempt.
const maxRetryWait = 30 * time.Second

// Source loads the credentials secret and caches it for a TTL across warm invocations.
// It is safe for concurrent use. Set the exported fields before the first Get.
type Source struct {
	// Now is the clock (time.Now by default).
	Now func() time.Time
	// ExpiryWarnDays: a certificate with fewer days left is logged as an error on every load.
	ExpiryWarnDays int

	api      SecretsAPI
	secretID string
	ttl      time.Duration
	logger   *slog.Logger

	mu      sync.Mutex
	cur     *Credentials
	version string
	nextTry time.Time // when the cached value (or a failure) stops being fresh
}

// NewSource returns a Source reading secretID through api. ttl <= 0 means 5 minutes;
// a nil logger means slog.Default().
func NewSource(api SecretsAPI, secretID string, ttl time.Duration, logger *slog.Logger) *Source {
	if ttl <= 0 {
		ttl = 5 * time.Minute
	}
	if logger == nil {
		logger = slog.Default()
	}
	return &Source{Now: time.Now, ExpiryWarnDays: DefaultExpiryWarnDays, api: api, secretID: secretID, ttl: ttl, logger: logger}
}

// Get returns the cached credentials, or loads them when the TTL has passed.
//
// When a refresh fails (Secrets Manager unavailable, or a rotated value that does not parse)
// and the last good credentials are still valid, Get logs the failure as an error and keeps
// returning them: the bank still accepts them, and failing every bank call because of a bad
// rotation or a brief outage would turn an operator's mistake into a full outage. It retries
// after min(TTL, 30s). Without a last good value, or once it has expired, Get returns the error.
func (s *Source) Get(ctx context.Context) (*Credentials, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.Now()
	if s.cur != nil && now.Before(s.nextTry) {
		return s.cur, nil
	}
	c, version, err := s.load(ctx, now)
	if err == nil {
		s.cur, s.version, s.nextTry = c, version, now.Add(s.ttl)
		s.checkExpiry(ctx, c, now)
		return c, nil
	}
	if s.cur == nil {
		return nil, err
	}
	if t, g := s.cur.DaysToExpiry(now); t < 0 || g < 0 {
		return nil, fmt.Errorf("%w (and the last good credentials have expired)", err)
	}
	s.nextTry = now.Add(min(s.ttl, maxRetryWait))
	s.logger.ErrorContext(ctx, "credentials refresh failed; serving the last good version",
		slog.String("secretId", s.secretID), slog.String("versionId", s.version), slog.String("err", err.Error()))
	return s.cur, nil
}

func (s *Source) load(ctx context.Context, now time.Time) (*Credentials, string, error) {
	out, err := s.api.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: &s.secretID})
	if err != nil {
		return nil, "", fmt.Errorf("credentials: get secret %s: %w", s.secretID, err)
	}
	raw := out.SecretBinary
	if out.SecretString != nil {
		raw = []byte(*out.SecretString)
	}
	var version string
	if out.VersionId != nil {
		version = *out.VersionId
	}
	if len(raw) == 0 {
		return nil, version, fmt.Errorf("credentials: secret %s version %s: %w", s.secretID, version, errors.New("empty"))
	}
	c, err := Parse(raw, now)
	if err != nil {
		return nil, version, fmt.Errorf("credentials: secret %s version %s: %w", s.secretID, version, err)
	}
	return c, version, nil
}

// checkExpiry logs each certificate under the floor as an error (the bank's rule), on every load.
func (s *Source) checkExpiry(ctx context.Context, c *Credentials, now time.Time) {
	transport, signing := c.DaysToExpiry(now)
	for _, cert := range []struct {
		name string
		days int
	}{{"transport", transport}, {"signing", signing}} {
		if cert.days < s.ExpiryWarnDays {
			s.logger.ErrorContext(ctx, "certificate expires within the bank's minimum",
				slog.String("certificate", cert.name), slog.Int("daysToExpiry", cert.days),
				slog.Int("minimumDays", s.ExpiryWarnDays), slog.String("secretId", s.secretID))
		}
	}
}
