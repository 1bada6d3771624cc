package authflow_test

import (
	"context"
	"errors"
	"net/url"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/consent"
)

func TestRedirectURI(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, configured, domain string
		want                     string
		err                      error
	}{
		{"configured wins", "https://api.example.com/callback", "abc123.execute-api.eu-west-2.amazonaws.com", "https://api.example.com/callback", nil},
		{"derived from the API's domain", "", "abc123.execute-api.eu-west-2.amazonaws.com", "https://abc123.execute-api.eu-west-2.amazonaws.com/callback", nil},
		{"domain case and root dot", "", "ABC123.Execute-Api.eu-west-2.amazonaws.com.", "https://abc123.execute-api.eu-west-2.amazonaws.com/callback", nil},
		{"no domain", "", "", "", authflow.ErrNoRedirectURI},
		{"single label", "", "localhost", "", authflow.ErrNoRedirectURI},
		{"port", "", "api.example.com:8443", "", authflow.ErrNoRedirectURI},
		{"path", "", "api.example.com/evil", "", authflow.ErrNoRedirectURI},
		{"user", "", "user@api.example.com", "", authflow.ErrNoRedirectURI},
		{"query", "", "api.example.com?x=1", "", authflow.ErrNoRedirectURI},
	} {
		ctx := context.Background()
		if tc.domain != "" {
			ctx = authflow.WithAPIDomain(ctx, tc.domain)
		}
		got, err := authflow.RedirectURI(ctx, tc.configured)
		if got != tc.want || !errors.Is(err, tc.err) {
			t.Errorf("%s: RedirectURI = %q, %v; want %q, %v", tc.name, got, err, tc.want, tc.err)
		}
	}
}

// TestStartDerivesRedirectURI: with no REDIRECT_URI (a first deploy on the API's own URL), the
// journey's redirect_uri is https://<the request's API domain>/callback, in the URL and in the
// session that the exchange reads; the bank, which registered that URL, accepts it. Without a
// domain the journey is refused and nothing is stored.
func TestStartDerivesRedirectURI(t *testing.T) {
	env := testenv.Start(t, testenv.Options{Env: map[string]string{"REDIRECT_URI": ""}})
	s := &authflow.Starter{Store: env.Deps.Store, Credentials: env.Deps.Credentials, Config: env.Deps.Config, Now: env.Bank.Now}
	c := bankConsent(t, env, "owner-1")
	registered, _ := url.Parse(testenv.RedirectURI)

	ctx := authflow.WithAPIDomain(context.Background(), registered.Host)
	u, _, err := s.Start(ctx, c, false)
	if err != nil {
		t.Fatal(err)
	}
	parsed, _ := url.Parse(u)
	pairs, err := authurl.Decode(parsed.Query().Get("data"))
	if err != nil {
		t.Fatal(err)
	}
	p := map[string]string{}
	for _, kv := range pairs {
		p[kv[0]] = kv[1]
	}
	if p["redirect_uri"] != testenv.RedirectURI {
		t.Errorf("redirect_uri %q, want %q", p["redirect_uri"], testenv.RedirectURI)
	}
	sess, err := env.Deps.Store.GetAuthSession(ctx, consent.HashState(p["state"]))
	if err != nil || sess.RedirectURI != testenv.RedirectURI {
		t.Errorf("session redirect URI %q (%v), want %q", sess.RedirectURI, err, testenv.RedirectURI)
	}
	if loc, err := env.Bank.Journey(ctx, u, sandbox.JourneyOptions{User: "alice", Password: "password"}); err != nil || loc.Query().Get("code") == "" {
		t.Errorf("bank journey: %v %v", loc, err)
	}

	before := countItems(t, env)
	if _, _, err := s.Start(context.Background(), c, false); !errors.Is(err, authflow.ErrNoRedirectURI) {
		t.Errorf("Start without a domain: %v, want ErrNoRedirectURI", err)
	}
	if n := countItems(t, env); n != before {
		t.Errorf("a refused start stored %d items", n-before)
	}
}
