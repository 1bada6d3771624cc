package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/consent"
)

// TestJourneyLinks: POST /consents and POST /consents/{id}/authorize answer the connector's
// journey link (authorizationUrl: /journeys/<ref> on the redirect URI's host, without the
// state) and the bank's URL (bankAuthorizationUrl, whose state is the reference's); the
// session is bound to a browser unless the consent was created with bindBrowser false, which
// the consent keeps for its later journeys.
func TestJourneyLinks(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		body  string
		bound bool
	}{
		{`{"brand":"coop","type":"accounts"}`, true},
		{`{"brand":"coop","type":"accounts","bindBrowser":true}`, true},
		{`{"brand":"coop","type":"accounts","bindBrowser":false}`, false},
	} {
		out := f.create(t, "app-1", tc.body)
		ref, ok := strings.CutPrefix(out.AuthorizationURL, strings.TrimSuffix(testenv.RedirectURI, "/callback")+"/journeys/")
		if !ok || len(ref) != 43 {
			t.Fatalf("%s: authorizationUrl %s, want the journey link on the redirect URI's host", tc.body, out.AuthorizationURL)
		}
		_, p := params(t, out.BankAuthorizationURL)
		if p["state"] != authflow.StateOf(ref) || p["display"] != out.ConsentID || strings.Contains(out.AuthorizationURL, p["state"]) {
			t.Errorf("%s: bank URL params %v for reference %s", tc.body, p, ref)
		}
		s, err := f.env.Deps.Store.GetAuthSession(t.Context(), consent.HashState(p["state"]))
		if err != nil || s.Bind != tc.bound || s.Challenge != p["code_challenge"] {
			t.Errorf("%s: session %+v (%v), want bound %v", tc.body, s, err, tc.bound)
		}
		if v := f.do(t, routeGet, "app-1", out.ConsentID, ""); !strings.Contains(v.Body, `"bindBrowser":`+map[bool]string{true: "true", false: "false"}[tc.bound]) {
			t.Errorf("%s: GET /consents/{id} %s, want bindBrowser %v", tc.body, v.Body, tc.bound)
		}
		resp := f.do(t, routeAuthorize, "app-1", out.ConsentID, "")
		var again authorizeResponse
		if resp.StatusCode != 200 || json.Unmarshal([]byte(resp.Body), &again) != nil {
			t.Fatalf("authorize: %d %s", resp.StatusCode, resp.Body)
		}
		_, p2 := params(t, again.BankAuthorizationURL)
		if !strings.HasSuffix(again.AuthorizationURL, "/journeys/"+again.AuthorizationURL[len(again.AuthorizationURL)-43:]) || again.AuthorizationURL == out.AuthorizationURL {
			t.Errorf("authorize: %s", again.AuthorizationURL)
		}
		if s, err := f.env.Deps.Store.GetAuthSession(t.Context(), consent.HashState(p2["state"])); err != nil || s.Bind != tc.bound {
			t.Errorf("%s: the re-authorisation's session bound %v (%v), want %v", tc.body, s.Bind, err, tc.bound)
		}
	}
}
