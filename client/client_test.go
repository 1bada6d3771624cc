package client

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestGetConsent: the client sends the app's token and the consent id on the documented
// path, and reads the connector's problem+json answer into the typed 404 field.
func TestGetConsent(t *testing.T) {
	const id = "3f2b7c1e-9a4d-4e8b-b6f1-2c5d8e7a9b10"
	var gotPath, gotAuth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotAuth = r.URL.Path, r.Header.Get("Authorization")
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"type":"not-found","title":"Not found","status":404,"detail":"No such consent."}`))
	}))
	defer srv.Close()
	c, err := NewClientWithResponses(srv.URL, WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
		r.Header.Set("Authorization", "Bearer app-token")
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.GetConsentWithResponse(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if gotPath != "/consents/"+id || gotAuth != "Bearer app-token" {
		t.Errorf("request: path %q, Authorization %q", gotPath, gotAuth)
	}
	if res.StatusCode() != http.StatusNotFound || res.ApplicationproblemJSON404 == nil {
		t.Fatalf("answer %d, typed 404 %v; body %s", res.StatusCode(), res.ApplicationproblemJSON404, res.Body)
	}
	if p := res.ApplicationproblemJSON404; p.Status != http.StatusNotFound || p.Detail != "No such consent." {
		t.Errorf("problem %+v", p)
	}
}
