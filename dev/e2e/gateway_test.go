package e2e

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/apicheck"
)

// TestGateway checks the JWT authorizer in front of every route but /callback.
func TestGateway(t *testing.T) {
	now := time.Now()
	claims := func(k string, v any) map[string]any {
		c := map[string]any{"iss": st.Issuer(), "aud": st.Audience()[0], "sub": "e2e-gateway",
			"iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
		c[k] = v
		return c
	}
	sign := func(c map[string]any) string {
		tok, err := st.SignToken(c)
		if err != nil {
			t.Fatal(err)
		}
		return "Bearer " + tok
	}
	bad := map[string]string{
		"missing":        "",
		"not a JWT":      "Bearer not-a-jwt",
		"garbage JWT":    "Bearer abc.def.ghi",
		"expired":        sign(claims("exp", now.Add(-time.Minute).Unix())),
		"wrong issuer":   sign(claims("iss", "https://elsewhere.example/")),
		"wrong audience": sign(claims("aud", "someone-else")),
		"basic auth":     "Basic dXNlcjpwYXNz",
	}
	routes := []struct{ method, path string }{
		{http.MethodPost, "/consents"},
		{http.MethodGet, "/consents"},
		{http.MethodGet, "/consents/7d0e5a2b-4c1f-4b8a-9e3d-6f2a1b0c9d87"},
		{http.MethodGet, "/consents/7d0e5a2b-4c1f-4b8a-9e3d-6f2a1b0c9d87/accounts"},
		{http.MethodPost, "/consents/7d0e5a2b-4c1f-4b8a-9e3d-6f2a1b0c9d87/payments"},
	}
	for name, auth := range bad {
		t.Run(name, func(t *testing.T) {
			for _, rt := range routes {
				// Only the token matters here: the requests carry no body or Idempotency-Key.
				r := sendCtx(t, apicheck.InvalidOnPurpose(t.Context()), rt.method, st.APIURL()+rt.path, auth, nil, nil)
				if r.status != http.StatusUnauthorized {
					t.Errorf("%s %s with %s token = %s, want 401", rt.method, rt.path, name, r)
				}
			}
		})
	}

	t.Run("callback is public", func(t *testing.T) {
		// No JWT: the gateway lets it through to the callback function, which refuses an
		// unknown state itself (a redirect to the result page or a 4xx page, never a 401).
		r := send(t, http.MethodGet, st.APIURL()+"/callback?code=e2e-unknown-code&state=e2e-unknown-state-0123456789", "", nil, nil)
		if r.status == http.StatusUnauthorized || r.status >= 500 {
			t.Fatalf("GET /callback without a JWT = %s, want the callback function's answer", r)
		}
		if loc := r.header.Get("Location"); r.status/100 == 3 && !strings.HasPrefix(loc, st.ResultURL()) {
			t.Errorf("GET /callback with an unknown state redirected to %q, want the result page", loc)
		}
	})

	t.Run("valid token reaches the function", func(t *testing.T) {
		c := newCaller(t)
		r := c.get(t, "/consents")
		mustStatus(t, r, http.StatusOK, "GET /consents")
	})
}
