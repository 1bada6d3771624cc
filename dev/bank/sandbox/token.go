package sandbox

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const tokenPath = "/apis/oauth/v1/oauth2/token"

// oauthError is the RFC 6749 §5.2 error body.
type oauthError struct {
	Error       string `json:"error"`
	Description string `json:"error_description,omitempty"`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Scope        string `json:"scope,omitempty"`
}

func writeOAuthError(w http.ResponseWriter, status int, code, desc string) {
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Basic realm="token"`)
	}
	writeJSON(w, status, oauthError{Error: code, Description: desc})
}

// handleToken is the token endpoint. The bank's page: "Client ID should not be populated
// in the body of the request. Only Client_secret_basic is supported." (RFC 6749 §2.3.1,
// §4.1.3, §4.4, §6; RFC 7636 §4.6; tokens bound to the client certificate, RFC 8705 §3).
func (b *Bank) handleToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeOAuthError(w, http.StatusMethodNotAllowed, "invalid_request", "use POST")
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "the body must be application/x-www-form-urlencoded")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "unreadable form body")
		return
	}
	form := r.PostForm
	if form.Has("client_secret") || form.Has("client_assertion") {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "only client_secret_basic is supported: credentials must not be sent in the body")
		return
	}
	if form.Has("client_id") {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "client_id must not be populated in the body of the request")
		return
	}
	clientID, ok := b.basicClient(r)
	if !ok {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "client authentication failed (client_secret_basic required)")
		return
	}
	for k, v := range form {
		if len(v) > 1 {
			writeOAuthError(w, http.StatusBadRequest, "invalid_request", "parameter "+k+" repeated")
			return
		}
	}
	certFP := certFingerprint(r.TLS.PeerCertificates[0].Raw)
	var resp *tokenResponse
	var oe *oauthError
	switch form.Get("grant_type") {
	case "client_credentials":
		resp, oe = b.grantClientCredentials(form, certFP)
	case "authorization_code":
		resp, oe = b.grantAuthorizationCode(form, clientID, certFP)
	case "refresh_token":
		resp, oe = b.grantRefresh(form, certFP)
	case "":
		oe = &oauthError{"invalid_request", "grant_type is required"}
	default:
		oe = &oauthError{"unsupported_grant_type", "grant_type " + form.Get("grant_type") + " is not supported"}
	}
	if oe != nil {
		writeOAuthError(w, http.StatusBadRequest, oe.Error, oe.Description)
		return
	}
	w.Header().Set("Pragma", "no-cache")
	writeJSON(w, http.StatusOK, resp)
}

// basicClient checks HTTP Basic credentials; RFC 6749 §2.3.1 form-encodes both parts.
func (b *Bank) basicClient(r *http.Request) (string, bool) {
	auth := r.Header.Get("Authorization")
	scheme, rest, _ := strings.Cut(auth, " ")
	if !strings.EqualFold(scheme, "basic") {
		return "", false
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(rest))
	if err != nil {
		return "", false
	}
	user, pass, ok := strings.Cut(string(raw), ":")
	if !ok {
		return "", false
	}
	user, err1 := url.QueryUnescape(user)
	pass, err2 := url.QueryUnescape(pass)
	if err1 != nil || err2 != nil {
		return "", false
	}
	if subtle.ConstantTimeCompare([]byte(user), []byte(b.mat.ClientID)) != 1 ||
		subtle.ConstantTimeCompare([]byte(pass), []byte(b.mat.ClientSecret)) != 1 {
		return "", false
	}
	return user, true
}

func (b *Bank) grantClientCredentials(form url.Values, certFP string) (*tokenResponse, *oauthError) {
	scope := form.Get("scope")
	switch scope {
	case "accounts", "payments", "fundsconfirmations":
	case "":
		return nil, &oauthError{"invalid_scope", "scope is required: accounts, payments or fundsconfirmations"}
	default:
		return nil, &oauthError{"invalid_scope", "scope must be one of accounts, payments, fundsconfirmations"}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.issueAccessLocked(scope, certFP, nil, ""), nil
}

func (b *Bank) grantAuthorizationCode(form url.Values, clientID, certFP string) (*tokenResponse, *oauthError) {
	code, verifier, redirect := form.Get("code"), form.Get("code_verifier"), form.Get("redirect_uri")
	b.mu.Lock()
	b.recordVerifierLocked(verifier)
	b.mu.Unlock()
	if code == "" || verifier == "" || redirect == "" {
		return nil, &oauthError{"invalid_request", "code, code_verifier and redirect_uri are required"}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.nowLocked()
	c, ok := b.st.codes[code]
	switch {
	case !ok:
		return nil, &oauthError{"invalid_grant", "unknown authorization code"}
	case c.used:
		c.grant.revoked = "reuse"
		return nil, &oauthError{"invalid_grant", "authorization code already used"}
	case !now.Before(c.expires):
		return nil, &oauthError{"invalid_grant", "authorization code expired"}
	case c.clientID != clientID:
		return nil, &oauthError{"invalid_grant", "authorization code issued to another client"}
	case c.redirectURI != redirect:
		return nil, &oauthError{"invalid_grant", "redirect_uri does not match the authorization request"}
	case !pkceMatches(verifier, c.codeChallenge):
		return nil, &oauthError{"invalid_grant", "code_verifier does not match code_challenge (S256)"}
	case c.grant.revoked != "":
		return nil, &oauthError{"invalid_grant", "authorization superseded"}
	}
	c.used = true
	// Re-authentication: the consent's earlier tokens stop working (OB v3.1 "Consent
	// Re-authentication").
	b.st.revokeGrants(c.grant.consentID, "reauth")
	b.st.grants = append(b.st.grants, c.grant)
	refresh := ""
	if c.grant.scope != "payments" {
		refresh = randomToken()
		b.recordLocked(SecretRefreshToken, refresh)
		b.st.refresh[refresh] = &refreshToken{expires: now.Add(b.refreshTTL), grant: c.grant}
	}
	return b.issueAccessLocked(c.grant.scope, certFP, c.grant, refresh), nil
}

func (b *Bank) grantRefresh(form url.Values, certFP string) (*tokenResponse, *oauthError) {
	value := form.Get("refresh_token")
	if value == "" {
		return nil, &oauthError{"invalid_request", "refresh_token is required"}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.nowLocked()
	rt, ok := b.st.refresh[value]
	switch {
	case !ok:
		return nil, &oauthError{"invalid_grant", "unknown refresh token"}
	case rt.spent && b.refreshMode == RefreshRotateOneTime:
		rt.grant.revoked = "reuse"
		return nil, &oauthError{"invalid_grant", "refresh token already used: the token chain is revoked"}
	case rt.spent:
		return nil, &oauthError{"invalid_grant", "refresh token already used"}
	case !now.Before(rt.expires):
		return nil, &oauthError{"invalid_grant", "refresh token expired"}
	case rt.grant.revoked != "":
		return nil, &oauthError{"invalid_grant", "refresh token revoked"}
	}
	if c := b.st.consents[rt.grant.consentID]; c == nil || c.usable(now) != nil {
		return nil, &oauthError{"invalid_grant", "consent is no longer authorised"}
	}
	next := value
	if b.refreshMode != RefreshKeep {
		rt.spent = true
		next = randomToken()
		b.recordLocked(SecretRefreshToken, next)
		b.st.refresh[next] = &refreshToken{expires: now.Add(b.refreshTTL), grant: rt.grant}
	}
	return b.issueAccessLocked(rt.grant.scope, certFP, rt.grant, next), nil
}

// issueAccessLocked mints an access token bound to the client certificate. The scope
// returned for offline grants is space-separated, as open-banking-connector expects ("accounts offline").
func (b *Bank) issueAccessLocked(scope, certFP string, g *grant, refresh string) *tokenResponse {
	now := b.nowLocked()
	tok := randomToken()
	kind := SecretAccessToken
	if g == nil {
		kind = SecretClientCredentials
	}
	b.recordLocked(kind, tok)
	b.st.access[tok] = &accessToken{scope: scope, certFP: certFP, expires: now.Add(b.accessTTL), grant: g}
	respScope := scope
	if g != nil && scope != "payments" {
		respScope = scope + " offline"
	}
	return &tokenResponse{AccessToken: tok, TokenType: "bearer", ExpiresIn: int(b.accessTTL / time.Second),
		RefreshToken: refresh, Scope: respScope}
}

// pkceMatches is RFC 7636 §4.6 for S256.
func pkceMatches(verifier, challenge string) bool {
	sum := sha256.Sum256([]byte(verifier))
	return subtle.ConstantTimeCompare([]byte(base64.RawURLEncoding.EncodeToString(sum[:])), []byte(challenge)) == 1
}

func randomToken() string { return randomHex(24) }
