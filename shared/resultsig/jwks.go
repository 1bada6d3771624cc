package resultsig

import (
	"context"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/json"
	"fmt"
)

// JWK is the public key as a JSON Web Key (RFC 7517) with its use, algorithm and kid.
type JWK struct {
	KeyType   string `json:"kty"`
	Curve     string `json:"crv"`
	X         string `json:"x"`
	Y         string `json:"y"`
	Use       string `json:"use"`
	Algorithm string `json:"alg"`
	KeyID     string `json:"kid"`
}

// JWKS is a JSON Web Key Set.
type JWKS struct {
	Keys []JWK `json:"keys"`
}

// newJWK describes key; its kid is the key's RFC 7638 thumbprint (SHA-256, base64url), so a
// new key (a rotation) has a new kid and the same key always the same one.
func newJWK(key *ecdsa.PublicKey) (JWK, error) {
	pub, err := key.ECDH()
	if err != nil || pub.Curve() != ecdh.P256() {
		return JWK{}, fmt.Errorf("resultsig: not a P-256 key")
	}
	point := pub.Bytes() // 0x04 || X || Y, 32 bytes each
	j := JWK{KeyType: "EC", Curve: "P-256", X: b64(point[1:33]), Y: b64(point[33:65]), Use: "sig", Algorithm: "ES256"}
	// The thumbprint input: the required members in lexicographic order, no white space.
	thumb := sha256.Sum256([]byte(`{"crv":"P-256","kty":"EC","x":"` + j.X + `","y":"` + j.Y + `"}`))
	j.KeyID = b64(thumb[:])
	return j, nil
}

// JWKS returns the key set that verifies the signed results: the signing key's public part.
func (s *Signer) JWKS(ctx context.Context) ([]byte, error) {
	pk, err := s.publicKey(ctx)
	if err != nil {
		return nil, err
	}
	return json.Marshal(JWKS{Keys: []JWK{pk.jwk}})
}
