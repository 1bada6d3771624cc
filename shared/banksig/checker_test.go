package banksig

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/jws"
)

type credsFunc func() *credentials.Credentials

func (f credsFunc) Get(context.Context) (*credentials.Credentials, error) { return f(), nil }

const org = "0015800001HQQrZAAX"

var (
	keyOnce    sync.Once
	oldK, newK *rsa.PrivateKey
)

func keys(t *testing.T) (old, cur *rsa.PrivateKey) {
	t.Helper()
	keyOnce.Do(func() {
		oldK, _ = rsa.GenerateKey(rand.Reader, 2048)
		newK, _ = rsa.GenerateKey(rand.Reader, 2048)
	})
	return oldK, newK
}

// sign is an ASPSP's detached JWS of body (OB v3.1.4+).
func sign(t *testing.T, key *rsa.PrivateKey, kid string, iat time.Time, body []byte) string {
	t.Helper()
	h, _ := json.Marshal(map[string]any{"alg": "PS256", "kid": kid, jws.ClaimIAT: iat.Unix(), jws.ClaimISS: org,
		jws.ClaimTAN: jws.TrustAnchor, "crit": []string{jws.ClaimIAT, jws.ClaimISS, jws.ClaimTAN}})
	head := base64.RawURLEncoding.EncodeToString(h)
	sum := sha256.Sum256([]byte(head + "." + base64.RawURLEncoding.EncodeToString(body)))
	s, err := rsa.SignPSS(rand.Reader, key, crypto.SHA256, sum[:], &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	if err != nil {
		t.Fatal(err)
	}
	return head + ".." + base64.RawURLEncoding.EncodeToString(s)
}

func jwksOf(kids map[string]*rsa.PrivateKey) []byte {
	var ks []map[string]string
	for kid, k := range kids {
		ks = append(ks, map[string]string{"kty": "RSA", "kid": kid, "n": base64.RawURLEncoding.EncodeToString(k.N.Bytes()), "e": "AQAB"})
	}
	b, _ := json.Marshal(map[string]any{"keys": ks})
	return b
}

var body = []byte(`{"Data":{"ConsentId":"c-1","Status":"AwaitingAuthorisation"},"Risk":{},"Links":{"Self":"x"},"Meta":{}}`)

// TestModes: verify returns the failure (the client then makes the answer
// unusable), log logs it (rule and interaction id, no signature or body) and
// lets the answer through, off installs no checker; a good signature passes
// both, and a missing key set fails both.
func TestModes(t *testing.T) {
	t.Parallel()
	old, cur := keys(t)
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	inline := &credentials.Credentials{BankKeys: jws.KeySet{"k-old": &old.PublicKey, "k-new": &cur.PublicKey}, BankOrganisationID: org}
	good := sign(t, cur, "k-new", now, body)
	bad := sign(t, cur, "k-new", now, append([]byte(" "), body...)) // over other bytes
	if New(config.PISSignatureOff, nil, nil, nil, nil) != nil {
		t.Error("off: a checker was built")
	}
	for _, tc := range []struct {
		name, mode, sig string
		creds           *credentials.Credentials
		wantErr         bool
		wantLog         string
	}{
		{"verify good", config.PISSignatureVerify, good, inline, false, ""},
		{"verify tampered", config.PISSignatureVerify, bad, inline, true, "signature does not verify over the body"},
		{"verify missing", config.PISSignatureVerify, "", inline, true, "x-jws-signature missing"},
		{"verify without bank keys", config.PISSignatureVerify, good, &credentials.Credentials{}, true, "no bank keys configured"},
		{"log good", config.PISSignatureLog, good, inline, false, ""},
		{"log tampered", config.PISSignatureLog, bad, inline, false, "signature does not verify over the body"},
		{"log missing", config.PISSignatureLog, "", inline, false, "x-jws-signature missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var logs bytes.Buffer
			c := New(tc.mode, credsFunc(func() *credentials.Credentials { return tc.creds }), nil,
				slog.New(slog.NewJSONHandler(&logs, nil)), func() time.Time { return now })
			err := c.CheckAnswer(context.Background(), bankapi.Answer{Method: "POST", Path: bankapi.PISPPath + "/domestic-payment-consents",
				Status: 201, Signature: tc.sig, Body: body, InteractionID: "iid-1"})
			if (err != nil) != tc.wantErr {
				t.Fatalf("CheckAnswer = %v, want error %v", err, tc.wantErr)
			}
			if tc.wantLog == "" {
				if logs.Len() != 0 {
					t.Errorf("logged %s", logs.String())
				}
				return
			}
			if !strings.Contains(logs.String(), `"rule":"`+tc.wantLog+`"`) || !strings.Contains(logs.String(), `"interactionId":"iid-1"`) {
				t.Errorf("log %s: want the rule %q and the interaction id", logs.String(), tc.wantLog)
			}
			if (tc.sig != "" && strings.Contains(logs.String(), tc.sig[:20])) || strings.Contains(logs.String(), "ConsentId") {
				t.Errorf("log %s holds the signature or the body", logs.String())
			}
		})
	}
}

