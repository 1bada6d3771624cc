package main

import (
	"context"
	"encoding/json"
	"net/url"
	"testing"

	"github.com/coop-ob/connector/dev/testenv"
)

// TestRedirectURIFromTheAPIDomain: on a stack deployed without REDIRECT_URI (its first deploy,
// on the API's own URL), POST /consents and POST /consents/{id}/authorize send the bank
// https://<the domain the request came in on>/callback, which the bank registered, and the
// journey goes through.
func TestRedirectURIFromTheAPIDomain(t *testing.T) {
	env := testenv.Start(t, testenv.Options{Env: map[string]string{"REDIRECT_URI": ""}})
	f := &fixture{env: env, h: New(env.Deps)}
	registered, _ := url.Parse(testenv.RedirectURI)
	const sub = "app-1"
	send := func(routeKey, id, body string) (int, string) {
		req := request(routeKey, sub, id, body)
		req.RequestContext.DomainName = registered.Host
		resp, err := f.h.Handle(context.Background(), req)
		if err != nil {
			t.Fatalf("%s: %v", routeKey, err)
		}
		return resp.StatusCode, resp.Body
	}

	status, body := send(routeCreate, "", `{"brand":"coop","type":"accounts"}`)
	var created createResponse
	if status != 201 || json.Unmarshal([]byte(body), &created) != nil {
		t.Fatalf("POST /consents = %d %s", status, body)
	}
	if _, p := params(t, created.BankAuthorizationURL); p["redirect_uri"] != testenv.RedirectURI {
		t.Errorf("POST /consents: redirect_uri %q, want %q", p["redirect_uri"], testenv.RedirectURI)
	}
	f.journey(t, created.BankAuthorizationURL)

	status, body = send(routeAuthorize, created.ConsentID, "")
	var again authorizeResponse
	if status != 200 || json.Unmarshal([]byte(body), &again) != nil {
		t.Fatalf("POST /consents/{id}/authorize = %d %s", status, body)
	}
	if _, p := params(t, again.BankAuthorizationURL); p["redirect_uri"] != testenv.RedirectURI {
		t.Errorf("authorize: redirect_uri %q, want %q", p["redirect_uri"], testenv.RedirectURI)
	}
}
