package sandbox

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// materialDir is shared by every test bank so keys are generated once per run.
var materialDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "bank-test-*")
	if err != nil {
		panic(err)
	}
	materialDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixture is one bank plus a TPP client with the onboarded transport certificate.
type fixture struct {
	t      *testing.T
	b      *Bank
	client *http.Client
	ctx    context.Context
}

func newFixture(t *testing.T, opts ...func(*Options)) *fixture {
	t.Helper()
	o := Options{Dir: materialDir}
	for _, f := range opts {
		f(&o)
	}
	b, err := Start(t.Context(), o)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { _ = b.Close() })
	client := clientWith(b, b.TransportCert())
	return &fixture{t: t, b: b, client: client, ctx: context.WithValue(t.Context(), oauth2.HTTPClient, client)}
}

func clientWith(b *Bank, cert tls.Certificate) *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: b.CAPool(), Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}}
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

func (f *fixture) ccToken(scope string) string {
	f.t.Helper()
	cc := clientcredentials.Config{ClientID: f.b.ClientID(), ClientSecret: f.b.ClientSecret(), TokenURL: f.b.TokenURL(),
		Scopes: []string{scope}, AuthStyle: oauth2.AuthStyleInHeader}
	tok, err := cc.Token(f.ctx)
	if err != nil {
		f.t.Fatalf("client credentials %s: %v", scope, err)
	}
	return tok.AccessToken
}

func (f *fixture) oauthConfig() *oauth2.Config {
	return &oauth2.Config{ClientID: f.b.ClientID(), ClientSecret: f.b.ClientSecret(), RedirectURL: f.b.RedirectURI(),
		Endpoint: oauth2.Endpoint{TokenURL: f.b.TokenURL(), AuthStyle: oauth2.AuthStyleInHeader}}
}

