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
	"crypto/rsa"
	"errors"
	"fmt"
	"time"

	"github.com/go-jose/go-jose/v4"
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
	opts := (&jose.SignerOptions{}).
		WithType("JOSE").
		WithContentType("application/json").
		WithHeader(ClaimIAT, now.Unix()).
		WithHeader(ClaimISS, issuer).
		WithHeader(ClaimTAN, TrustAnchor).
		WithCritical(ClaimIAT, ClaimISS, ClaimTAN)
	signer, err := jose.NewSigner(jose.SigningKey{
		Algorithm: jose.PS256,
		Key:       jose.JSONWebKey{Key: key, KeyID: kid, Algorithm: string(jose.PS256)},
	}, opts)
	if err != nil {
		return "", fmt.Errorf("jws: signer: %w", err)
	}
	obj, err := signer.Sign(body)
	if err != nil {
		return "", fmt.Errorf("jws: sign: %w", err)
	}
	return obj.DetachedCompactSerialize()
}
