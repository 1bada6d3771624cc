// Package resulttest is the app's check of the connector's signed journey result, as
// docs/callback.md shows it, for the tests that verify what the callback signs (the callback
// function's own and the end-to-end one).
package resulttest

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// Claims are the signed result's own claims (next to the registered ones).
type Claims struct {
	ConsentID string `json:"consentId"`
	Outcome   string `json:"outcome"`
}

// Verify checks result against the key set jwks: the key named by kid, ES256 only, and the
// time claims at now. It returns the registered and the result's own claims.
func Verify(jwks []byte, result string, now time.Time) (jwt.Claims, Claims, error) {
	var set jose.JSONWebKeySet
	var std jwt.Claims
	var own Claims
	if err := json.Unmarshal(jwks, &set); err != nil {
		return std, own, err
	}
	tok, err := jwt.ParseSigned(result, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		return std, own, err
	}
	keys := set.Key(tok.Headers[0].KeyID)
	if len(keys) != 1 {
		return std, own, errors.New("unknown kid")
	}
	if err := tok.Claims(keys[0].Key, &std, &own); err != nil {
		return std, own, err
	}
	return std, own, std.ValidateWithLeeway(jwt.Expected{Time: now}, 0)
}
