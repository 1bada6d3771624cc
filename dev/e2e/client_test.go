package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/coop-ob/connector/client"
	"github.com/coop-ob/connector/dev/apicheck"
)

// noRedirect is the app's HTTP client: it never follows redirects, so a 302 of the
// callback is seen as it is.
var noRedirect = &http.Client{
	Timeout:       30 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// reply is one HTTP answer of the gateway.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) String() string { return http.StatusText(r.status) + " " + string(r.body) }

// decode unmarshals the body into v, failing t when it is not JSON.
func (r reply) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body is not the JSON expected (%v): %d %s", err, r.status, r.body)
	}
}

// problem is an application/problem+json answer (docs/architecture.md).
type problem struct {
	Type             string `json:"type"`
	Title            string `json:"title"`
	Status           int    `json:"status"`
	Detail           string `json:"detail"`
	Action           string `json:"action"`
	AuthorizationURL string `json:"authorizationUrl"`
	InteractionID    string `json:"interactionId"`
}

// problemOf decodes a problem answer, checking its status and content type.
func problemOf(t *testing.T, r reply, status int) problem {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d problem: %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Errorf("Content-Type = %q, want application/problem+json", ct)
	}
	var p problem
	r.decode(t, &p)
	if p.Type == "" || p.Title == "" {
		t.Errorf("problem without type or title: %s", r.body)
	}
	return p
}

// caller is an app user: a JWT sub with a token the gateway accepts.
type caller struct {
	sub, token string
}

// newCaller issues a token for a fresh sub; every test acts as its own caller.
func newCaller(t *testing.T) caller {
	t.Helper()
	sub := "e2e-" + uuid.NewString()[:8]
	tok, err := st.IssueToken(sub, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	secrets.add("app JWT", tok)
	callers.Add(1)
	return caller{sub: sub, token: tok}
}

// call sends one request to the gateway. body is nil, a string, []byte or a value to marshal.
func (c caller) call(t *testing.T, method, path string, body any, header map[string]string) reply {
	t.Helper()
	return send(t, method, st.APIURL()+path, "Bearer "+c.token, body, header)
}

func (c caller) get(t *testing.T, path string) reply {
	return c.call(t, http.MethodGet, path, nil, nil)
}

func send(t *testing.T, method, target, authorization string, body any, header map[string]string) reply {
	t.Helper()
	return sendCtx(t, t.Context(), method, target, authorization, body, header)
}

// callInvalid sends a request that breaks docs/openapi.yaml on purpose: the contract check
// skips the request and judges the answer, which must be one of the documented refusals.
func (c caller) callInvalid(t *testing.T, method, path string, body any, header map[string]string) reply {
	t.Helper()
	return sendCtx(t, apicheck.InvalidOnPurpose(t.Context()), method, st.APIURL()+path, "Bearer "+c.token, body, header)
}

func sendCtx(t *testing.T, ctx context.Context, method, target, authorization string, body any, header map[string]string) reply {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: b}
}

// api is the generated app client (module client, from docs/openapi.yaml) acting as c, over
// noRedirect and so through the contract check.
func (c caller) api(t *testing.T) *client.ClientWithResponses {
	t.Helper()
	api, err := client.NewClientWithResponses(st.APIURL(), client.WithHTTPClient(noRedirect),
		client.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+c.token)
			return nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	return api
}

// createConsent creates a consent and checks the answer: 201, a consent id, and an
// authorizationUrl (the connector's journey link) and bankAuthorizationUrl (the bank's endpoint).
func (c caller) createConsent(t *testing.T, body client.ConsentRequest) client.ConsentCreated {
	t.Helper()
	res, err := c.api(t).CreateConsentWithResponse(t.Context(), &client.CreateConsentParams{}, body)
	if err != nil {
		t.Fatalf("POST /consents: %v", err)
	}
	if res.JSON201 == nil {
		t.Fatalf("POST /consents = %d %s", res.StatusCode(), res.Body)
	}
	cr := *res.JSON201
	if err := uuid.Validate(cr.ConsentId); err != nil {
		t.Fatalf("consentId %q is not a UUID: %s", cr.ConsentId, res.Body)
	}
	checkAuthURL(t, cr.AuthorizationUrl, cr.ConsentId)
	checkBankURL(t, cr.BankAuthorizationUrl, cr.ConsentId)
	harvest(t) // the auth session holds the PKCE verifier until the callback
	return cr
}

// authorize asks for a re-authentication (stepUp false) or step-up URL for a consent.
func (c caller) authorize(t *testing.T, id string, stepUp bool) client.AuthorizationUrl {
	t.Helper()
	res, err := c.api(t).AuthorizeConsentWithResponse(t.Context(), id, client.AuthorizeRequest{StepUp: &stepUp})
	if err != nil {
		t.Fatalf("POST /consents/%s/authorize: %v", id, err)
	}
	if res.JSON200 == nil {
		t.Fatalf("POST /consents/%s/authorize = %d %s", id, res.StatusCode(), res.Body)
	}
	checkAuthURL(t, res.JSON200.AuthorizationUrl, id)
	checkBankURL(t, res.JSON200.BankAuthorizationUrl, id)
	harvest(t)
	return *res.JSON200
}

// revoke sends DELETE /consents/{id} with the generated client.
func (c caller) revoke(t *testing.T, id string) *client.RevokeConsentResponse {
	t.Helper()
	res, err := c.api(t).RevokeConsentWithResponse(t.Context(), id)
	if err != nil {
		t.Fatalf("DELETE /consents/%s: %v", id, err)
	}
	return res
}

// checkAuthURL checks that u is the bank's authorization endpoint with a data parameter.
func checkAuthURL(t *testing.T, u, consentID string) {
	t.Helper()
	ref, ok := strings.CutPrefix(u, st.APIURL()+"/journeys/")
	if !ok || len(ref) != 43 {
		t.Fatalf("authorizationUrl %q for consent %s is not the connector's journey link", u, consentID)
	}
}

// checkBankURL checks a bankAuthorizationUrl: the bank's authorization endpoint with data=.
func checkBankURL(t *testing.T, u, consentID string) {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil || !strings.HasPrefix(u, st.Bank().PagesURL()+"/openbanking/") || p.Query().Get("data") == "" {
		t.Fatalf("bankAuthorizationUrl %q for consent %s is not the bank's authorization endpoint with data=", u, consentID)
	}
}

// mustStatus fails t unless r has the status.
func mustStatus(t *testing.T, r reply, status int, what string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s = %s, want %d", what, r, status)
	}
}
