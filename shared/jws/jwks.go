package jws

import (
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
)

// KeySet is a signer's public keys by kid: the RSA signing keys of a JWKS
// (RFC 7517 §5), several during a rotation.
type KeySet map[string]*rsa.PublicKey

// jwk is the part of a JSON Web Key (RFC 7517 §4, RFC 7518 §6) ParseJWKS reads: the
// members of an RSA public key, and those whose presence makes a key private or secret.
type jwk struct {
	Kty string `json:"kty"`
	Kid string `json:"kid"`
	Use string `json:"use"`
	N   string `json:"n"`
	E   string `json:"e"`
	D   string `json:"d"` // RSA or EC private exponent
	P   string `json:"p"`
	Q   string `json:"q"`
	K   string `json:"k"` // a symmetric key
}

// ParseJWKS reads a JWKS. Keys for encryption ("use": "enc"), keys that are
// not RSA and keys without a kid are skipped; a JWKS with no usable key, a
// private key, a malformed RSA key or a kid twice is an error (which never
// quotes the JWKS). It is parsed here, not with a JOSE library: the
// functions link nothing for two dozen lines (docs/performance.md).
func ParseJWKS(raw []byte) (KeySet, error) {
	var set struct {
		Keys []jwk `json:"keys"`
	}
	if err := json.Unmarshal(raw, &set); err != nil {
		return nil, errors.New("jws: JWKS is not a JSON Web Key Set")
	}
	ks := KeySet{}
	for _, k := range set.Keys {
		if k.D != "" || k.P != "" || k.Q != "" || k.K != "" {
			return nil, errors.New("jws: JWKS holds a private key")
		}
		if k.Kty != "RSA" {
			continue
		}
		pub, ok := rsaPublic(k.N, k.E)
		if !ok {
			return nil, errors.New("jws: JWKS is not a JSON Web Key Set")
		}
		if k.Kid == "" || k.Use == "enc" {
			continue
		}
		if _, dup := ks[k.Kid]; dup {
			return nil, errors.New("jws: JWKS has a kid twice")
		}
		ks[k.Kid] = pub
	}
	if len(ks) == 0 {
		return nil, errors.New("jws: JWKS has no RSA signing key with a kid")
	}
	return ks, nil
}

// rsaPublic is the RSA public key of a JWK's base64url "n" and "e" (RFC 7518 §6.3.1).
func rsaPublic(n64, e64 string) (*rsa.PublicKey, bool) {
	n, err1 := base64.RawURLEncoding.DecodeString(strings.TrimRight(n64, "="))
	e, err2 := base64.RawURLEncoding.DecodeString(strings.TrimRight(e64, "="))
	if err1 != nil || err2 != nil || len(n) == 0 || len(e) == 0 || len(e) > 4 {
		return nil, false
	}
	exp := 0
	for _, b := range e {
		exp = exp<<8 | int(b)
	}
	if exp < 3 {
		return nil, false
	}
	return &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: exp}, true
}
