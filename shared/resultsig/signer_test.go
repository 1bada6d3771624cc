package resultsig_test

import (
	"context"
	"crypto"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscreds "github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/go-jose/go-jose/v4"

	"github.com/coop-ob/connector/dev/testenv"
	ourkms "github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/resultsig"
)

func newKey(t *testing.T, client *kms.Client, spec types.KeySpec, usage types.KeyUsageType) string {
	t.Helper()
	out, err := client.CreateKey(context.Background(), &kms.CreateKeyInput{KeySpec: spec, KeyUsage: usage})
	if err != nil {
		t.Fatal(err)
	}
	return aws.ToString(out.KeyMetadata.Arn)
}

// TestSigner: the JWKS's key is the KMS key's public part with its RFC 7638 thumbprint as kid;
// a signature is the 64-byte r||s JWS form, verified by that key; a key that is not a P-256
// signing key is refused before anything is signed.
func TestSigner(t *testing.T) {
	cfg := aws.Config{Region: "eu-west-2", Credentials: awscreds.NewStaticCredentialsProvider("test", "test", "")}
	admin := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(testenv.KumoURL()) })
	client := ourkms.NewFromConfig(cfg, func(o *ourkms.Options) { o.Endpoint = testenv.KumoURL() }) // the connector's
	now := time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)
	s := &resultsig.Signer{KMS: client, KeyID: newKey(t, admin, types.KeySpecEccNistP256, types.KeyUsageTypeSignVerify),
		TTL: 2 * time.Minute, Now: func() time.Time { return now }}
	body, err := s.JWKS(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(body, &set); err != nil || len(set.Keys) != 1 {
		t.Fatalf("JWKS %s: %v", body, err)
	}
	thumb, err := set.Keys[0].Thumbprint(crypto.SHA256)
	if err != nil || set.Keys[0].KeyID != base64.RawURLEncoding.EncodeToString(thumb) {
		t.Errorf("kid %q, want the RFC 7638 thumbprint (%v)", set.Keys[0].KeyID, err)
	}
	token, err := s.Sign(context.Background(), "c-1", "authorised", "user-1")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(token, ".")
	if sig, _ := base64.RawURLEncoding.DecodeString(parts[2]); len(parts) != 3 || len(sig) != 64 {
		t.Fatalf("token %q: want three parts and a 64-byte signature", token)
	}
	jws, err := jose.ParseSignedCompact(token, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		t.Fatal(err)
	}
	payload, err := jws.Verify(set.Keys[0].Key)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	var c resultsig.Claims
	if err := json.Unmarshal(payload, &c); err != nil || c.ConsentID != "c-1" || c.Outcome != "authorised" || c.Subject != "user-1" ||
		c.IssuedAt != now.Unix() || c.Expiry != now.Add(2*time.Minute).Unix() || len(c.ID) != 22 {
		t.Errorf("claims %+v (%v)", c, err)
	}
	for _, spec := range []types.KeySpec{types.KeySpecRsa2048, types.KeySpecEccNistP384} {
		bad := &resultsig.Signer{KMS: client, KeyID: newKey(t, admin, spec, types.KeyUsageTypeSignVerify)}
		if _, err := bad.Sign(context.Background(), "c", "o", "s"); err == nil {
			t.Errorf("a %s key signs results", spec)
		}
	}
	if _, err := (&resultsig.Signer{KMS: client}).JWKS(context.Background()); err == nil {
		t.Error("a signer without a key answers a JWKS")
	}
}
