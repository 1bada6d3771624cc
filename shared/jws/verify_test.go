package jws

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"maps"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	keysOnce sync.Once
	keyA     *rsa.PrivateKey
	keyB     *rsa.PrivateKey
)

// testKeys are two signing keys of one bank: a JWKS during a rotation.
func testKeys(t *testing.T) (a, b *rsa.PrivateKey) {
	t.Helper()
	keysOnce.Do(func() {
		keyA, _ = rsa.GenerateKey(rand.Reader, 2048)
		keyB, _ = rsa.GenerateKey(rand.Reader, 2048)
	})
	return keyA, keyB
}

const bankOrg = "0015800000jf9GgAAI"

// signWith signs body under an arbitrary protected header (PS256 unless alg says otherwise).
func signWith(t *testing.T, key *rsa.PrivateKey, header map[string]any, body []byte) string {
	t.Helper()
	hb, err := json.Marshal(header)
	if err != nil {
		t.Fatal(err)
	}
	h := base64.RawURLEncoding.EncodeToString(hb)
	sum := sha256.Sum256([]byte(h + "." + base64.RawURLEncoding.EncodeToString(body)))
	sig, err := rsa.SignPSS(rand.Reader, key, crypto.SHA256, sum[:], &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	if err != nil {
		t.Fatal(err)
	}
	return h + ".." + base64.RawURLEncoding.EncodeToString(sig)
}

func bankHeader(kid string, iat int64) map[string]any {
	return map[string]any{"alg": "PS256", "kid": kid, "typ": "JOSE", "cty": "application/json",
		ClaimIAT: iat, ClaimISS: bankOrg, ClaimTAN: TrustAnchor, "crit": []string{ClaimIAT, ClaimISS, ClaimTAN}}
}

// TestVerifyRules: one case per rule of OB v3.1.4+ "Message Signing" as a TPP
// checks an ASPSP's answer. Each broken case differs from a good one in that
// rule only and must fail naming it.
func TestVerifyRules(t *testing.T) {
	t.Parallel()
	a, b := testKeys(t)
	body := []byte(`{"Data":{"DomesticPaymentId":"p-1","Status":"AcceptedSettlementInProcess"},"Links":{"Self":"x"},"Meta":{}}`)
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	keys := KeySet{"kid-old": &a.PublicKey, "kid-new": &b.PublicKey}
	expect := Expect{Keys: keys, Issuer: bankOrg, Now: now}
	with := func(edit func(h map[string]any)) string {
		h := bankHeader("kid-new", now.Unix())
		edit(h)
		return signWith(t, b, h, body)
	}
	good := with(func(map[string]any) {})
	tests := []struct {
		name string
		sig  string
		body []byte
		rule string // "" = verifies
	}{
		{"good, newest key", good, body, ""},
		{"good, older key of the JWKS", signWith(t, a, bankHeader("kid-old", now.Unix()), body), body, ""},
		{"good, no typ or cty", with(func(h map[string]any) { delete(h, "typ"); delete(h, "cty") }), body, ""},
		{"good, crit in another order", with(func(h map[string]any) { h["crit"] = []string{ClaimTAN, ClaimIAT, ClaimISS} }), body, ""},
		{"good, iat within the skew", with(func(h map[string]any) { h[ClaimIAT] = now.Add(4 * time.Minute).Unix() }), body, ""},
		{"missing", "", body, "x-jws-signature missing"},
		{"attached payload", strings.Replace(good, "..", ".e30.", 1), body, "not a detached compact JWS (header..signature)"},
		{"tampered body", good, []byte(strings.Replace(string(body), "p-1", "p-2", 1)), "signature does not verify over the body"},
		{"RS256", with(func(h map[string]any) { h["alg"] = "RS256" }), body, "alg must be PS256"},
		{"none", with(func(h map[string]any) { h["alg"] = "none" }), body, "alg must be PS256"},
		{"kid unknown", with(func(h map[string]any) { h["kid"] = "kid-other" }), body, "kid not in the bank's keys"},
		{"kid missing", with(func(h map[string]any) { delete(h, "kid") }), body, "kid missing"},
		{"kid of the other key", signWith(t, a, bankHeader("kid-new", now.Unix()), body), body, "signature does not verify over the body"},
		{"iat in the future", with(func(h map[string]any) { h[ClaimIAT] = now.Add(10 * time.Minute).Unix() }), body, "iat is in the future"},
		{"iat a string", with(func(h map[string]any) { h[ClaimIAT] = "1700000000" }), body, "iat must be a number"},
		{"iss another organisation", with(func(h map[string]any) { h[ClaimISS] = "0015800000jf7AeAAI" }), body, "iss is not the bank's organisation"},
		{"iss a TPP's form", with(func(h map[string]any) { h[ClaimISS] = bankOrg + "/software" }), body, "iss is not the bank's organisation"},
		{"tan other", with(func(h map[string]any) { h[ClaimTAN] = "example.com" }), body, "tan is not the trust anchor"},
		{"crit missing tan", with(func(h map[string]any) { h["crit"] = []string{ClaimIAT, ClaimISS} }), body, "crit must name exactly the iat, iss and tan claims"},
		{"crit with b64", with(func(h map[string]any) { h["crit"] = []string{"b64", ClaimIAT, ClaimISS, ClaimTAN} }), body, "crit must name exactly the iat, iss and tan claims"},
		{"crit twice", with(func(h map[string]any) { h["crit"] = []string{ClaimIAT, ClaimISS, ClaimTAN, ClaimTAN} }), body, "crit must name exactly the iat, iss and tan claims"},
		{"crit missing", with(func(h map[string]any) { delete(h, "crit") }), body, "crit must list the OB claims"},
		{"b64 false", with(func(h map[string]any) { h["b64"] = false }), body, "b64 is not used from OB v3.1.4 on"},
		{"extra claim", with(func(h map[string]any) { h["x5u"] = "https://example.com" }), body, "unexpected header claim"},
		{"typ other", with(func(h map[string]any) { h["typ"] = "JWT" }), body, "typ must be JOSE"},
		{"cty other", with(func(h map[string]any) { h["cty"] = "text/plain" }), body, "cty must be json or application/json"},
		{"header not JSON", base64.RawURLEncoding.EncodeToString([]byte("nope")) + "..AAAA", body, "header is not a JSON object"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := Verify(tc.sig, tc.body, expect)
			if tc.rule == "" {
				if err != nil {
					t.Fatalf("Verify: %v", err)
				}
				return
			}
			var ve *VerifyError
			if !errors.As(err, &ve) || !errors.Is(err, ErrNotVerified) || ve.Rule != tc.rule {
				t.Fatalf("Verify = %v, want the rule %q", err, tc.rule)
			}
			if strings.Contains(err.Error(), bankOrg) || (tc.sig != "" && strings.Contains(err.Error(), tc.sig[:10])) {
				t.Errorf("error %q quotes the header or the signature", err)
			}
		})
	}
	t.Run("iss unknown to the connector", func(t *testing.T) {
		t.Parallel()
		e := expect
		e.Issuer = ""
		if err := Verify(good, body, e); err == nil {
			t.Error("verified without an expected issuer")
		}
	})
	t.Run("key dropped from the JWKS", func(t *testing.T) {
		t.Parallel()
		e := expect
		e.Keys = maps.Clone(keys)
		delete(e.Keys, "kid-new")
		if err := Verify(good, body, e); err == nil {
			t.Error("verified with a key no longer published")
		}
	})
}

