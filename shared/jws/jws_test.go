package jws

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// verify checks an OB v3.1.4+ detached JWS the way an ASPSP does: go-jose's
// DetachedVerify refuses crit names other than b64, so the header is parsed
// here and the PS256 signature checked with rsa.VerifyPSS.
func verify(sig string, body []byte, pub *rsa.PublicKey, kid, issuer string, iat int64) error {
	parts := strings.Split(sig, ".")
	if len(parts) != 3 || parts[1] != "" {
		return fmt.Errorf("not a detached compact JWS: %d parts", len(parts))
	}
	hb, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return err
	}
	var h map[string]any
	if err := json.Unmarshal(hb, &h); err != nil {
		return err
	}
	allowed := map[string]bool{"alg": true, "kid": true, "typ": true, "cty": true, "crit": true,
		ClaimIAT: true, ClaimISS: true, ClaimTAN: true}
	for k := range h {
		if !allowed[k] {
			return fmt.Errorf("unexpected header %q", k)
		}
	}
	if h["alg"] != "PS256" || h["kid"] != kid || h["typ"] != "JOSE" || h["cty"] != "application/json" {
		return fmt.Errorf("header alg/kid/typ/cty = %v/%v/%v/%v", h["alg"], h["kid"], h["typ"], h["cty"])
	}
	if n, ok := h[ClaimIAT].(float64); !ok || int64(n) != iat {
		return fmt.Errorf("iat = %#v, want number %d", h[ClaimIAT], iat)
	}
	if h[ClaimISS] != issuer || h[ClaimTAN] != TrustAnchor {
		return fmt.Errorf("iss/tan = %v/%v", h[ClaimISS], h[ClaimTAN])
	}
	var crit []string
	if c, ok := h["crit"].([]any); ok {
		for _, v := range c {
			s, _ := v.(string)
			crit = append(crit, s)
		}
	}
	if diff := cmp.Diff([]string{ClaimIAT, ClaimISS, ClaimTAN}, crit); diff != "" {
		return fmt.Errorf("crit (-want +got):\n%s", diff)
	}
	s, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return err
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + base64.RawURLEncoding.EncodeToString(body)))
	return rsa.VerifyPSS(pub, crypto.SHA256, digest[:], s, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
}

func TestSign(t *testing.T) {
	t.Parallel()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"Data":{"Initiation":{"InstructedAmount":{"Amount":"10.00","Currency":"GBP"}}},"Risk":{}}`)
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	const kid, iss = "kid-1", "0015800001041RHAAY/software-1"

	sig, err := Sign(body, key, kid, iss, now)
	if err != nil {
		t.Fatalf("Sign: %v", err)
	}
	if err := verify(sig, body, &key.PublicKey, kid, iss, now.Unix()); err != nil {
		t.Fatalf("verify: %v", err)
	}
	if strings.Contains(sig, base64.RawURLEncoding.EncodeToString(body)) {
		t.Error("signature carries the payload: want detached")
	}

	tampered := append([]byte(nil), body...)
	tampered[len(tampered)-3] = ' '
	if err := verify(sig, tampered, &key.PublicKey, kid, iss, now.Unix()); err == nil {
		t.Error("verify accepted a tampered body")
	}
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	if err := verify(sig, body, &other.PublicKey, kid, iss, now.Unix()); err == nil {
		t.Error("verify accepted another key")
	}
}

func TestSignRejectsMissingInputs(t *testing.T) {
	t.Parallel()
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	now := time.Now()
	for name, f := range map[string]func() (string, error){
		"no key":    func() (string, error) { return Sign([]byte("{}"), nil, "k", "o/s", now) },
		"no kid":    func() (string, error) { return Sign([]byte("{}"), key, "", "o/s", now) },
		"no issuer": func() (string, error) { return Sign([]byte("{}"), key, "k", "", now) },
	} {
		if s, err := f(); err == nil || s != "" {
			t.Errorf("%s: Sign = %q, %v; want an error", name, s, err)
		}
	}
}
