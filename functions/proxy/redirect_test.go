package main

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/httpapi"
)

// TestStepUpURLFromTheAPIDomain: on a stack without REDIRECT_URI, the authorization URL a
// problem offers redirects to https://<the domain the request came in on>/callback.
func TestStepUpURLFromTheAPIDomain(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	d := *f.env.Deps
	d.Config.RedirectURI = ""
	h := New(&d)
	registered, _ := url.Parse(testenv.RedirectURI)
	ev := aisGet(c, "/direct-debits", "1001", "").event()
	ev.RequestContext.DomainName = registered.Host
	resp, err := h.Handle(context.Background(), ev)
	if err != nil {
		t.Fatal(err)
	}
	p := wantProblem(t, resp, http.StatusForbidden, httpapi.TypeStepUpRequired, httpapi.ActionStepUp)
	u, err := url.Parse(p.BankAuthorizationURL)
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := authurl.Decode(u.Query().Get(authurl.ParamData))
	if err != nil {
		t.Fatalf("authorizationUrl %q: %v", p.BankAuthorizationURL, err)
	}
	var got string
	for _, kv := range pairs {
		if kv[0] == authurl.ParamRedirectURI {
			got = kv[1]
		}
	}
	if got != testenv.RedirectURI {
		t.Errorf("redirect_uri %q, want %q", got, testenv.RedirectURI)
	}
}
