package main

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/consent"
)

func TestReplayedCallbackExchangesOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	back := f.drive(f.start(c, false), alice)
	f.wantResult(f.callback(back), c.ID, OutcomeAuthorised)
	first := f.tokens(c.ID)

	resp := f.callback(back)
	f.wantPage(resp, pageUsed)
	if n := len(f.codeRequests()); n != 1 {
		t.Errorf("%d code requests after a replay, want 1", n)
	}
	if tk := f.tokens(c.ID); tk.AccessToken != first.AccessToken || tk.Version != first.Version {
		t.Error("a replayed callback changed the tokens")
	}
	assertNotInResponse(t, resp.Body, back.Query().Get("code"), back.Query().Get("state"))
}

func TestConcurrentCallbacksExchangeOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	back := f.drive(f.start(c, false), alice)
	const n = 4
	resps := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			resp, err := f.h.Handle(f.ctx, request(back))
			if err != nil {
				t.Error(err)
			}
			resps[i] = resp.StatusCode
		})
	}
	wg.Wait()
	redirects, pages := 0, 0
	for _, s := range resps {
		switch s {
		case http.StatusFound:
			redirects++
		case http.StatusBadRequest:
			pages++
		}
	}
	if redirects != 1 || pages != n-1 {
		t.Errorf("statuses %v: want one redirect and %d used-state pages", resps, n-1)
	}
	if reqs := f.codeRequests(); len(reqs) != 1 {
		t.Errorf("%d code requests for %d concurrent callbacks, want exactly 1", len(reqs), n)
	}
	if got := f.consent(c.ID); got.Status != consent.StatusAuthorised {
		t.Errorf("consent %s, want Authorised", got.Status)
	}
}

func TestExpiredSession(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	j := f.start(c, false)
	back := f.drive(j, alice)
	f.env.Bank.Advance(11 * time.Minute) // the session's TTL is 10 minutes on the shared clock
	f.wantPage(f.callback(back), pageExpired)
	if n := len(f.codeRequests()); n != 0 {
		t.Errorf("%d code requests for an expired session", n)
	}
	if _, err := f.env.Deps.Store.GetTokens(f.ctx, c.ID); err == nil {
		t.Error("tokens stored for an expired session")
	}
	if got := f.consent(c.ID); got.Status != consent.StatusAwaitingAuthorisation || got.LastError != "" {
		t.Errorf("consent %s, last error %q: want it untouched", got.Status, got.LastError)
	}
}

func TestUnusableState(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	j := f.start(c, false)
	back := f.drive(j, alice)
	code := back.Query().Get("code")
	forged, _ := authurl.NewState()
	tests := []struct {
		name, query string
		want        page
	}{
		{"forged state", url.Values{"code": {code}, "state": {forged}}.Encode(), pageUnknown},
		{"state of another length", url.Values{"code": {code}, "state": {j.state[:20]}}.Encode(), pageUnknown},
		{"no state", url.Values{"code": {code}}.Encode(), pageNoState},
		{"bank error without state", "error=Consent+declined&error_description=User+declined+consent", pageNoState},
		{"nothing", "", pageNoState},
		{"two states", url.Values{"code": {code}, "state": {forged, j.state}}.Encode(), pageBroken},
		{"two codes", url.Values{"code": {code, "x"}, "state": {j.state}}.Encode(), pageBroken},
		{"malformed", "state=%zz&code=1", pageBroken},
	}
	for _, tt := range tests {
		resp := f.callback(&url.URL{Scheme: "https", Host: "tpp.example.com", Path: "/callback", RawQuery: tt.query})
		f.wantPage(resp, tt.want)
		assertNotInResponse(t, resp.Body, code, j.state, forged)
	}
	if n := len(f.codeRequests()); n != 0 {
		t.Errorf("%d code requests for unusable states", n)
	}
	// The real state is still pending: none of the above spent it.
	f.wantResult(f.callback(back), c.ID, OutcomeAuthorised)
	f.env.AssertNoSecrets(t, code, j.state, forged, j.verifier)
}

// TestRedirectTargetIsConfiguration: nothing in the request moves the
// redirect off RESULT_URL, and RESULT_URL's own query is kept.
func TestRedirectTargetIsConfiguration(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	j := f.start(c, false)
	q := url.Values{"state": {j.state}, "redirect": {"https://evil.example/x"}, "redirect_uri": {"https://evil.example/"},
		"result_url": {"//evil.example"}, "error": {"Consent declined"}, "error_description": {"User declined consent"}}
	resp := f.callback(&url.URL{Scheme: "https", Host: "tpp.example.com", Path: "/callback", RawQuery: q.Encode()})
	loc, err := url.Parse(resp.Headers["Location"])
	if err != nil || loc.Host != "app.example.com" || strings.Contains(resp.Headers["Location"], "evil") {
		t.Errorf("Location %q: want the configured result host only", resp.Headers["Location"])
	}
	// A crafted state (a URL) is just an unknown state.
	evil := url.Values{"state": {"https://evil.example/"}, "code": {"x"}}
	f.wantPage(f.callback(&url.URL{RawQuery: evil.Encode()}), pageUnknown)

	// A result URL with its own query keeps it.
	f.h.result, _ = url.Parse("https://app.example.com/ob/done?tenant=acme&consentId=stale#top")
	got := resultLocation(f.h.result, "c-1", OutcomePending, "")
	if want := "https://app.example.com/ob/done?consentId=c-1&outcome=pending&tenant=acme#top"; got != want {
		t.Errorf("result location %q, want %q", got, want)
	}
}

func TestErrorPagesEscape(t *testing.T) {
	t.Parallel()
	resp := render(pageUnknown, `<script>alert(1)</script>"&`)
	if strings.Contains(resp.Body, "<script>") || !strings.Contains(resp.Body, "&lt;script&gt;") {
		t.Errorf("reference not escaped: %s", resp.Body)
	}
	if resp.Headers["Content-Security-Policy"] == "" || resp.Headers["Cache-Control"] != "no-store" {
		t.Errorf("headers %v", resp.Headers)
	}
}

func TestOtherRoute(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	req := request(&url.URL{RawQuery: "state=x"})
	req.RouteKey = "GET /elsewhere"
	resp, err := f.h.Handle(f.ctx, req)
	if err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("other route: %d %v, want 404", resp.StatusCode, err)
	}
}
