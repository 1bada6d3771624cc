package stack

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/google/uuid"
)

// authorizer stands in for an HTTP API JWT authorizer: tokens are RS256, signed by a key the
// stack generates at start, and must name its issuer, one of its audiences, and be within
// their nbf..exp window (exp required). Like API Gateway, the token is taken from the
// Authorization header with or without the "Bearer " prefix.
type authorizer struct {
	key      *rsa.PrivateKey
	kid      string
	issuer   string
	audience []string
	scopes   []string // every scope some route requires; put in issued tokens
	now      func() time.Time
}

func newAuthorizer(issuer string, audience []string, scopes []string, now func() time.Time) (*authorizer, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	return &authorizer{key: key, kid: uuid.NewString(), issuer: issuer, audience: audience,
		scopes: scopes, now: now}, nil
}

// sign signs any claims with the stack's key.
func (a *authorizer) sign(claims map[string]any) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: a.key},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", a.kid))
	if err != nil {
		return "", err
	}
	return jwt.Signed(signer).Claims(claims).Serialize()
}

// issue makes a token the gateway accepts for sub, valid for ttl.
func (a *authorizer) issue(sub string, ttl time.Duration) (string, error) {
	now := a.now()
	c := map[string]any{
		"iss": a.issuer, "aud": a.audience[0], "sub": sub, "jti": uuid.NewString(),
		"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(ttl).Unix(),
	}
	if len(a.scopes) > 0 {
		c["scope"] = strings.Join(a.scopes, " ")
	}
	return a.sign(c)
}

// errUnauthorized is any failure of the token check; API Gateway answers it with 401.
var errUnauthorized = errors.New("unauthorized")

// verify checks the Authorization header's token and returns its claims flattened to strings
// as API Gateway passes them (numbers as written, arrays as "[a b]") and its scopes.
func (a *authorizer) verify(header string) (map[string]string, []string, error) {
	raw := strings.TrimSpace(header)
	if len(raw) > 7 && strings.EqualFold(raw[:7], "bearer ") {
		raw = strings.TrimSpace(raw[7:])
	}
	if raw == "" {
		return nil, nil, fmt.Errorf("%w: no token", errUnauthorized)
	}
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", errUnauthorized, err)
	}
	var std jwt.Claims
	var all map[string]json.RawMessage
	if err := tok.Claims(&a.key.PublicKey, &std, &all); err != nil {
		return nil, nil, fmt.Errorf("%w: %w", errUnauthorized, err)
	}
	if std.Expiry == nil {
		return nil, nil, fmt.Errorf("%w: no exp", errUnauthorized)
	}
	if err := std.ValidateWithLeeway(jwt.Expected{Issuer: a.issuer, AnyAudience: a.audience, Time: a.now()}, 0); err != nil {
		return nil, nil, fmt.Errorf("%w: %w", errUnauthorized, err)
	}
	claims := make(map[string]string, len(all))
	for k, v := range all {
		claims[k] = flattenClaim(v)
	}
	var scopes []string
	if s := claims["scope"]; s != "" {
		scopes = strings.Fields(s)
	}
	return claims, scopes, nil
}

func flattenClaim(v json.RawMessage) string {
	var x any
	if err := json.Unmarshal(v, &x); err != nil {
		return string(v)
	}
	switch t := x.(type) {
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case []any:
		parts := make([]string, len(t))
		for i, e := range t {
			b, _ := json.Marshal(e)
			parts[i] = flattenClaim(b)
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	return string(v)
}
