package oauth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/credentials/credentialstest"
)

const (
	clientID     = "tpp-client"
	clientSecret = "s3cr3t:with&chars"
	redirectURI  = "https://tpp.example/callback"
	accessValue  = "ACCESS-TOKEN-VALUE"
	refreshValue = "REFRESH-TOKEN-VALUE"
	codeValue    = "AUTH-CODE-VALUE"
	verifier     = "VERIFIER-VALUE-0123456789012345678901234567890"
)

// recorded is one request the fake token endpoint saw.
type recorded struct {
	BasicOK      bool
	User, Pass   string
	Form         url.Values
	ClientCertCN string
}

// tokenEndpoint is an mTLS token endpoint that records requests and answers
// with respond (a 200 bearer token by default).
type tokenEndpoint struct {
	mu      sync.Mutex
	reqs    []recorded
	respond func(w http.ResponseWriter, r *http.Request, n int)
}

func (te *tokenEndpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := recorded{}
	if u, p, ok := r.BasicAuth(); ok {
		rec.BasicOK = true
		// RFC 6749 §2.3.1: id and secret are form-encoded before Basic.
		rec.User, _ = url.QueryUnescape(u)
		rec.Pass, _ = url.QueryUnescape(p)
	}
	_ = r.ParseForm()
	rec.Form = r.PostForm
	if len(r.TLS.PeerCertificates) > 0 {
		rec.ClientCertCN = r.TLS.PeerCertificates[0].Subject.CommonName
	}
	te.mu.Lock()
	te.reqs = append(te.reqs, rec)
	n := len(te.reqs)
	te.mu.Unlock()
	if te.respond != nil {
		te.respond(w, r, n)
		return
	}
	writeToken(w, fmt.Sprintf(`{"access_token":"%s-%d","token_type":"bearer","expires_in":1800,"refresh_token":"%s","scope":"accounts offline"}`, accessValue, n, refreshValue))
}

func (te *tokenEndpoint) requests() []recorded {
	te.mu.Lock()
	defer te.mu.Unlock()
	return append([]recorded(nil), te.reqs...)
}

func writeToken(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(body))
}

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func setup(t *testing.T, style AuthStyle) (*Client, *tokenEndpoint, *clock, *http.Client) {
	t.Helper()
	te := &tokenEndpoint{}
	srv, hc := credentialstest.MTLSServer(t, te)
	clk := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	cfg := Config{TokenURL: srv.URL + "/apis/oauth/v1/oauth2/token", ClientID: clientID,
		ClientSecret: clientSecret, RedirectURI: redirectURI, AuthStyle: style}
	c := New(func(context.Context) (Config, error) { return cfg, nil }, hc, clk.now)
	return c, te, clk, hc
}

func TestGrantsUseBasicAuthOnly(t *testing.T) {
	t.Parallel()
	c, te, _, _ := setup(t, AuthBasic)
	ctx := context.Background()
	if _, err := c.ClientCredentials(ctx, "accounts"); err != nil {
		t.Fatalf("ClientCredentials: %v", err)
	}
	if _, err := c.Exchange(ctx, codeValue, verifier); err != nil {
		t.Fatalf("Exchange: %v", err)
	}
	if _, err := c.Refresh(ctx, refreshValue); err != nil {
		t.Fatalf("Refresh: %v", err)
	}
	want := []url.Values{
		{"grant_type": {"client_credentials"}, "scope": {"accounts"}},
		{"grant_type": {"authorization_code"}, "code": {codeValue}, "code_verifier": {verifier}, "redirect_uri": {redirectURI}},
		{"grant_type": {"refresh_token"}, "refresh_token": {refreshValue}},
	}
	reqs := te.requests()
	if len(reqs) != len(want) {
		t.Fatalf("%d requests, want %d", len(reqs), len(want))
	}
	for i, r := range reqs {
		if !r.BasicOK || r.User != clientID || r.Pass != clientSecret {
			t.Errorf("request %d: basic auth %v %q, want the client's credentials", i, r.BasicOK, r.User)
		}
		if diff := cmp.Diff(want[i], r.Form); diff != "" {
			t.Errorf("request %d body (-want +got) — no client_id or client_secret allowed:\n%s", i, diff)
		}
		if r.ClientCertCN != "tpp" {
			t.Errorf("request %d: client certificate %q, want tpp (mTLS)", i, r.ClientCertCN)
		}
	}
}

func TestPostAuthStyle(t *testing.T) {
	t.Parallel()
	c, te, _, _ := setup(t, AuthPost)
	if _, err := c.Refresh(context.Background(), refreshValue); err != nil {
		t.Fatal(err)
	}
	r := te.requests()[0]
	if r.BasicOK || r.Form.Get("client_id") != clientID || r.Form.Get("client_secret") != clientSecret {
		t.Errorf("post style: basic=%v client_id=%q: want credentials in the body only", r.BasicOK, r.Form.Get("client_id"))
	}
}

