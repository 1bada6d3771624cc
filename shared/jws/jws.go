// Package jws makes the detached JWS of the x-jws-signature header that OB
// Read/Write v3.1.4+ requires on PIS consent and payment-order POSTs
// (docs/bank-rules.md §Detached JWS; OB read-write-data-api-profile "Message Signing";
// RFC 7515 Appendix F for the detached form).
//
// The signature is PS256 over b64url(protected header) + "." + b64url(body):
// there is no b64 header (it was removed in v3.1.4), so the payload is
// base64url-encoded in the signing input as in a plain JWS.
package jws

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// OB header claim names (all listed in crit).
const (
	ClaimIAT = "http://openbanking.org.uk/iat"
	ClaimISS = "http://openbanking.org.uk/iss"
	ClaimTAN = "http://openbanking.org.uk/tan"

	// TrustAnchor is the value of ClaimTAN for the OB Directory.
	TrustAnchor = "openbanking.org.uk"
)

// Sign returns the detached compact JWS "header..signature" of body, the
// exact bytes that will be sent. kid is the OB Directory key id of the
// signing key; issuer is "<organisationId>/<softwareStatementId>"; now is
// the signing time (http://openbanking.org.uk/iat, in seconds).
func Sign(body []byte, key *rsa.PrivateKey, kid, issuer string, now time.Time) (string, error) {
	if key == nil {
		return "", errors.New("jws: no signing key")
	}
	if kid == "" || issuer == "" {
		return "", errors.New("jws: kid and issuer are required")
	}
	h, err := json.Marshal(header{Alg: "PS256", Kid: kid, Typ: "JOSE", Cty: "application/json",
		IAT: now.Unix(), ISS: issuer, TAN: TrustAnchor, Crit: []string{ClaimIAT, ClaimISS, ClaimTAN}})
	if err != nil {
		return "", fmt.Errorf("jws: header: %w", err)
	}
	protected := base64.RawURLEncoding.EncodeToString(h)
	digest := sha256.Sum256([]byte(protected + "." + base64.RawURLEncoding.EncodeToString(body)))
	sig, err := rsa.SignPSS(rand.Reader, key, crypto.SHA256, digest[:], &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	if err != nil {
		return "", fmt.Errorf("jws: sign: %w", err)
	}
	return protected + ".." + base64.RawURLEncoding.EncodeToString(sig), nil
}

// header is the protected header of Sign's JWS, in this order: alg, kid, typ, cty, the OB
// claims, crit (built with the standard library, not a JOSE library: docs/performance.md).
type header struct {
	Alg  string   `json:"alg"`
	Kid  string   `json:"kid"`
	Typ  string   `json:"typ"`
	Cty  string   `json:"cty"`
	IAT  int64    `json:"http://openbanking.org.uk/iat"`
	ISS  string   `json:"http://openbanking.org.uk/iss"`
	TAN  string   `json:"http://openbanking.org.uk/tan"`
	Crit []string `json:"crit"`
}
