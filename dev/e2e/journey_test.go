package e2e

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// alice is the sandbox PSU with current 1001, savings 1002 and credit card 1003.
var alice = sandbox.JourneyOptions{User: "alice", Password: "password"}

// journey opens the connector's journey link as a browser does (its cookie kept), drives the
// bank's consent pages over HTTP (the bank's Journey helper) and then the connector's public
// /callback with that cookie, and returns the query of the result page it redirects to.
func journey(t *testing.T, authorizationURL string, o sandbox.JourneyOptions) url.Values {
	t.Helper()
	bankURL, cookie := openJourney(t, authorizationURL)
	to, err := st.Bank().Journey(t.Context(), bankURL, o)
	if err != nil {
		t.Fatalf("bank journey: %v", err)
	}
	if !strings.HasPrefix(to.String(), st.APIURL()+"/callback?") {
		t.Fatalf("the bank redirected to %s, want the gateway's /callback", to.Redacted())
	}
	secrets.add("authorization code", to.Query().Get("code"))
	var h map[string]string
	if cookie != "" {
		h = map[string]string{"Cookie": cookie}
	}
	r := send(t, http.MethodGet, to.String(), "", nil, h) // public route: no JWT
	return resultOf(t, r)
}

// openJourney opens a journey link of the connector (GET /journeys/{ref}, no JWT) and returns
// where it redirects (the bank's authorization URL) and the journey cookie it sets, as
// "name=value". Any other URL (the bank's own) is returned as it is, without a cookie.
func openJourney(t *testing.T, link string) (bankURL, cookie string) {
	t.Helper()
	if !strings.HasPrefix(link, st.APIURL()+"/journeys/") {
		return link, ""
	}
	r := send(t, http.MethodGet, link, "", nil, nil)
	if r.status != http.StatusFound {
		t.Fatalf("GET %s = %s, want a redirect to the bank", link, r)
	}
	c, err := http.ParseSetCookie(r.header.Get("Set-Cookie"))
	if err != nil || !strings.HasPrefix(c.Name, "__Host-") || !c.Secure || !c.HttpOnly {
		t.Fatalf("journey cookie %q (%v): want a __Host- cookie, Secure and HttpOnly", r.header.Get("Set-Cookie"), err)
	}
	return r.header.Get("Location"), c.Name + "=" + c.Value
}

// resultOf checks that a callback answer redirects to the app's result page (RESULT_URL)
// and returns the query it carries.
func resultOf(t *testing.T, r reply) url.Values {
	t.Helper()
	if r.status != http.StatusFound && r.status != http.StatusSeeOther {
		t.Fatalf("GET /callback = %s, want a redirect to the result page", r)
	}
	loc, err := url.Parse(r.header.Get("Location"))
	if err != nil || !strings.HasPrefix(loc.String(), st.ResultURL()) {
		t.Fatalf("GET /callback redirected to %q, want %s", r.header.Get("Location"), st.ResultURL())
	}
	harvest(t) // tokens were stored by the exchange
	return loc.Query()
}

// expectOutcome checks the result page's query: the consent and its outcome code.
func expectOutcome(t *testing.T, q url.Values, consentID, outcome string) {
	t.Helper()
	if q.Get("consentId") != consentID || q.Get("outcome") != outcome {
		t.Fatalf("result page query = %v, want consentId=%s outcome=%s", q, consentID, outcome)
	}
	for _, k := range []string{"code", "state", "access_token", "refresh_token"} {
		if q.Has(k) {
			t.Errorf("result page query carries %q: %v", k, q)
		}
	}
}
