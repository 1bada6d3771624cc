package oauth

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// DefaultRefreshLifetime is the bank's refresh-token lifetime (General
// specifications, "Tokens": 30 days), used when the token response carries no
// refresh_token_expires_in.
const DefaultRefreshLifetime = 30 * 24 * time.Hour

// Token is a token-endpoint response (RFC 6749 §5.1).
type Token struct {
	AccessToken  string
	RefreshToken string
	TokenType    string // "Bearer": the bank's "bearer" is accepted in any case
	Scope        string // as the bank returned it ("accounts offline"), or ""
	// ExpiresAt is issue time + expires_in; zero if the bank sent no expires_in.
	ExpiresAt time.Time
	// RefreshExpiresAt is issue time + refresh_token_expires_in when the bank
	// sends it; zero otherwise (see RefreshExpiry).
	RefreshExpiresAt time.Time
}

// RefreshExpiry returns when the refresh token expires: RefreshExpiresAt if
// the bank said so, else issuedAt + DefaultRefreshLifetime. Call it with the
// time the token was issued.
func (t Token) RefreshExpiry(issuedAt time.Time) time.Time {
	if !t.RefreshExpiresAt.IsZero() {
		return t.RefreshExpiresAt
	}
	return issuedAt.Add(DefaultRefreshLifetime)
}

// String redacts the tokens.
func (t Token) String() string {
	return fmt.Sprintf("oauth.Token{TokenType:%s Scope:%q ExpiresAt:%s RefreshToken:%t}",
		t.TokenType, t.Scope, t.ExpiresAt.Format(time.RFC3339), t.RefreshToken != "")
}

// LogValue redacts the tokens.
func (t Token) LogValue() slog.Value {
	return slog.GroupValue(slog.String("tokenType", t.TokenType), slog.String("scope", t.Scope),
		slog.Time("expiresAt", t.ExpiresAt), slog.Bool("hasRefreshToken", t.RefreshToken != ""))
}

// fromOAuth2 converts an x/oauth2 token; issuedAt is when the request was sent.
// x/oauth2 does not check token_type; RFC 6749 §5.1 makes it case-insensitive
// and the bank sends "bearer", so any case of bearer (or none) is accepted and
// anything else refused.
func fromOAuth2(tk *oauth2.Token, issuedAt time.Time) (*Token, error) {
	if tk.TokenType != "" && !strings.EqualFold(tk.TokenType, "bearer") {
		return nil, fmt.Errorf("%w: %.20q", errTokenType, tk.TokenType)
	}
	t := &Token{AccessToken: tk.AccessToken, RefreshToken: tk.RefreshToken, TokenType: tk.Type()}
	if s, ok := tk.Extra("scope").(string); ok {
		t.Scope = s
	}
	if n, ok := seconds(tk.Extra("expires_in")); ok {
		t.ExpiresAt = issuedAt.Add(time.Duration(n) * time.Second)
	}
	if n, ok := seconds(tk.Extra("refresh_token_expires_in")); ok {
		t.RefreshExpiresAt = issuedAt.Add(time.Duration(n) * time.Second)
	}
	return t, nil
}

// seconds reads a positive number of seconds from a JSON number, or a
// string (some servers, and form-encoded responses).
func seconds(v any) (int64, bool) {
	var n int64
	switch x := v.(type) {
	case float64:
		n = int64(x)
	case json.Number:
		i, err := x.Int64()
		if err != nil {
			return 0, false
		}
		n = i
	case string:
		i, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return 0, false
		}
		n = i
	default:
		return 0, false
	}
	return n, n > 0
}
