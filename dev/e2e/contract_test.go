package e2e

import (
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/httpapi"
)

// TestContractRefusals sends requests that break docs/openapi.yaml on purpose (raw HTTP,
// marked for the contract check, which then judges only the answers): each must be the
// documented refusal, and the contract check fails the run if an answer is not documented.
func TestContractRefusals(t *testing.T) {
	c := newCaller(t)
	const unknownID = "7d0e5a2b-4c1f-4b8a-9e3d-6f2a1b0c9d87"
	for _, tc := range []struct {
		name, method, path string
		body               any
		header             map[string]string
		status             int
		problem            string
	}{
		{"unknown field", http.MethodPost, "/consents", `{"brand":"coop","type":"accounts","colour":"red"}`, nil,
			http.StatusBadRequest, httpapi.TypeInvalidRequest},
		{"unknown brand", http.MethodPost, "/consents", `{"brand":"acme","type":"accounts"}`, nil,
			http.StatusBadRequest, httpapi.TypeInvalidRequest},
		{"malformed Idempotency-Key", http.MethodPost, "/consents", `{"brand":"coop","type":"accounts"}`,
			map[string]string{"Idempotency-Key": "two words"}, http.StatusBadRequest, httpapi.TypeInvalidRequest},
		{"malformed consent id", http.MethodGet, "/consents/not-a-uuid", nil, nil,
			http.StatusBadRequest, httpapi.TypeInvalidRequest},
		{"limit out of range", http.MethodGet, "/consents?limit=0", nil, nil,
			http.StatusBadRequest, httpapi.TypeInvalidRequest},
		{"undeclared query parameter", http.MethodGet, "/consents/" + unknownID + "/accounts?colour=red", nil, nil,
			http.StatusBadRequest, httpapi.TypeInvalidRequest},
		{"payment without Idempotency-Key", http.MethodPost, "/consents/" + unknownID + "/payments", nil, nil,
			http.StatusBadRequest, httpapi.TypeIdempotencyKeyRequired},
		{"funds confirmation without reference", http.MethodPost, "/consents/" + unknownID + "/funds-confirmations",
			`{"amount":"1.00"}`, nil, http.StatusBadRequest, httpapi.TypeInvalidRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := problemOf(t, c.callInvalid(t, tc.method, tc.path, tc.body, tc.header), tc.status)
			if p.Type != tc.problem {
				t.Errorf("problem type %q, want %q", p.Type, tc.problem)
			}
		})
	}

	t.Run("unknown route: the gateway's 404", func(t *testing.T) {
		r := c.callInvalid(t, http.MethodGet, "/nowhere", nil, nil)
		mustStatus(t, r, http.StatusNotFound, "GET /nowhere")
		var m struct{ Message string }
		r.decode(t, &m)
		if m.Message != "Not Found" {
			t.Errorf("GET /nowhere = %s, want the gateway's {\"message\":\"Not Found\"}", r.body)
		}
	})

	t.Run("JWT without sub: the connector's 401", func(t *testing.T) {
		now := time.Now()
		tok, err := st.SignToken(map[string]any{"iss": st.Issuer(), "aud": st.Audience()[0],
			"iat": now.Unix(), "exp": now.Add(time.Hour).Unix()})
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/consents", "/consents/" + unknownID + "/accounts"} {
			p := problemOf(t, send(t, http.MethodGet, st.APIURL()+path, "Bearer "+tok, nil, nil), http.StatusUnauthorized)
			if p.Type != httpapi.TypeUnauthorized {
				t.Errorf("GET %s without sub: problem type %q, want %q", path, p.Type, httpapi.TypeUnauthorized)
			}
		}
	})
}