// TestJWKSURL: keys given as a URL are fetched once and cached; a kid the
// cached JWKS lacks (the bank rotated) fetches it again, at most every
// MinRefetch; a failed refetch keeps the cached keys.
func TestJWKSURL(t *testing.T) {
	t.Parallel()
	old, cur := keys(t)
	var published atomic.Value
	published.Store(jwksOf(map[string]*rsa.PrivateKey{"k-old": old}))
	var fetches atomic.Int32
	var failing atomic.Bool
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fetches.Add(1)
		if failing.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write(published.Load().([]byte))
	}))
	defer srv.Close()
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	clock := now
	creds := &credentials.Credentials{BankJWKSURL: srv.URL + "/jwks", BankOrganisationID: org}
	c := New(config.PISSignatureVerify, credsFunc(func() *credentials.Credentials { return creds }), srv.Client(),
		slog.New(slog.DiscardHandler), func() time.Time { return clock })
	check := func(key *rsa.PrivateKey, kid string) error {
		return c.CheckAnswer(context.Background(), bankapi.Answer{Method: "GET", Path: bankapi.PISPPath + "/domestic-payments/p",
			Status: 200, Signature: sign(t, key, kid, clock, body), Body: body})
	}
	if err := check(old, "k-old"); err != nil || fetches.Load() != 1 {
		t.Fatalf("first answer: %v, %d fetches", err, fetches.Load())
	}
	if err := check(old, "k-old"); err != nil || fetches.Load() != 1 {
		t.Fatalf("cached: %v, %d fetches", err, fetches.Load())
	}
	// The bank rotates: a new kid, not yet in the cache; within MinRefetch it is not fetched again.
	published.Store(jwksOf(map[string]*rsa.PrivateKey{"k-old": old, "k-new": cur}))
	if err := check(cur, "k-new"); err == nil || fetches.Load() != 1 {
		t.Fatalf("new kid within MinRefetch: %v, %d fetches; want refused without a fetch", err, fetches.Load())
	}
	clock = clock.Add(MinRefetch + time.Second)
	if err := check(cur, "k-new"); err != nil || fetches.Load() != 2 {
		t.Fatalf("new kid after MinRefetch: %v, %d fetches", err, fetches.Load())
	}
	// Past the TTL the JWKS is fetched again; when that fails the fresh cache is gone too.
	failing.Store(true)
	clock = clock.Add(DefaultCacheTTL)
	if err := check(cur, "k-new"); err == nil || !strings.Contains(rule(err), "HTTP 503") {
		t.Fatalf("JWKS unavailable past the TTL: %v (%s)", err, rule(err))
	}
	var ve *jws.VerifyError
	if errors.As(check(cur, "k-new"), &ve) {
		t.Error("a fetch failure reported as a signature rule")
	}
}
