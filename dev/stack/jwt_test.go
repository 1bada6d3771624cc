package stack

import (
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/google/go-cmp/cmp"
)

func TestAuthorizerVerify(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	a, err := newAuthorizer("https://iss/", []string{"aud1", "aud2"}, []string{"connector/admin"}, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	good, err := a.issue("demo-user", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	claims, scopes, err := a.verify("Bearer " + good)
	if err != nil {
		t.Fatalf("good token: %v", err)
	}
	if claims["sub"] != "demo-user" || claims["iss"] != "https://iss/" || claims["aud"] != "aud1" ||
		claims["exp"] != "1795611600" || claims["jti"] == "" {
		t.Errorf("claims = %v", claims)
	}
	if diff := cmp.Diff([]string{"connector/admin"}, scopes); diff != "" {
		t.Errorf("scopes (-want +got):\n%s", diff)
	}
	if _, _, err := a.verify(good); err != nil {
		t.Errorf("token without the Bearer prefix: %v (API Gateway accepts it)", err)
	}
	arr, _ := a.sign(map[string]any{"iss": "https://iss/", "aud": []string{"x", "aud2"}, "exp": now.Add(time.Minute).Unix(),
		"sub": "u", "groups": []string{"a", "b"}})
	claims, _, err = a.verify("Bearer " + arr)
	if err != nil {
		t.Fatalf("token with audience list: %v", err)
	}
	if claims["aud"] != "[x aud2]" || claims["groups"] != "[a b]" {
		t.Errorf("array claims = aud %q groups %q, want [x aud2] and [a b]", claims["aud"], claims["groups"])
	}

	otherKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	foreign := &authorizer{key: otherKey, kid: a.kid, issuer: a.issuer, audience: a.audience, now: a.now}
	badSig, _ := foreign.issue("demo-user", time.Hour)
	hs, _ := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte("0123456789abcdef0123456789abcdef")}, nil)
	hsToken, _ := jwt.Signed(hs).Claims(map[string]any{"iss": a.issuer, "aud": "aud1", "exp": now.Add(time.Hour).Unix()}).Serialize()
	sign := func(c map[string]any) string {
		base := map[string]any{"iss": "https://iss/", "aud": "aud2", "sub": "u", "exp": now.Add(time.Hour).Unix()}
		for k, v := range c {
			if v == nil {
				delete(base, k)
			} else {
				base[k] = v
			}
		}
		s, err := a.sign(base)
		if err != nil {
			t.Fatal(err)
		}
		return "Bearer " + s
	}
	for name, header := range map[string]string{
		"missing":         "",
		"bearer only":     "Bearer ",
		"garbage":         "Bearer not.a.jwt",
		"bad signature":   "Bearer " + badSig,
		"HS256":           "Bearer " + hsToken,
		"wrong issuer":    sign(map[string]any{"iss": "https://other/"}),
		"no issuer":       sign(map[string]any{"iss": nil}),
		"wrong audience":  sign(map[string]any{"aud": "other"}),
		"no audience":     sign(map[string]any{"aud": nil}),
		"expired":         sign(map[string]any{"exp": now.Add(-time.Second).Unix()}),
		"no exp":          sign(map[string]any{"exp": nil}),
		"not yet valid":   sign(map[string]any{"nbf": now.Add(time.Minute).Unix()}),
		"issued in 1 min": sign(map[string]any{"iat": now.Add(time.Minute).Unix()}),
	} {
		if _, _, err := a.verify(header); !errors.Is(err, errUnauthorized) {
			t.Errorf("%s: err = %v, want errUnauthorized", name, err)
		}
	}
}
