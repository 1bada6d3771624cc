package sandbox

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
)

// bankKey is one of the bank's response-signing keys (its OB Directory kid and key).
type bankKey struct {
	Kid    string
	KeyPEM string
}

// bankKeyCount is how many signing keys the bank publishes: an older and the
// current one, as during a rotation. It signs with the last.
const bankKeyCount = 2

// generateBankKeys adds the bank's signing keys and organisation to m (also to
// material generated before the bank signed its answers).
func (m *material) generateBankKeys() error {
	m.BankOrganisationID = "0015800001HQQrZ" + randomHex(2)
	m.BankSigningKeys = nil
	for range bankKeyCount {
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return err
		}
		kp, err := keyPEM(key)
		if err != nil {
			return err
		}
		m.BankSigningKeys = append(m.BankSigningKeys, bankKey{Kid: "bank-" + randomHex(8), KeyPEM: kp})
	}
	return m.parseBankKeys()
}

func (m *material) parseBankKeys() error {
	m.bankKeys = nil
	for _, k := range m.BankSigningKeys {
		s, err := parseKeyPEM(k.KeyPEM)
		if err != nil {
			return err
		}
		rk, ok := s.(*rsa.PrivateKey)
		if !ok {
			return errors.New("bank signing key is not RSA")
		}
		m.bankKeys = append(m.bankKeys, rk)
	}
	if len(m.bankKeys) == 0 {
		return errors.New("no bank signing keys")
	}
	return nil
}

// jwks is the JWKS of the bank's signing keys (public parts, RFC 7517).
func (m *material) jwks() json.RawMessage {
	type jwk struct {
		Kty string `json:"kty"`
		Kid string `json:"kid"`
		Use string `json:"use"`
		Alg string `json:"alg"`
		N   string `json:"n"`
		E   string `json:"e"`
	}
	var keys []jwk
	for i, k := range m.bankKeys {
		keys = append(keys, jwk{Kty: "RSA", Kid: m.BankSigningKeys[i].Kid, Use: "sig", Alg: "PS256",
			N: base64.RawURLEncoding.EncodeToString(k.N.Bytes()), E: "AQAB"})
	}
	raw, _ := json.Marshal(map[string]any{"keys": keys})
	return raw
}

// BankJWKS is the JWKS of the bank's response-signing keys (also in SecretJSON as bankJwks).
func (b *Bank) BankJWKS() []byte { return b.mat.jwks() }

// BankOrganisationID is the OB organisation id the bank signs its answers as.
func (b *Bank) BankOrganisationID() string { return b.mat.BankOrganisationID }

// signAnswer is the detached JWS of an answer body, per OB v3.1.4+ "Message
// Signing" as an ASPSP signs: PS256 with the current key, iss the bank's
// organisation id, tan openbanking.org.uk, crit the three OB claims, no b64.
func (b *Bank) signAnswer(body []byte) string {
	i := len(b.mat.bankKeys) - 1
	h, _ := json.Marshal(map[string]any{"alg": "PS256", "kid": b.mat.BankSigningKeys[i].Kid, "typ": "JOSE", "cty": "application/json",
		claimIat: b.Now().Unix(), claimIss: b.mat.BankOrganisationID, claimTan: obTan, "crit": []string{claimIat, claimIss, claimTan}})
	head := base64.RawURLEncoding.EncodeToString(h)
	sum := sha256.Sum256([]byte(head + "." + base64.RawURLEncoding.EncodeToString(body)))
	sig, err := rsa.SignPSS(rand.Reader, b.mat.bankKeys[i], crypto.SHA256, sum[:], &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	if err != nil {
		panic(err) // crypto/rand does not fail
	}
	value := base64.RawURLEncoding.EncodeToString(sig)
	b.mu.Lock()
	b.recordLocked(SecretResponseSignature, value) // the connector must never log it
	b.mu.Unlock()
	return head + ".." + value
}

// signed wraps a PIS handler: its 2xx answers carry x-jws-signature over the
// exact body sent (OB v3.1: the PIS endpoints' answers are signed); error
// answers are not signed.
func (b *Bank) signed(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rec := &bufferWriter{header: http.Header{}}
		h(rec, r)
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		if status >= 200 && status < 300 && rec.body.Len() > 0 {
			w.Header().Set("x-jws-signature", b.signAnswer(rec.body.Bytes()))
		}
		w.WriteHeader(status)
		_, _ = w.Write(rec.body.Bytes())
	}
}

// corruptSignature changes one character in the middle of a signature's last
// part, so that it no longer verifies (a padding-bit change would not).
func corruptSignature(sig string) string {
	if len(sig) < 4 {
		return sig + "x"
	}
	i := len(sig) - len(sig)/8
	c := byte('A')
	if sig[i] == 'A' {
		c = 'B'
	}
	return sig[:i] + string(c) + sig[i+1:]
}
