package jws

import (
	"crypto/rsa"
	"encoding/json"
	"errors"

	"github.com/go-jose/go-jose/v4"
)

// KeySet is a signer's public keys by kid: the RSA signing keys of a JWKS
// (RFC 7517 §5), several during a rotation.
type KeySet map[string]*rsa.PublicKey

// ParseJWKS reads a JWKS. Keys for encryption ("use": "enc"), keys that are
// not RSA and keys without a kid are skipped; a JWKS with no usable key, a
// private key, or a kid twice is an error (which never quotes the JWKS).
func ParseJWKS(raw []byte) (KeySet, error) {
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(raw, &set); err != nil {
		return nil, errors.New("jws: JWKS is not a JSON Web Key Set")
	}
	ks := KeySet{}
	for _, k := range set.Keys {
		if !k.IsPublic() {
			return nil, errors.New("jws: JWKS holds a private key")
		}
		pub, ok := k.Key.(*rsa.PublicKey)
		if !ok || k.KeyID == "" || k.Use == "enc" {
			continue
		}
		if _, dup := ks[k.KeyID]; dup {
			return nil, errors.New("jws: JWKS has a kid twice")
		}
		ks[k.KeyID] = pub
	}
	if len(ks) == 0 {
		return nil, errors.New("jws: JWKS has no RSA signing key with a kid")
	}
	return ks, nil
}
