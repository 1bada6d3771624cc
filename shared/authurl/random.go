package authurl

import (
	"crypto/rand"
	"encoding/base64"

	"golang.org/x/oauth2"
)

// NewState returns a fresh state: 32 random bytes from crypto/rand,
// base64url-encoded without padding (43 characters).
func NewState() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// NewPKCE returns a fresh PKCE verifier (RFC 7636 §4.1, 32 random bytes) and
// its S256 challenge (§4.2). Keep the verifier server-side; send the challenge.
func NewPKCE() (verifier, challenge string) {
	verifier = oauth2.GenerateVerifier()
	return verifier, oauth2.S256ChallengeFromVerifier(verifier)
}
