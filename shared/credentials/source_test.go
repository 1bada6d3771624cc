package credentials_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscreds "github.com/aws/aws-sdk-go-v2/credentials"
	sdksm "github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/sivchari/kumo"

	"github.com/coop-ob/connector/shared/awsapi"
	"github.com/coop-ob/connector/shared/awsapi/secretsmanager"
	"github.com/coop-ob/connector/shared/awsapi/secretsmanager/types"
	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/credentials/credentialstest"
)

// countingAPI wraps the connector's Secrets Manager client (talking to kumo) to count calls.
type countingAPI struct {
	api   credentials.SecretsAPI
	calls atomic.Int32
}

func (c *countingAPI) GetSecretValue(ctx context.Context, in *secretsmanager.GetSecretValueInput, opts ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error) {
	c.calls.Add(1)
	return c.api.GetSecretValue(ctx, in, opts...)
}

// syncBuffer is a log sink safe for the race detector.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// records decodes the JSON log lines.
func (b *syncBuffer) records(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

type fixture struct {
	sm     *sdksm.Client // the SDK's, to create and rotate the secret
	api    *countingAPI
	name   string
	logs   *syncBuffer
	now    time.Time
	source *credentials.Source
}

// kumo keeps process-global state and kumo.NewServer races with itself when parallel tests
// call it: one server for the package's tests, one uniquely named secret per fixture.
var (
	kumoOnce sync.Once
	kumoURL  string
)

func sharedKumo() string {
	kumoOnce.Do(func() { kumoURL = kumo.NewServer().URL })
	return kumoURL
}

// newFixture creates, on the package's kumo server, a uniquely named secret holding raw, and a
// Source on it.
func newFixture(t *testing.T, raw []byte, ttl time.Duration) *fixture {
	t.Helper()
	url := sharedKumo()
	cfg := aws.Config{
		Region:      "eu-west-2",
		Credentials: awscreds.NewStaticCredentialsProvider("test", "test", ""),
	}
	sm := sdksm.NewFromConfig(cfg, func(o *sdksm.Options) { o.BaseEndpoint = aws.String(url) })
	ours := secretsmanager.NewFromConfig(cfg, func(o *awsapi.Options) { o.Endpoint = url })
	f := &fixture{sm: sm, api: &countingAPI{api: ours}, name: "coop/" + t.Name() + "/" + rand.Text()[:8], logs: &syncBuffer{}, now: time.Now()}
	if _, err := sm.CreateSecret(t.Context(), &sdksm.CreateSecretInput{Name: &f.name, SecretString: aws.String(string(raw))}); err != nil {
		t.Fatal(err)
	}
	f.source = credentials.NewSource(f.api, f.name, ttl, slog.New(slog.NewJSONHandler(f.logs, nil)))
	f.source.Now = func() time.Time { return f.now }
	return f
}

func (f *fixture) put(t *testing.T, raw []byte) {
	t.Helper()
	if _, err := f.sm.PutSecretValue(t.Context(), &sdksm.PutSecretValueInput{SecretId: &f.name, SecretString: aws.String(string(raw))}); err != nil {
		t.Fatal(err)
	}
}

func TestSourceLoadsAndCaches(t *testing.T) {
	t.Parallel()
	s, _ := credentialstest.NewSecret(t)
	f := newFixture(t, s.JSON(t), 5*time.Minute)
	for i := range 3 {
		c, err := f.source.Get(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if c.ClientSecret != s.ClientSecret {
			t.Fatalf("call %d: wrong credentials", i)
		}
		f.now = f.now.Add(time.Minute)
	}
	if n := f.api.calls.Load(); n != 1 {
		t.Errorf("GetSecretValue called %d times within the TTL, want 1", n)
	}
	if recs := f.logs.records(t); len(recs) != 0 {
		t.Errorf("unexpected logs for a healthy secret: %v", recs)
	}
}

func TestSourcePicksUpRotationAfterTTL(t *testing.T) {
	t.Parallel()
	s1, _ := credentialstest.NewSecret(t)
	f := newFixture(t, s1.JSON(t), 5*time.Minute)
	if _, err := f.source.Get(t.Context()); err != nil {
		t.Fatal(err)
	}
	s2, _ := credentialstest.NewSecret(t)
	s2.ClientSecret = "rotated-secret"
	f.put(t, s2.JSON(t))

	f.now = f.now.Add(4 * time.Minute)
	if c, _ := f.source.Get(t.Context()); c.ClientSecret != s1.ClientSecret {
		t.Errorf("rotation visible before the TTL: the cache was bypassed")
	}
	f.now = f.now.Add(2 * time.Minute)
	c, err := f.source.Get(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if c.ClientSecret != "rotated-secret" || c.Transport.Leaf.SerialNumber.Cmp(mustParse(t, s2).Transport.Leaf.SerialNumber) != 0 {
		t.Errorf("rotated secret not picked up after the TTL")
	}
	if n := f.api.calls.Load(); n != 2 {
		t.Errorf("GetSecretValue called %d times, want 2", n)
	}
}

func mustParse(t *testing.T, s credentialstest.Secret) *credentials.Credentials {
	t.Helper()
	c, err := credentials.Parse(s.JSON(t), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSourceKeepsLastGoodOnBadRotation(t *testing.T) {
	t.Parallel()
	good, _ := credentialstest.NewSecret(t)
	f := newFixture(t, good.JSON(t), time.Minute)
	if _, err := f.source.Get(t.Context()); err != nil {
		t.Fatal(err)
	}
	bad := good
	bad.ClientSecret = "bad-rotation-secret"
	bad.TransportKeyPem = good.SigningKeyPem // does not match the transport cert
	f.put(t, bad.JSON(t))
	f.now = f.now.Add(2 * time.Minute)
	c, err := f.source.Get(t.Context())
	if err != nil {
		t.Fatalf("Get() after a bad rotation = %v, want the last good credentials", err)
	}
	if c.ClientSecret != good.ClientSecret {
		t.Errorf("served the bad rotation")
	}
	recs := f.logs.records(t)
	if len(recs) != 1 || recs[0]["level"] != "ERROR" || !strings.Contains(recs[0]["err"].(string), "transportKeyPem") {
		t.Errorf("want one ERROR record naming transportKeyPem, got %v", recs)
	}
	// It retries soon (not after a full TTL) and not on every call.
	f.now = f.now.Add(time.Second)
	_, _ = f.source.Get(t.Context())
	f.now = f.now.Add(31 * time.Second)
	_, _ = f.source.Get(t.Context())
	if n := f.api.calls.Load(); n != 3 {
		t.Errorf("GetSecretValue called %d times, want 3 (load, failed refresh, retry after 30s)", n)
	}
	assertNoSecret(t, "logs", f.logs.String(), append(secretMaterial(good), secretMaterial(bad)...))
}

func TestSourceErrors(t *testing.T) {
	t.Parallel()
	good, m := credentialstest.NewSecret(t)
	expired := m.ClientCA.Issue(t, credentialstest.Leaf{CommonName: "old", NotBefore: time.Now().AddDate(-1, 0, 0), NotAfter: time.Now().Add(-time.Hour)})
	tests := []struct {
		name  string
		edit  func(*credentialstest.Secret) []byte
		field string // "" = not JSON
	}{
		{"not JSON", func(s *credentialstest.Secret) []byte { return []byte("clientSecret=" + s.ClientSecret) }, ""},
		{"bad PEM", func(s *credentialstest.Secret) []byte {
			s.SigningKeyPem = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
			return s.JSON(t)
		}, "signingKeyPem"},
		{"mismatched key", func(s *credentialstest.Secret) []byte {
			s.TransportKeyPem = string(m.ClientCA.Issue(t, credentialstest.Leaf{}).KeyPEM)
			return s.JSON(t)
		}, "transportKeyPem"},
		{"expired cert", func(s *credentialstest.Secret) []byte {
			s.TransportCertPem, s.TransportKeyPem = string(expired.CertPEM), string(expired.KeyPEM)
			return s.JSON(t)
		}, "transportCertPem"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := good
			raw := tt.edit(&s)
			f := newFixture(t, raw, time.Minute)
			c, err := f.source.Get(t.Context())
			if err == nil || c != nil {
				t.Fatalf("Get() = %v, %v; want an error", c, err)
			}
			var fe *credentials.FieldError
			switch {
			case tt.field == "" && !errors.Is(err, credentials.ErrNotJSON):
				t.Errorf("error %q does not wrap ErrNotJSON", err)
			case tt.field != "" && (!errors.As(err, &fe) || fe.Field != tt.field):
				t.Errorf("error %q does not name %s", err, tt.field)
			}
			assertNoSecret(t, "error", err.Error(), append(secretMaterial(s), secretMaterial(good)...))
			assertNoSecret(t, "logs", f.logs.String(), append(secretMaterial(s), secretMaterial(good)...))
		})
	}
}

func TestSourceMissingSecret(t *testing.T) {
	t.Parallel()
	s, _ := credentialstest.NewSecret(t)
	f := newFixture(t, s.JSON(t), time.Minute)
	src := credentials.NewSource(f.api, f.name+"-absent", time.Minute, nil)
	_, err := src.Get(t.Context())
	var nf *types.ResourceNotFoundException
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), f.name+"-absent") {
		t.Errorf("Get() error = %v; want ResourceNotFoundException naming the secret", err)
	}
}

func TestSourceLogsCertificatesNearExpiry(t *testing.T) {
	t.Parallel()
	s, m := credentialstest.NewSecret(t)
	soon := m.ClientCA.Issue(t, credentialstest.Leaf{CommonName: "soon", NotAfter: time.Now().Add(60*24*time.Hour + time.Hour)})
	s.TransportCertPem, s.TransportKeyPem = string(soon.CertPEM), string(soon.KeyPEM)
	f := newFixture(t, s.JSON(t), time.Minute)
	if _, err := f.source.Get(t.Context()); err != nil {
		t.Fatal(err)
	}
	recs := f.logs.records(t)
	if len(recs) != 1 {
		t.Fatalf("want one record (transport only; signing has 365 days), got %v", recs)
	}
	r := recs[0]
	if r["level"] != "ERROR" || r["certificate"] != "transport" || r["daysToExpiry"] != float64(60) || r["minimumDays"] != float64(90) {
		t.Errorf("record = %v; want ERROR certificate=transport daysToExpiry=60 minimumDays=90", r)
	}
	// A higher configured floor flags the signing certificate too, on the next load.
	f.source.ExpiryWarnDays = 400
	f.now = f.now.Add(2 * time.Minute)
	if _, err := f.source.Get(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := len(f.logs.records(t)); n != 3 {
		t.Errorf("after reload with floor 400: %d records, want 3", n)
	}
	assertNoSecret(t, "logs", f.logs.String(), secretMaterial(s))
}
