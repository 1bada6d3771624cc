package main

import (
	"net/url"
	"testing"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authflow"
)

// TestFirstDeployWithoutRedirectURI: a stack deployed without REDIRECT_URI completes a journey
// in one pass: the journey derived its redirect URI from the API's domain and stored it in the
// session, and the callback's code exchange sends that one.
func TestFirstDeployWithoutRedirectURI(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{Env: map[string]string{"REDIRECT_URI": ""}})
	registered, _ := url.Parse(testenv.RedirectURI)
	f := &fixture{t: t, env: env, h: New(env.Deps), ctx: authflow.WithAPIDomain(t.Context(), registered.Host)}
	c := f.createConsent(typeAIS)
	j := f.start(c, false)
	back := f.drive(j, alice)
	f.ctx = t.Context() // the callback needs no domain: the session has the redirect URI
	f.wantResult(f.callback(back), c.ID, OutcomeAuthorised)
	if reqs := f.codeRequests(); len(reqs) != 1 || reqs[0].RedirectURI != testenv.RedirectURI {
		t.Errorf("code requests %+v, want one with redirect_uri %s", reqs, testenv.RedirectURI)
	}
}
