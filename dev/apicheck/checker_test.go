package apicheck

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// spec is the connector's own document, loaded once (Load validates it).
var spec = sync.OnceValues(func() (*Checker, error) { return Load("../../docs/openapi.yaml") })

func checker(t *testing.T) *Checker {
	t.Helper()
	c, err := spec()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const (
	consentPath = "/consents/3f2b7c1e-9a4d-4e8b-b6f1-2c5d8e7a9b10"
	consentJSON = `{"id":"3f2b7c1e-9a4d-4e8b-b6f1-2c5d8e7a9b10","type":"accounts","brand":"coop",` +
		`"status":"Authorised","createdAt":"2026-11-25T09:00:00Z","updatedAt":"2026-11-25T09:02:11Z"}`
)

// answer is a crafted response: status, body and headers as "Name: value" lines.
func answer(status int, body string, headers ...string) *http.Response {
	h := http.Header{}
	for _, line := range headers {
		k, v, _ := strings.Cut(line, ": ")
		h.Add(k, v)
	}
	return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader(body))}
}

// TestCheck proves the checker both ways: a conforming exchange passes, and every kind of
// departure from the document (a field removed or added, a status, problem type or header it
// does not list, an unknown route) is a finding.
func TestCheck(t *testing.T) {
	t.Parallel()
	const (
		jsonCT    = "Content-Type: application/json"
		problemCT = "Content-Type: application/problem+json"
		noStore   = "Cache-Control: no-store"
		iid       = "X-Fapi-Interaction-Id: 4b9e3a52-8d1c-4f0e-9a7e-2c2f7b0e1d55"
	)
	tests := []struct {
		name         string
		method, path string
		reqBody      string
		reqHeaders   []string
		skipRequest  bool
		resp         *http.Response
		wantFinding  string // "" for none
	}{
		{name: "conforming consent", method: "GET", path: consentPath,
			resp: answer(200, consentJSON, jsonCT, noStore, "Date: Sun, 06 Dec 2026 03:00:00 GMT")},
		{name: "documented field removed", method: "GET", path: consentPath,
			resp:        answer(200, strings.Replace(consentJSON, `"status":"Authorised",`, "", 1), jsonCT, noStore),
			wantFinding: "status"},
		{name: "undocumented field added", method: "GET", path: consentPath,
			resp:        answer(200, strings.Replace(consentJSON, `{`, `{"secret":"x",`, 1), jsonCT, noStore),
			wantFinding: "secret"},
		{name: "undocumented status", method: "GET", path: consentPath,
			resp: answer(418, `{}`, jsonCT, noStore), wantFinding: "status is not supported"},
		{name: "problem type not listed for the status", method: "GET", path: consentPath,
			resp: answer(404, `{"type":"https://coop-connector.dev/problems/conflict","title":"Conflict","status":404,"detail":"x"}`,
				problemCT, noStore),
			wantFinding: "type"},
		{name: "unknown problem type", method: "GET", path: consentPath,
			resp: answer(404, `{"type":"https://coop-connector.dev/problems/gone","title":"Gone","status":404,"detail":"x"}`,
				problemCT, noStore),
			wantFinding: "type"},
		{name: "problem without detail", method: "GET", path: consentPath,
			resp: answer(404, `{"type":"https://coop-connector.dev/problems/not-found","title":"Not found","status":404}`,
				problemCT, noStore),
			wantFinding: "detail"},
		{name: "internal problem without detail", method: "GET", path: consentPath,
			resp: answer(500, `{"type":"https://coop-connector.dev/problems/internal","title":"Internal error","status":500}`,
				problemCT, noStore)},
		{name: "undocumented connector header", method: "GET", path: consentPath,
			resp: answer(200, consentJSON, jsonCT, noStore, "X-Debug: 1"), wantFinding: "X-Debug"},
		{name: "documented header missing", method: "GET", path: consentPath,
			resp: answer(200, consentJSON, jsonCT), wantFinding: "Cache-Control"},
		{name: "wrong content type", method: "GET", path: consentPath,
			resp: answer(200, consentJSON, "Content-Type: text/plain", noStore), wantFinding: "Content-Type"},
		{name: "gateway 401", method: "GET", path: consentPath,
			resp: answer(401, `{"message":"Unauthorized"}`, jsonCT, `Www-Authenticate: Bearer error="invalid_token"`)},
		{name: "connector 401", method: "GET", path: consentPath,
			resp: answer(401, `{"type":"https://coop-connector.dev/problems/unauthorized","title":"Unauthorized","status":401,"detail":"No caller."}`,
				problemCT, noStore, "Www-Authenticate: Bearer")},
		{name: "gateway 404 for an unknown route", method: "GET", path: "/nowhere",
			resp: answer(404, `{"message":"Not Found"}`, jsonCT)},
		{name: "an unknown route answered", method: "GET", path: "/nowhere",
			resp: answer(200, `{}`, jsonCT), wantFinding: "no documented route"},
		{name: "OB body with more than the spec lists", method: "GET", path: consentPath + "/accounts/1001/balances",
			resp: answer(200, `{"Data":{"Balance":[{"AccountId":"1001"}]},"Links":{"Self":"/x","Extra":"y"},"Meta":{"TotalPages":1}}`,
				jsonCT, noStore, iid)},
		{name: "OB body without Data", method: "GET", path: consentPath + "/accounts/1001/balances",
			resp: answer(200, `{"Links":{}}`, jsonCT, noStore, iid), wantFinding: "Data"},
		{name: "proxy answer without interaction id", method: "GET", path: consentPath + "/accounts/1001/balances",
			resp: answer(200, `{"Data":{}}`, jsonCT, noStore), wantFinding: "x-fapi-interaction-id"},
		{name: "undeclared query parameter", method: "GET", path: consentPath + "/accounts?foo=1",
			resp: answer(200, `{"Data":{}}`, jsonCT, noStore, iid), wantFinding: "foo"},
		{name: "invalid request body", method: "POST", path: "/consents", reqBody: `{"brand":"coop","type":"accounts","extra":1}`,
			reqHeaders: []string{jsonCT},
			resp: answer(400, `{"type":"https://coop-connector.dev/problems/invalid-request","title":"Invalid request","status":400,"detail":"x"}`,
				problemCT, noStore),
			wantFinding: "request"},
		{name: "invalid request on purpose", method: "POST", path: "/consents", reqBody: `{"brand":"coop","type":"accounts","extra":1}`,
			reqHeaders: []string{jsonCT}, skipRequest: true,
			resp: answer(400, `{"type":"https://coop-connector.dev/problems/invalid-request","title":"Invalid request","status":400,"detail":"x"}`,
				problemCT, noStore)},
		{name: "callback page", method: "GET", path: "/callback?state=unknown",
			resp: answer(400, "<!doctype html><title>x</title>", "Content-Type: text/html; charset=utf-8", noStore,
				"Content-Security-Policy: default-src 'none'", "X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer")},
		{name: "callback page as JSON", method: "GET", path: "/callback?state=unknown",
			resp: answer(400, `{}`, jsonCT, noStore, "Content-Security-Policy: default-src 'none'",
				"X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer"),
			wantFinding: "Content-Type"},
		{name: "callback redirect", method: "GET", path: "/callback?code=c&state=s",
			resp: answer(302, "", "Location: https://app.example/result?consentId=x&outcome=authorised", noStore,
				"Pragma: no-cache", "Referrer-Policy: no-referrer")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(tt.method, "http://127.0.0.1:3000"+tt.path, strings.NewReader(tt.reqBody))
			for _, line := range tt.reqHeaders {
				k, v, _ := strings.Cut(line, ": ")
				req.Header.Set(k, v)
			}
			body, _ := io.ReadAll(tt.resp.Body)
			errs := checker(t).Check(t.Context(), Exchange{Request: req, RequestBody: []byte(tt.reqBody),
				Response: tt.resp, ResponseBody: body, SkipRequest: tt.skipRequest})
			if tt.wantFinding == "" {
				for _, err := range errs {
					t.Errorf("unexpected finding: %v", err)
				}
				return
			}
			for _, err := range errs {
				if strings.Contains(err.Error(), tt.wantFinding) {
					return
				}
			}
			t.Errorf("findings %v, want one naming %q", errs, tt.wantFinding)
		})
	}
}

// TestTransport checks that the wrapper records a finding, counts what it checked, and hands
// the caller the whole body.
func TestTransport(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Leak", "1")
		_, _ = io.WriteString(w, consentJSON)
	}))
	defer srv.Close()
	tr := &Transport{Checker: checker(t)}
	client := &http.Client{Transport: tr}
	resp, err := client.Get(srv.URL + consentPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if string(body) != consentJSON {
		t.Errorf("body = %s, want %s", body, consentJSON)
	}
	findings, checked := tr.Findings()
	if checked != 1 || len(findings) != 1 || !strings.Contains(findings[0], "X-Leak") {
		t.Errorf("findings %q after %d exchanges, want one naming X-Leak after 1", findings, checked)
	}
}