func TestParseAuthStyle(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]AuthStyle{"": AuthBasic, "client_secret_basic": AuthBasic, "client_secret_post": AuthPost} {
		if got, err := ParseAuthStyle(in); err != nil || got != want {
			t.Errorf("ParseAuthStyle(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseAuthStyle("private_key_jwt"); err == nil {
		t.Error("ParseAuthStyle accepted private_key_jwt")
	}
}

func TestClientCredentialsCache(t *testing.T) {
	t.Parallel()
	c, te, clk, _ := setup(t, AuthBasic)
	ctx := context.Background()
	t1, err := c.ClientCredentials(ctx, "payments")
	if err != nil {
		t.Fatal(err)
	}
	t2, err := c.ClientCredentials(ctx, "payments")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(te.requests()); n != 1 || t1.AccessToken != t2.AccessToken {
		t.Fatalf("two calls made %d requests (tokens %q, %q); want one cached token", n, t1.AccessToken, t2.AccessToken)
	}
	if want := clk.now().Add(1800 * time.Second); !t1.ExpiresAt.Equal(want) {
		t.Errorf("ExpiresAt = %v, want %v", t1.ExpiresAt, want)
	}
	if _, err := c.ClientCredentials(ctx, "accounts"); err != nil {
		t.Fatal(err)
	}
	if n := len(te.requests()); n != 2 {
		t.Errorf("another scope made %d requests in all, want 2", n)
	}
	clk.advance(1800*time.Second - 61*time.Second)
	if _, err := c.ClientCredentials(ctx, "payments"); err != nil {
		t.Fatal(err)
	}
	if n := len(te.requests()); n != 2 {
		t.Errorf("61 s before expiry: %d requests, want the cached token (2)", n)
	}
	clk.advance(2 * time.Second)
	t3, err := c.ClientCredentials(ctx, "payments")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(te.requests()); n != 3 || t3.AccessToken == t1.AccessToken {
		t.Errorf("59 s before expiry: %d requests, want a new token (3)", n)
	}
}

func TestClientCredentialsConcurrentCallsShareOneRequest(t *testing.T) {
	t.Parallel()
	c, te, _, _ := setup(t, AuthBasic)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			if _, err := c.ClientCredentials(context.Background(), "accounts"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := len(te.requests()); n != 1 {
		t.Errorf("16 concurrent calls made %d requests, want 1", n)
	}
}

func TestTokenTypeAndLifetimes(t *testing.T) {
	t.Parallel()
	c, te, clk, _ := setup(t, AuthBasic)
	te.respond = func(w http.ResponseWriter, _ *http.Request, n int) {
		switch n {
		case 1:
			writeToken(w, `{"access_token":"a","token_type":"bearer","expires_in":1800,"refresh_token":"r2","refresh_token_expires_in":600}`)
		case 2:
			writeToken(w, `{"access_token":"a","token_type":"BEARER","expires_in":"1800"}`)
		default:
			writeToken(w, `{"access_token":"a","token_type":"mac","expires_in":1800}`)
		}
	}
	ctx := context.Background()
	tok, err := c.Exchange(ctx, codeValue, verifier)
	if err != nil {
		t.Fatalf("lower-case bearer: %v", err)
	}
	now := clk.now()
	if tok.TokenType != "Bearer" || !tok.RefreshExpiresAt.Equal(now.Add(600*time.Second)) || !tok.RefreshExpiry(now).Equal(now.Add(600*time.Second)) {
		t.Errorf("token %v refresh expiry %v: want Bearer and 600 s", tok, tok.RefreshExpiresAt)
	}
	tok, err = c.Refresh(ctx, "r-old")
	if err != nil {
		t.Fatalf("upper-case bearer: %v", err)
	}
	if tok.RefreshToken != "r-old" || !tok.RefreshExpiresAt.IsZero() || !tok.RefreshExpiry(now).Equal(now.Add(DefaultRefreshLifetime)) {
		t.Errorf("unrotated refresh: token %q, expiry %v: want the old token and the 30-day default", tok.RefreshToken, tok.RefreshExpiry(now))
	}
	if !tok.ExpiresAt.Equal(now.Add(1800 * time.Second)) {
		t.Errorf("string expires_in: ExpiresAt %v", tok.ExpiresAt)
	}
	// The bank answered 200, so it may have rotated already: the tokens are
	// returned, never refused, with the type it sent for the caller to log.
	tok, err = c.Refresh(ctx, "r-old")
	if err != nil {
		t.Fatalf("token_type mac after a 200: %v, want the tokens", err)
	}
	if tok.AccessToken != "a" || tok.RefreshToken != "r-old" || tok.TokenType != "mac" || tok.IsBearer() {
		t.Errorf("token_type mac: token %v, bearer %v", tok, tok.IsBearer())
	}
}

func TestConfigReadOnEveryCall(t *testing.T) {
	t.Parallel()
	te := &tokenEndpoint{}
	srv, hc := credentialstest.MTLSServer(t, te)
	var mu sync.Mutex
	secret := "old"
	c := New(func(context.Context) (Config, error) {
		mu.Lock()
		defer mu.Unlock()
		return Config{TokenURL: srv.URL, ClientID: clientID, ClientSecret: secret}, nil
	}, hc, nil)
	if _, err := c.Refresh(context.Background(), "r"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	secret = "rotated"
	mu.Unlock()
	if _, err := c.Refresh(context.Background(), "r"); err != nil {
		t.Fatal(err)
	}
	reqs := te.requests()
	if reqs[0].Pass != "old" || reqs[1].Pass != "rotated" {
		t.Errorf("secrets sent %q, %q; want old then rotated", reqs[0].Pass, reqs[1].Pass)
	}
	if _, err := New(func(context.Context) (Config, error) { return Config{}, errors.New("no secret") }, hc, nil).
		ClientCredentials(context.Background(), "accounts"); err == nil {
		t.Error("config error not returned")
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	secretBits := []string{codeValue, verifier, refreshValue, accessValue, clientSecret, "BODY-MARKER"}
	tests := []struct {
		name         string
		respond      func(w http.ResponseWriter, r *http.Request)
		timeout      time.Duration
		invalidGrant bool
		transient    bool
		status       int
		processed    bool // MayHaveBeenProcessed: only when no HTTP error status came back
	}{
		{"invalid_grant", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(400)
			fmt.Fprintf(w, `{"error":"invalid_grant","error_description":"code %s already used BODY-MARKER"}`, codeValue)
		}, 0, true, false, 400, false},
		{"invalid_client 401", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(401)
			fmt.Fprint(w, `{"error":"invalid_client"}`)
		}, 0, false, false, 401, false},
		{"500 json", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(500)
			fmt.Fprint(w, `{"error":"server_error","error_description":"BODY-MARKER"}`)
		}, 0, false, true, 500, false},
		{"503 html", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(503)
			fmt.Fprintf(w, "<html><body>BODY-MARKER %s</body></html>", refreshValue)
		}, 0, false, true, 503, false},
		{"400 html", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(400)
			fmt.Fprint(w, "<html>BODY-MARKER</html>")
		}, 0, false, false, 400, false},
		{"502 empty", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(502) }, 0, false, true, 502, false},
		{"429", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(429)
		}, 0, false, true, 429, false},
		{"dropped connection", func(w http.ResponseWriter, _ *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		}, 0, false, true, 0, true},
		{"dropped mid-body", func(w http.ResponseWriter, _ *http.Request) {
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err == nil {
				fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"access_token\":\"%s\"", accessValue)
				buf.Flush()
				conn.Close()
			}
		}, 0, false, true, 0, true},
		{"timeout", func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }, 100 * time.Millisecond, false, true, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, te, _, hc := setup(t, AuthBasic)
			te.respond = func(w http.ResponseWriter, r *http.Request, _ int) { tc.respond(w, r) }
			if tc.timeout > 0 {
				hc.Timeout = tc.timeout
				c = New(c.config, hc, nil)
			}
			ctx := context.Background()
			calls := map[string]func() (*Token, error){
				"exchange":           func() (*Token, error) { return c.Exchange(ctx, codeValue, verifier) },
				"refresh":            func() (*Token, error) { return c.Refresh(ctx, refreshValue) },
				"client_credentials": func() (*Token, error) { return c.ClientCredentials(ctx, "accounts") },
			}
			for grant, call := range calls {
				tok, err := call()
				if err == nil || tok != nil {
					t.Fatalf("%s: token %v, err %v; want an error", grant, tok, err)
				}
				var oe *Error
				if !errors.As(err, &oe) {
					t.Fatalf("%s: %T %v, want *oauth.Error", grant, err, err)
				}
				if IsInvalidGrant(err) != tc.invalidGrant || IsTransient(err) != tc.transient || oe.StatusCode != tc.status ||
					MayHaveBeenProcessed(err) != tc.processed {
					t.Errorf("%s: invalidGrant=%v transient=%v status=%d processed=%v, want %v %v %d %v (%v)", grant,
						IsInvalidGrant(err), IsTransient(err), oe.StatusCode, MayHaveBeenProcessed(err),
						tc.invalidGrant, tc.transient, tc.status, tc.processed, err)
				}
				for _, s := range secretBits {
					if strings.Contains(err.Error(), s) || strings.Contains(fmt.Sprintf("%+v", err), s) {
						t.Errorf("%s: error %q contains %q", grant, err.Error(), s)
					}
				}
			}
		})
	}
}

func TestTokenStringRedacts(t *testing.T) {
	t.Parallel()
	tok := Token{AccessToken: accessValue, RefreshToken: refreshValue, TokenType: "Bearer"}
	for _, s := range []string{tok.String(), fmt.Sprintf("%v", tok), fmt.Sprintf("%+v", &tok), tok.LogValue().String()} {
		if strings.Contains(s, accessValue) || strings.Contains(s, refreshValue) {
			t.Errorf("%q shows a token", s)
		}
	}
	cfg := Config{ClientSecret: clientSecret}
	if strings.Contains(fmt.Sprint(cfg), clientSecret) {
		t.Error("Config prints its secret")
	}
}