// call sends a request to the API host and returns the status and body.
func (f *fixture) call(client *http.Client, method, path, token string, body []byte, hdr map[string]string) (int, []byte, http.Header) {
	f.t.Helper()
	req, err := http.NewRequestWithContext(f.ctx, method, f.b.APIURL()+path, bytes.NewReader(body))
	if err != nil {
		f.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		f.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, raw, resp.Header
}

func (f *fixture) do(method, path, token string, body []byte, hdr map[string]string) (int, []byte) {
	f.t.Helper()
	s, b, _ := f.call(f.client, method, path, token, body, hdr)
	return s, b
}

// obCode is Errors[0].ErrorCode and Errors[0].Message of an OB error body.
func obCode(t *testing.T, body []byte) (string, string) {
	t.Helper()
	var e obError
	if err := json.Unmarshal(body, &e); err != nil || len(e.Errors) == 0 {
		t.Fatalf("not an OB error body: %s", body)
	}
	return e.Errors[0].ErrorCode, e.Errors[0].Message
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// createConsent posts a consent with a client-credentials token and returns its id.
func (f *fixture) createAIS(perms ...string) string {
	f.t.Helper()
	if perms == nil {
		perms = []string{"ReadAccountsDetail", "ReadBalances", "ReadTransactionsDetail", "ReadTransactionsCredits",
			"ReadTransactionsDebits", "ReadStandingOrdersDetail", "ReadDirectDebits", "ReadScheduledPaymentsDetail"}
	}
	body := mustJSON(f.t, map[string]any{"Data": map[string]any{"Permissions": perms}, "Risk": map[string]any{}})
	s, raw := f.do("POST", aispBase+"/account-access-consents", f.ccToken("accounts"), body, nil)
	if s != http.StatusCreated {
		f.t.Fatalf("AIS consent: %d %s", s, raw)
	}
	return consentID(f.t, raw)
}

func consentID(t *testing.T, raw []byte) string {
	t.Helper()
	var r struct{ Data struct{ ConsentId string } }
	if err := json.Unmarshal(raw, &r); err != nil || len(r.Data.ConsentId) != 36 {
		t.Fatalf("no 36-char ConsentId in %s", raw)
	}
	return r.Data.ConsentId
}

// authParams are the parameters of a valid authorization request, in open-banking-connector's order (docs/bank-rules.md §Authorization URL).
type authParams [][2]string

func (p authParams) set(k, v string) authParams {
	out := authParams{}
	found := false
	for _, kv := range p {
		if kv[0] == k {
			found = true
			if v == "\x00" {
				continue
			}
			kv[1] = v
		}
		out = append(out, kv)
	}
	if !found && v != "\x00" {
		out = append(out, [2]string{k, v})
	}
	return out
}

// encode follows docs/bank-rules.md §Authorization URL: redirect_uri and scope raw, the rest QueryEscape'd,
// base64url without padding.
func (p authParams) encode() string {
	var parts []string
	for _, kv := range p {
		v := kv[1]
		if kv[0] != "redirect_uri" && kv[0] != "scope" {
			v = url.QueryEscape(v)
		}
		parts = append(parts, kv[0]+"="+v)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(strings.Join(parts, "&")))
}

const testVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-test-verifier"

func challenge(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func (f *fixture) params(consentID, scope string) authParams {
	return authParams{{"response_type", "code"}, {"client_id", f.b.ClientID()}, {"redirect_uri", f.b.RedirectURI()},
		{"scope", scope}, {"state", "st-" + randomHex(4)}, {"code_challenge_method", "S256"},
		{"code_challenge", challenge(testVerifier)}, {"login_hint", "coop"}, {"display", consentID}}
}

func (f *fixture) authURL(p authParams) string { return f.b.AuthURL("coop") + "?data=" + p.encode() }

// journey runs the pages and returns the redirect query.
func (f *fixture) journey(p authParams, j JourneyOptions) url.Values {
	f.t.Helper()
	loc, err := f.b.Journey(f.ctx, f.authURL(p), j)
	if err != nil {
		f.t.Fatalf("journey: %v", err)
	}
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != f.b.RedirectURI() {
		f.t.Fatalf("redirected to %s, want %s", loc, f.b.RedirectURI())
	}
	return loc.Query()
}

var alice = JourneyOptions{User: "alice", Password: "password"}

// authorise runs a successful journey and exchanges the code.
func (f *fixture) authorise(p authParams, j JourneyOptions) *oauth2.Token {
	f.t.Helper()
	q := f.journey(p, j)
	if q.Get("code") == "" {
		f.t.Fatalf("no code: %v", q)
	}
	tok, err := f.oauthConfig().Exchange(f.ctx, q.Get("code"), oauth2.VerifierOption(testVerifier))
	if err != nil {
		f.t.Fatalf("exchange: %v", err)
	}
	return tok
}

// aisToken creates an AIS consent, authorises it with alice and returns consent and token.
func (f *fixture) aisToken(perms ...string) (string, *oauth2.Token) {
	f.t.Helper()
	id := f.createAIS(perms...)
	return id, f.authorise(f.params(id, "accounts+offline"), alice)
}

// sign makes an OB detached JWS with a chosen header (manual, so tests can break it).
func sign(t *testing.T, key *rsa.PrivateKey, header map[string]any, body []byte) string {
	t.Helper()
	h := base64.RawURLEncoding.EncodeToString(mustJSON(t, header))
	sum := sha256.Sum256([]byte(h + "." + base64.RawURLEncoding.EncodeToString(body)))
	sig, err := rsa.SignPSS(rand.Reader, key, crypto.SHA256, sum[:], &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	if err != nil {
		t.Fatal(err)
	}
	return h + ".." + base64.RawURLEncoding.EncodeToString(sig)
}

func (f *fixture) header() map[string]any {
	return map[string]any{"alg": "PS256", "kid": f.b.mat.SigningKeyID, "typ": "JOSE", "cty": "application/json",
		claimIat: f.b.Now().Unix(), claimIss: f.b.mat.OrganisationID + "/" + f.b.mat.SoftwareStatementID, claimTan: obTan,
		"crit": []string{claimIat, claimIss, claimTan}}
}

// signedPost posts body with a valid signature and an idempotency key.
func (f *fixture) signedPost(path, token, key string, body []byte) (int, []byte) {
	f.t.Helper()
	return f.do("POST", path, token, body, map[string]string{"x-idempotency-key": key,
		"x-jws-signature": sign(f.t, f.b.mat.signingKey, f.header(), body)})
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
