package oauth

import (
	"context"
	"fmt"

	"golang.org/x/oauth2"
)

// AuthStyle is how the client authenticates at the token endpoint.
type AuthStyle int

const (
	// AuthBasic is client_secret_basic (RFC 6749 §2.3.1): credentials in the
	// Authorization header only. The bank's rule, and the default.
	AuthBasic AuthStyle = iota
	// AuthPost is client_secret_post: client_id and client_secret in the body.
	AuthPost
)

// ParseAuthStyle maps a TOKEN_AUTH_METHOD value (client_secret_basic,
// client_secret_post, or "" for the default) to an AuthStyle.
func ParseAuthStyle(s string) (AuthStyle, error) {
	switch s {
	case "", "client_secret_basic":
		return AuthBasic, nil
	case "client_secret_post":
		return AuthPost, nil
	}
	return 0, fmt.Errorf("oauth: unknown token auth method %q", s)
}

func (s AuthStyle) oauth2() oauth2.AuthStyle {
	if s == AuthPost {
		return oauth2.AuthStyleInParams
	}
	// Set explicitly: AuthStyleAutoDetect would retry a failed request with
	// the credentials in the body, which the bank forbids.
	return oauth2.AuthStyleInHeader
}

// Config is what the token client needs for one call. It is read through a
// ConfigFunc on every call so that rotated client secrets are picked up.
type Config struct {
	TokenURL     string
	ClientID     string
	ClientSecret string
	RedirectURI  string // sent with the authorization_code grant
	AuthStyle    AuthStyle
}

// String redacts the client secret.
func (c Config) String() string {
	return fmt.Sprintf("oauth.Config{TokenURL:%s ClientID:%s ClientSecret:[redacted] RedirectURI:%s AuthStyle:%d}",
		c.TokenURL, c.ClientID, c.RedirectURI, c.AuthStyle)
}

// ConfigFunc returns the current Config (e.g. built from the credentials
// secret, which may rotate).
type ConfigFunc func(ctx context.Context) (Config, error)

func (c Config) oauth2Config() *oauth2.Config {
	return &oauth2.Config{
		ClientID:     c.ClientID,
		ClientSecret: c.ClientSecret,
		RedirectURL:  c.RedirectURI,
		Endpoint:     oauth2.Endpoint{TokenURL: c.TokenURL, AuthStyle: c.AuthStyle.oauth2()},
	}
}
