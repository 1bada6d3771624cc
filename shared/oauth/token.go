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
	// TokenType is "Bearer" for the bank's "bearer" in any case (or none);
	// anything else is kept as sent (see IsBearer).
	TokenType string
	Scope     string // as the bank returned it ("accounts offline"), or ""
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

// IsBearer reports whether the token endpoint said token_type bearer (in any
// case) or nothing. A token of another type is still returned, never refused
// (fromOAuth2 says why): callers log a warning and use it as a bearer token.
func (t Token) IsBearer() bool { return t.TokenType == "Bearer" }

// unexpectedTokenType is a non-bearer token_type made safe to log: the RFC
// 6749 charset and at most 20 characters, else "(invalid)".
func unexpectedTokenType(s string) string {
	if len(s) > 20 || !errorCode.MatchString(s) || strings.EqualFold(s, "bearer") {
		return "(invalid)"
	}
	return s
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
// and the bank sends "bearer", so any case of bearer (or none) is TokenType
// "Bearer". Any other token_type is not refused: the bank answered 200, so
// it has already spent the grant and may have rotated the refresh token, and
// refusing the answer would lose that token (docs/bank-rules.md §Refresh tokens). An OB bank
// only issues bearer tokens; TokenType then carries what it sent (see
// IsBearer) for the caller to log. The error result is always nil today.
func fromOAuth2(tk *oauth2.Token, issuedAt time.Time) (*Token, error) {
	typ := "Bearer"
	if tk.TokenType != "" && !strings.EqualFold(tk.TokenType, "bearer") {
		typ = unexpectedTokenType(tk.TokenType)
	}
	t := &Token{AccessToken: tk.AccessToken, RefreshToken: tk.RefreshToken, TokenType: typ}
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
