package oauth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// ccEarly is how long before expiry a cached client-credentials token is
// replaced, so a token is never sent in its last minute.
const ccEarly = 60 * time.Second

// Client calls the token endpoint. It is safe for concurrent use; build one
// per cold start and reuse it.
type Client struct {
	config ConfigFunc
	hc     *http.Client
	now    func() time.Time

	mu    sync.Mutex
	cache map[ccKey]*ccEntry
}

type ccKey struct{ tokenURL, clientID, scope string }

// ccEntry holds one scope's token; sem (capacity 1) lets one caller fetch
// while the others wait for its result.
type ccEntry struct {
	sem chan struct{}
	tok *Token
}

// New returns a Client. config is read on every call (credentials rotate);
// hc is the mTLS client (shared/mtls); now is the clock (time.Now if nil).
func New(config ConfigFunc, hc *http.Client, now func() time.Time) *Client {
	if now == nil {
		now = time.Now
	}
	return &Client{config: config, hc: buffered(hc), now: now, cache: map[ccKey]*ccEntry{}}
}

// ctx is the context of one token request: x/oauth2 sends it with c.hc, and
// a records whether it got a connection.
func (c *Client) ctx(ctx context.Context, a *attempt) context.Context {
	return context.WithValue(a.trace(ctx), oauth2.HTTPClient, c.hc)
}

// ClientCredentials returns an access token for scope (accounts, payments or
// fundsconfirmations) from the client_credentials grant (RFC 6749 §4.4). The
// token is cached per token URL, client id and scope until 60 s before it
// expires. The returned Token is a copy.
func (c *Client) ClientCredentials(ctx context.Context, scope string) (*Token, error) {
	const grant = "client_credentials"
	if scope == "" {
		return nil, &Error{Grant: grant, Cause: errors.New("scope is required")}
	}
	cfg, err := c.config(ctx)
	if err != nil {
		return nil, fmt.Errorf("oauth: %s grant: config: %w", grant, err)
	}
	entry := c.entry(ccKey{cfg.TokenURL, cfg.ClientID, scope})
	select {
	case entry.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, &Error{Grant: grant, Cause: ctx.Err(), Transient: errors.Is(ctx.Err(), context.DeadlineExceeded)}
	}
	defer func() { <-entry.sem }()

	if t := entry.tok; t != nil && c.now().Before(t.ExpiresAt.Add(-ccEarly)) {
		cp := *t
		return &cp, nil
	}
	cc := clientcredentials.Config{
		ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, TokenURL: cfg.TokenURL,
		Scopes: []string{scope}, AuthStyle: cfg.AuthStyle.oauth2(),
	}
	issued := c.now()
	var a attempt
	tk, err := cc.Token(c.ctx(ctx, &a))
	if err != nil {
		return nil, a.error(grant, err)
	}
	t, err := fromOAuth2(tk, issued)
	if err != nil {
		return nil, a.error(grant, err)
	}
	entry.tok = nil
	if !t.ExpiresAt.IsZero() {
		cp := *t
		entry.tok = &cp
	}
	return t, nil
}

func (c *Client) entry(k ccKey) *ccEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.cache[k]
	if !ok {
		e = &ccEntry{sem: make(chan struct{}, 1)}
		c.cache[k] = e
	}
	return e
}

// Exchange swaps an authorization code for tokens (RFC 6749 §4.1.3) with the
// PKCE code_verifier (RFC 7636 §4.5) and the configured redirect_uri.
func (c *Client) Exchange(ctx context.Context, code, verifier string) (*Token, error) {
	return c.ExchangeFor(ctx, code, verifier, "")
}

// ExchangeFor is Exchange with the redirect_uri of the authorization request
// that produced code (RFC 6749 §4.1.3 requires the identical value); ""
// sends the configured one.
func (c *Client) ExchangeFor(ctx context.Context, code, verifier, redirectURI string) (*Token, error) {
	const grant = "authorization_code"
	if code == "" || verifier == "" {
		return nil, &Error{Grant: grant, Cause: errors.New("code and PKCE verifier are required")}
	}
	cfg, err := c.config(ctx)
	if err != nil {
		return nil, fmt.Errorf("oauth: %s grant: config: %w", grant, err)
	}
	if redirectURI != "" {
		cfg.RedirectURI = redirectURI
	}
	issued := c.now()
	var a attempt
	tk, err := cfg.oauth2Config().Exchange(c.ctx(ctx, &a), code, oauth2.VerifierOption(verifier))
	if err != nil {
		return nil, a.error(grant, err)
	}
	t, err := fromOAuth2(tk, issued)
	return t, a.error(grant, err)
}

// Refresh uses a refresh token (RFC 6749 §6). If the bank rotates refresh
// tokens the result carries the new one; if it does not, RefreshToken is
// refreshToken again (x/oauth2 keeps it) and RefreshExpiresAt is zero: keep
// the stored expiry then. Persist a rotated token before using the new
// access token (docs/bank-rules.md §Refresh tokens).
func (c *Client) Refresh(ctx context.Context, refreshToken string) (*Token, error) {
	const grant = "refresh_token"
	if refreshToken == "" {
		return nil, &Error{Grant: grant, Cause: errors.New("refresh token is required")}
	}
	cfg, err := c.config(ctx)
	if err != nil {
		return nil, fmt.Errorf("oauth: %s grant: config: %w", grant, err)
	}
	issued := c.now()
	// A token with only a refresh token is never valid, so the source always
	// calls the endpoint; the redirect URI is not part of this grant.
	o := cfg.oauth2Config()
	o.RedirectURL = ""
	var a attempt
	tk, err := o.TokenSource(c.ctx(ctx, &a), &oauth2.Token{RefreshToken: refreshToken}).Token()
	if err != nil {
		return nil, a.error(grant, err)
	}
	t, err := fromOAuth2(tk, issued)
	return t, a.error(grant, err)
}

// ForgetClientCredentials drops rejected from the client-credentials cache, so that the next
// ClientCredentials call for its scope fetches a new token. The bank may revoke a token before it
// expires (OB v3.1: 401 for an expired or invalid token); a newer token cached meanwhile is kept.
func (c *Client) ForgetClientCredentials(rejected *Token) {
	if rejected == nil {
		return
	}
	c.mu.Lock()
	entries := make([]*ccEntry, 0, len(c.cache))
	for _, e := range c.cache {
		entries = append(entries, e)
	}
	c.mu.Unlock()
	for _, e := range entries {
		e.sem <- struct{}{}
		if e.tok != nil && e.tok.AccessToken == rejected.AccessToken {
			e.tok = nil
		}
		<-e.sem
	}
}
