package credentials_test

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/credentials/credentialstest"
)

// TestParseBankKeys: the optional bankJwks (inline JWKS or its URL) and
// bankOrganisationId fields, which come together; a bad one is named.
func TestParseBankKeys(t *testing.T) {
	t.Parallel()
	s, _ := credentialstest.NewSecret(t)
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	jwks := map[string]any{"keys": []map[string]any{
		{"kty": "RSA", "kid": "bank-1", "use": "sig", "n": base64.RawURLEncoding.EncodeToString(key.N.Bytes()), "e": "AQAB"}}}
	with := func(fields map[string]any) []byte {
		var m map[string]any
		if err := json.Unmarshal(s.JSON(t), &m); err != nil {
			t.Fatal(err)
		}
		for k, v := range fields {
			m[k] = v
		}
		b, _ := json.Marshal(m)
		return b
	}
	now := time.Now()

	c, err := credentials.Parse(with(nil), now)
	if err != nil || c.BankKeys != nil || c.BankJWKSURL != "" || c.BankOrganisationID != "" {
		t.Fatalf("without the bank fields: %v, %v", c, err)
	}
	c, err = credentials.Parse(with(map[string]any{"bankJwks": jwks, "bankOrganisationId": "bank-org"}), now)
	if err != nil || c.BankKeys["bank-1"] == nil || !c.BankKeys["bank-1"].Equal(&key.PublicKey) || c.BankOrganisationID != "bank-org" {
		t.Fatalf("inline JWKS: %v, %v", c, err)
	}
	c, err = credentials.Parse(with(map[string]any{"bankJwks": "https://keystore.example/bank.jwks", "bankOrganisationId": "bank-org"}), now)
	if err != nil || c.BankJWKSURL != "https://keystore.example/bank.jwks" || c.BankKeys != nil {
		t.Fatalf("JWKS URL: %v, %v", c, err)
	}
	for name, tc := range map[string]struct {
		fields map[string]any
		field  string
	}{
		"JWKS without organisation": {map[string]any{"bankJwks": jwks}, "bankOrganisationId"},
		"organisation without JWKS": {map[string]any{"bankOrganisationId": "bank-org"}, "bankJwks"},
		"http URL":                  {map[string]any{"bankJwks": "http://keystore.example/x", "bankOrganisationId": "o"}, "bankJwks"},
		"not a URL":                 {map[string]any{"bankJwks": "bank-1", "bankOrganisationId": "o"}, "bankJwks"},
		"empty key set":             {map[string]any{"bankJwks": map[string]any{"keys": []any{}}, "bankOrganisationId": "o"}, "bankJwks"},
		"a number":                  {map[string]any{"bankJwks": 7, "bankOrganisationId": "o"}, "bankJwks"},
	} {
		_, err := credentials.Parse(with(tc.fields), now)
		var fe *credentials.FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("%s: error %v, want one naming %s", name, err, tc.field)
		}
	}
}
