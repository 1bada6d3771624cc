package resultsig

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/awsapi/kms/types"
)

// DefaultTTL is how long a signed result is valid (exp - iat): long enough for the browser's
// redirect and the app's check, short enough that a copied result is soon worthless.
const DefaultTTL = 5 * time.Minute

// KMSAPI is the part of *kms.Client the signer uses.
type KMSAPI interface {
	Sign(ctx context.Context, in *kms.SignInput, optFns ...func(*kms.Options)) (*kms.SignOutput, error)
	GetPublicKey(ctx context.Context, in *kms.GetPublicKeyInput, optFns ...func(*kms.Options)) (*kms.GetPublicKeyOutput, error)
}

// Claims are the signed result's claims.
type Claims struct {
	ConsentID string `json:"consentId"`
	Outcome   string `json:"outcome"`
	Subject   string `json:"sub"` // the consent's owner: the JWT sub of the app's caller
	IssuedAt  int64  `json:"iat"`
	Expiry    int64  `json:"exp"`
	ID        string `json:"jti"` // unique per result: an app may refuse one it has seen
}

// Signer signs results with the KMS key KeyID. Build one per cold start; it reads the public
// key (for the kid and the JWKS) once and keeps it.
type Signer struct {
	KMS   KMSAPI
	KeyID string
	TTL   time.Duration // DefaultTTL when zero
	Now   func() time.Time

	mu  sync.Mutex
	pub *publicKey
}

type publicKey struct {
	key *ecdsa.PublicKey
	kid string
	jwk JWK
}

// Sign returns the compact JWS of the result of consentID's journey.
func (s *Signer) Sign(ctx context.Context, consentID, outcome, sub string) (string, error) {
	pk, err := s.publicKey(ctx)
	if err != nil {
		return "", err
	}
	now := s.now()
	ttl := s.TTL
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	jti := make([]byte, 16)
	if _, err := rand.Read(jti); err != nil {
		return "", err
	}
	header, _ := json.Marshal(map[string]string{"alg": "ES256", "typ": "JWT", "kid": pk.kid})
	payload, err := json.Marshal(Claims{ConsentID: consentID, Outcome: outcome, Subject: sub,
		IssuedAt: now.Unix(), Expiry: now.Add(ttl).Unix(), ID: base64.RawURLEncoding.EncodeToString(jti)})
	if err != nil {
		return "", err
	}
	input := b64(header) + "." + b64(payload)
	digest := sha256.Sum256([]byte(input))
	out, err := s.KMS.Sign(ctx, &kms.SignInput{KeyId: aws.String(s.KeyID), Message: digest[:],
		MessageType: types.MessageTypeDigest, SigningAlgorithm: types.SigningAlgorithmSpecEcdsaSha256})
	if err != nil {
		return "", fmt.Errorf("resultsig: sign: %w", err)
	}
	sig, err := rawSignature(out.Signature)
	if err != nil {
		return "", err
	}
	return input + "." + b64(sig), nil
}

// rawSignature turns KMS's ASN.1 DER ECDSA signature into JWS's r||s, 32 bytes each (RFC 7518 §3.4).
func rawSignature(der []byte) ([]byte, error) {
	var rs struct{ R, S *big.Int }
	if rest, err := asn1.Unmarshal(der, &rs); err != nil || len(rest) > 0 || rs.R == nil || rs.S == nil {
		return nil, errors.New("resultsig: KMS signature is not an ECDSA signature")
	}
	out := make([]byte, 64)
	rs.R.FillBytes(out[:32])
	rs.S.FillBytes(out[32:])
	return out, nil
}

// publicKey reads the key's public part once: it must be a P-256 signing key.
func (s *Signer) publicKey(ctx context.Context) (*publicKey, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pub != nil {
		return s.pub, nil
	}
	if s.KMS == nil || s.KeyID == "" {
		return nil, errors.New("resultsig: no signing key configured")
	}
	out, err := s.KMS.GetPublicKey(ctx, &kms.GetPublicKeyInput{KeyId: aws.String(s.KeyID)})
	if err != nil {
		return nil, fmt.Errorf("resultsig: public key: %w", err)
	}
	if out.KeyUsage != types.KeyUsageTypeSignVerify {
		return nil, fmt.Errorf("resultsig: key usage %s, want SIGN_VERIFY", out.KeyUsage)
	}
	parsed, err := x509.ParsePKIXPublicKey(out.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("resultsig: public key: %w", err)
	}
	key, ok := parsed.(*ecdsa.PublicKey)
	if !ok || key.Curve.Params().Name != "P-256" {
		return nil, errors.New("resultsig: the key must be ECC_NIST_P256")
	}
	jwk, err := newJWK(key)
	if err != nil {
		return nil, err
	}
	s.pub = &publicKey{key: key, kid: jwk.KeyID, jwk: jwk}
	return s.pub, nil
}

func (s *Signer) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
