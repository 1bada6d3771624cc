package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

func TestClientCredentialsWithOAuth2Client(t *testing.T) {
	f := newFixture(t)
	for _, scope := range []string{"accounts", "payments", "fundsconfirmations"} {
		f.b.ResetRequests()
		cc := clientcredentials.Config{ClientID: f.b.ClientID(), ClientSecret: f.b.ClientSecret(), TokenURL: f.b.TokenURL(),
			Scopes: []string{scope}, AuthStyle: oauth2.AuthStyleInHeader}
		tok, err := cc.Token(f.ctx)
		if err != nil {
			t.Fatalf("%s: %v", scope, err)
		}
		if tok.TokenType != "bearer" || tok.RefreshToken != "" || tok.Expiry.Before(time.Now().Add(29*time.Minute)) {
			t.Errorf("%s token: type %q refresh %q expiry %v", scope, tok.TokenType, tok.RefreshToken, tok.Expiry)
		}
		reqs := f.b.Requests()
		if len(reqs) != 1 || !reqs[0].BasicAuth || reqs[0].ClientID != f.b.ClientID() || slices.Contains(reqs[0].FormFields, "client_id") ||
			reqs[0].GrantType != "client_credentials" || reqs[0].Scope != scope || strings.Contains(reqs[0].Headers.Get("Authorization"), f.b.ClientSecret()) {
			t.Errorf("%s request log: %+v", scope, reqs)
		}
	}
}

func TestTokenEndpointRefusals(t *testing.T) {
	f := newFixture(t)
	basic := func(r *http.Request) { r.SetBasicAuth(f.b.ClientID(), f.b.ClientSecret()) }
	tests := []struct {
		name   string
		form   url.Values
		auth   func(*http.Request)
		status int
		code   string
	}{
		{"client_id in body with basic", url.Values{"grant_type": {"client_credentials"}, "scope": {"accounts"}, "client_id": {f.b.ClientID()}}, basic, 400, "invalid_request"},
		{"client_secret_post", url.Values{"grant_type": {"client_credentials"}, "scope": {"accounts"}, "client_id": {f.b.ClientID()}, "client_secret": {f.b.ClientSecret()}}, nil, 401, "invalid_client"},
		{"no credentials", url.Values{"grant_type": {"client_credentials"}, "scope": {"accounts"}}, nil, 401, "invalid_client"},
		{"wrong secret", url.Values{"grant_type": {"client_credentials"}, "scope": {"accounts"}}, func(r *http.Request) { r.SetBasicAuth(f.b.ClientID(), "nope") }, 401, "invalid_client"},
		{"bad scope", url.Values{"grant_type": {"client_credentials"}, "scope": {"openid"}}, basic, 400, "invalid_scope"},
		{"missing scope", url.Values{"grant_type": {"client_credentials"}}, basic, 400, "invalid_scope"},
		{"password grant", url.Values{"grant_type": {"password"}}, basic, 400, "unsupported_grant_type"},
		{"unknown code", url.Values{"grant_type": {"authorization_code"}, "code": {"x"}, "code_verifier": {testVerifier}, "redirect_uri": {f.b.RedirectURI()}}, basic, 400, "invalid_grant"},
		{"unknown refresh token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {"x"}}, basic, 400, "invalid_grant"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", f.b.TokenURL(), strings.NewReader(tt.form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tt.auth != nil {
				tt.auth(req)
			}
			resp, err := f.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var e oauthError
			_ = json.NewDecoder(resp.Body).Decode(&e)
			if resp.StatusCode != tt.status || e.Error != tt.code {
				t.Errorf("got %d %q (%s), want %d %q", resp.StatusCode, e.Error, e.Description, tt.status, tt.code)
			}
		})
	}
	// The x/oauth2 client with AuthStyleInParams (client_secret_post) is refused too.
	cc := clientcredentials.Config{ClientID: f.b.ClientID(), ClientSecret: f.b.ClientSecret(), TokenURL: f.b.TokenURL(),
		Scopes: []string{"accounts"}, AuthStyle: oauth2.AuthStyleInParams}
	var re *oauth2.RetrieveError
	if _, err := cc.Token(f.ctx); !errors.As(err, &re) || re.ErrorCode != "invalid_client" {
		t.Errorf("client_secret_post: %v", err)
	}
}