// TestVerifySignsRoundTrip: what Sign makes (the connector's own request
// signature) is what Verify accepts, with the issuer it names.
func TestVerifySignsRoundTrip(t *testing.T) {
	t.Parallel()
	a, _ := testKeys(t)
	now := time.Now()
	sig, err := Sign([]byte(`{"Data":{}}`), a, "kid-a", "org/ssa", now)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(sig, []byte(`{"Data":{}}`), Expect{Keys: KeySet{"kid-a": &a.PublicKey}, Issuer: "org/ssa", Now: now}); err != nil {
		t.Fatal(err)
	}
}

func TestParseJWKS(t *testing.T) {
	t.Parallel()
	a, b := testKeys(t)
	jwk := func(kid, use string, key *rsa.PublicKey) map[string]any {
		m := map[string]any{"kty": "RSA", "kid": kid, "n": base64.RawURLEncoding.EncodeToString(key.N.Bytes()), "e": "AQAB"}
		if use != "" {
			m["use"] = use
		}
		return m
	}
	raw := func(keys ...map[string]any) []byte {
		b, _ := json.Marshal(map[string]any{"keys": keys})
		return b
	}
	ks, err := ParseJWKS(raw(jwk("k1", "sig", &a.PublicKey), jwk("k2", "", &b.PublicKey), jwk("k3", "enc", &b.PublicKey),
		map[string]any{"kty": "EC", "kid": "ec", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}))
	if err != nil {
		t.Fatal(err)
	}
	if len(ks) != 2 || ks["k1"] == nil || ks["k2"] == nil || !ks["k1"].Equal(&a.PublicKey) {
		t.Errorf("keys %v, want k1 and k2", maps.Keys(ks))
	}
	for name, in := range map[string][]byte{
		"not JSON":  []byte("{"),
		"no keys":   raw(),
		"only enc":  raw(jwk("k3", "enc", &b.PublicKey)),
		"kid twice": raw(jwk("k1", "", &a.PublicKey), jwk("k1", "", &b.PublicKey)),
		"no kid":    raw(jwk("", "", &a.PublicKey)),
		"bad n": func() []byte {
			m := jwk("k1", "", &a.PublicKey)
			m["n"] = "not base64url!"
			return raw(m)
		}(),
		"exponent 1": func() []byte {
			m := jwk("k1", "", &a.PublicKey)
			m["e"] = "AQ"
			return raw(m)
		}(),
		"a secret key": raw(map[string]any{"kty": "oct", "kid": "s", "k": "c2VjcmV0"}),
		"private key": func() []byte {
			m := jwk("k1", "", &a.PublicKey)
			m["d"] = base64.RawURLEncoding.EncodeToString(a.D.Bytes())
			m["p"] = base64.RawURLEncoding.EncodeToString(a.Primes[0].Bytes())
			m["q"] = base64.RawURLEncoding.EncodeToString(a.Primes[1].Bytes())
			return raw(m)
		}(),
	} {
		if _, err := ParseJWKS(in); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