func TestAuthorizationCodeGrant(t *testing.T) {
	f := newFixture(t)
	id := f.createAIS()
	q := f.journey(f.params(id, "accounts+offline"), alice)
	cfg := f.oauthConfig()
	if _, err := cfg.Exchange(f.ctx, q.Get("code"), oauth2.VerifierOption("wrong-verifier-wrong-verifier-wrong-verifier-00")); !isGrantErr(err) {
		t.Errorf("wrong verifier: %v", err)
	}
	f.b.ResetRequests()
	tok, err := cfg.Exchange(f.ctx, q.Get("code"), oauth2.VerifierOption(testVerifier))
	if err != nil {
		t.Fatal(err)
	}
	if tok.TokenType != "bearer" || tok.RefreshToken == "" || tok.Extra("scope") != "accounts offline" {
		t.Errorf("token: %q %q %v", tok.TokenType, tok.RefreshToken, tok.Extra("scope"))
	}
	if reqs := f.b.Requests(); len(reqs) != 1 || reqs[0].GrantType != "authorization_code" || !reqs[0].BasicAuth ||
		!slices.Equal(reqs[0].FormFields, []string{"code", "code_verifier", "grant_type", "redirect_uri"}) {
		t.Errorf("request log: %+v", reqs)
	}
	if _, err := cfg.Exchange(f.ctx, q.Get("code"), oauth2.VerifierOption(testVerifier)); !isGrantErr(err) {
		t.Errorf("code reuse: %v", err)
	}
	// A code is good for 60 s of bank clock.
	q2 := f.journey(f.params(id, "accounts+offline"), alice)
	f.b.Advance(61 * time.Second)
	if _, err := cfg.Exchange(f.ctx, q2.Get("code"), oauth2.VerifierOption(testVerifier)); !isGrantErr(err) {
		t.Errorf("expired code: %v", err)
	}
	// redirect_uri must match the authorization request.
	q3 := f.journey(f.params(id, "accounts+offline"), alice)
	other := f.oauthConfig()
	other.RedirectURL = "http://127.0.0.1:3000/other"
	if _, err := other.Exchange(f.ctx, q3.Get("code"), oauth2.VerifierOption(testVerifier)); !isGrantErr(err) {
		t.Errorf("other redirect_uri: %v", err)
	}
}

func isGrantErr(err error) bool {
	var re *oauth2.RetrieveError
	return errors.As(err, &re) && re.ErrorCode == "invalid_grant"
}

func refresh(f *fixture, rt string) (*oauth2.Token, error) {
	return f.oauthConfig().TokenSource(f.ctx, &oauth2.Token{RefreshToken: rt, Expiry: time.Now().Add(-time.Hour)}).Token()
}

func TestRefreshModes(t *testing.T) {
	t.Run("keep", func(t *testing.T) {
		f := newFixture(t)
		_, tok := f.aisToken()
		next, err := refresh(f, tok.RefreshToken)
		if err != nil || next.RefreshToken != tok.RefreshToken || next.AccessToken == tok.AccessToken {
			t.Fatalf("keep: %v %+v", err, next)
		}
		if _, err := refresh(f, tok.RefreshToken); err != nil {
			t.Errorf("keep, second use: %v", err)
		}
		f.b.Advance(721 * time.Hour)
		if _, err := refresh(f, tok.RefreshToken); !isGrantErr(err) {
			t.Errorf("refresh after 30 days: %v", err)
		}
	})
	t.Run("rotate", func(t *testing.T) {
		f := newFixture(t, func(o *Options) { o.RefreshMode = RefreshRotate })
		_, tok := f.aisToken()
		next, err := refresh(f, tok.RefreshToken)
		if err != nil || next.RefreshToken == tok.RefreshToken {
			t.Fatalf("rotate: %v %+v", err, next)
		}
		if _, err := refresh(f, tok.RefreshToken); !isGrantErr(err) {
			t.Errorf("old refresh token: %v", err)
		}
		if _, err := refresh(f, next.RefreshToken); err != nil {
			t.Errorf("new refresh token after a reuse (plain rotate keeps the chain): %v", err)
		}
	})
	t.Run("rotate one-time", func(t *testing.T) {
		f := newFixture(t, func(o *Options) { o.RefreshMode = RefreshRotateOneTime })
		_, tok := f.aisToken()
		next, err := refresh(f, tok.RefreshToken)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := refresh(f, tok.RefreshToken); !isGrantErr(err) {
			t.Errorf("reuse: %v", err)
		}
		if _, err := refresh(f, next.RefreshToken); !isGrantErr(err) {
			t.Errorf("newest refresh token after reuse: %v", err)
		}
		if s, _ := f.do("GET", aispBase+"/accounts", next.AccessToken, nil, nil); s != http.StatusUnauthorized {
			t.Errorf("access token of a revoked chain = %d, want 401", s)
		}
	})
}

func TestAccessTokenExpiry(t *testing.T) {
	f := newFixture(t)
	_, tok := f.aisToken()
	f.b.Advance(31 * time.Minute)
	s, body := f.do("GET", aispBase+"/accounts", tok.AccessToken, nil, nil)
	if s != http.StatusUnauthorized || len(body) != 0 {
		t.Errorf("expired token = %d %q, want 401 without body", s, body)
	}
	next, err := refresh(f, tok.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := f.do("GET", aispBase+"/accounts", next.AccessToken, nil, nil); s != http.StatusOK {
		t.Errorf("refreshed token = %d", s)
	}
}
