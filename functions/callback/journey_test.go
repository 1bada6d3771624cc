package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/consent"
)

// link is one journey begun as POST /consents begins it: its journey link and the bank's URL.
type link struct {
	journey
	authflow.Journey
}

// begin starts a journey for c like POST /consents (authflow.Starter.Begin).
func (f *fixture) begin(c *consent.Consent, stepUp bool) link {
	f.t.Helper()
	stored, err := f.env.Deps.Store.GetConsent(f.ctx, c.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	d := f.env.Deps
	st := &authflow.Starter{Store: d.Store, Credentials: d.Credentials, Config: d.Config, Now: d.Now}
	j, err := st.Begin(f.ctx, stored, stepUp)
	if err != nil {
		f.t.Fatalf("begin journey: %v", err)
	}
	return link{journey: journey{consentID: c.ID, state: authflow.StateOf(j.Ref), url: j.BankURL}, Journey: j}
}

// browser is one browser's cookies for the connector's host (the callback's API).
type browser map[string]string

func (b browser) header() []string {
	var out []string
	for k, v := range b {
		out = append(out, k+"="+v)
	}
	return out
}

// keep stores the response's Set-Cookie lines as a browser does (Max-Age ≤ 0 removes).
func (b browser) keep(t *testing.T, resp events.APIGatewayV2HTTPResponse) {
	t.Helper()
	for _, line := range resp.Cookies {
		c, err := http.ParseSetCookie(line)
		if err != nil {
			t.Fatalf("Set-Cookie %q: %v", line, err)
		}
		if c.MaxAge < 0 {
			delete(b, c.Name)
		} else {
			b[c.Name] = c.Value
		}
	}
}

// open sends browser b's GET of the journey link (ref) to the handler.
func (f *fixture) open(b browser, ref string) events.APIGatewayV2HTTPResponse {
	f.t.Helper()
	path := "/journeys/" + ref
	resp, err := f.h.Handle(f.ctx, events.APIGatewayV2HTTPRequest{Version: "2.0", RouteKey: routeJourney, RawPath: path,
		PathParameters: map[string]string{"ref": ref}, Cookies: b.header(),
		RequestContext: events.APIGatewayV2HTTPRequestContext{RequestID: "req-" + testenv.Random(4),
			HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: http.MethodGet, Path: path}}})
	if err != nil {
		f.t.Fatalf("Handle: %v", err)
	}
	f.checkHeaders(resp)
	b.keep(f.t, resp)
	return resp
}

// callbackIn sends the bank's redirect u to the handler from browser b.
func (f *fixture) callbackIn(b browser, u *url.URL) events.APIGatewayV2HTTPResponse {
	f.t.Helper()
	req := request(u)
	req.Cookies = b.header()
	resp, err := f.h.Handle(f.ctx, req)
	if err != nil {
		f.t.Fatalf("Handle: %v", err)
	}
	f.checkHeaders(resp)
	b.keep(f.t, resp)
	return resp
}

// TestJourneyLink: the journey link is on the redirect URI's host and is not the state; the
// first opening sets a __Host- cookie (Secure, HttpOnly, SameSite=Lax, Path=/, no Domain,
// until the session expires) whose hash the session keeps, and redirects to the very URL
// returned as bankAuthorizationUrl. The same browser may open it again (no new cookie);
// another browser gets the "opened in another browser" page; an unknown or malformed
// reference the "could not find" page.
func TestJourneyLink(t *testing.T) {
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	l := f.begin(c, false)
	if want := "https://tpp.example.com/journeys/" + l.Ref; l.URL != want {
		t.Errorf("journey link %s, want %s", l.URL, want)
	}
	if strings.Contains(l.URL, l.state) || len(l.Ref) != 43 {
		t.Errorf("journey link %s carries the state or a short reference", l.URL)
	}
	a := browser{}
	resp := f.open(a, l.Ref)
	if resp.StatusCode != http.StatusFound || resp.Headers["Location"] != l.BankURL {
		t.Fatalf("open: %d Location %q, want 302 to the bank's URL", resp.StatusCode, resp.Headers["Location"])
	}
	if len(resp.Cookies) != 1 {
		t.Fatalf("Set-Cookie %v, want one", resp.Cookies)
	}
	line := resp.Cookies[0]
	ck, err := http.ParseSetCookie(line)
	if err != nil {
		t.Fatal(err)
	}
	hash := consent.HashState(l.state)
	sess := f.session(l.journey)
	ttl := time.Until(sess.TTL)
	if ck.Name != "__Host-ob-"+hash || !ck.Secure || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" ||
		ck.Domain != "" || strings.Contains(strings.ToLower(line), "domain=") || ck.MaxAge <= 0 || time.Duration(ck.MaxAge)*time.Second > ttl+time.Second {
		t.Errorf("cookie %q: want __Host-ob-<session key>, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain, Max-Age up to the session's expiry", line)
	}
	if sess.BrowserHash != hashBrowserSecret(ck.Value) || !sess.Bind || sess.OpenedAt.IsZero() || sess.Status != consent.SessionPending {
		t.Errorf("session after opening: %+v", sess)
	}
	again := f.open(a, l.Ref)
	if again.StatusCode != http.StatusFound || again.Headers["Location"] != l.BankURL || len(again.Cookies) != 0 {
		t.Errorf("the same browser again: %d %q cookies %v, want the redirect and no new cookie", again.StatusCode, again.Headers["Location"], again.Cookies)
	}
	other := browser{}
	f.wantPage(f.open(other, l.Ref), pageOpenedElsewhere)
	if len(other) != 0 {
		t.Errorf("another browser got a cookie: %v", other)
	}
	forged := browser{"__Host-ob-" + hash: "not-the-secret"}
	f.wantPage(f.open(forged, l.Ref), pageOpenedElsewhere)
	f.wantPage(f.open(browser{}, authflow.StateOf(l.Ref)[:43]), pageUnknown) // a well-formed reference of no journey
	f.wantPage(f.open(browser{}, "short"), pageUnknown)
	if got := f.session(l.journey); got.BrowserHash != sess.BrowserHash {
		t.Errorf("the refused openings changed the session's browser")
	}
}

// TestBoundCallback: the bank's redirect of a journey whose link browser A opened completes
// only in A. In another browser, or with another cookie value, it gets the "finish in the
// browser where you started" page: nothing is exchanged, the session stays pending and the
// consent unchanged, so A can still finish. A's callback completes and removes the cookie.
func TestBoundCallback(t *testing.T) {
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	l := f.begin(c, false)
	a := browser{}
	f.open(a, l.Ref)
	back := f.drive(l.journey, alice)
	hash := consent.HashState(l.state)
	for name, b := range map[string]browser{"another browser": {}, "another value": {"__Host-ob-" + hash: "x" + a["__Host-ob-"+hash]}} {
		resp := f.callbackIn(b, back)
		f.wantPage(resp, pageOtherBrowser)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", name, resp.StatusCode)
		}
	}
	if n := len(f.codeRequests()); n != 0 {
		t.Errorf("%d code exchanges from the wrong browser, want 0", n)
	}
	if got := f.consent(c.ID); got.Status != consent.StatusAwaitingAuthorisation || got.LastError != "" || got.Version != 1 {
		t.Errorf("consent after a refused callback: status %s lastError %q version %d; want it unchanged", got.Status, got.LastError, got.Version)
	}
	if s := f.session(l.journey); s.Status != consent.SessionPending {
		t.Errorf("session %s after a refused callback, want pending", s.Status)
	}
	resp := f.callbackIn(a, back)
	f.wantResult(resp, c.ID, OutcomeAuthorised)
	if len(resp.Cookies) != 1 || !strings.Contains(resp.Cookies[0], "__Host-ob-"+hash+"=;") || !strings.Contains(resp.Cookies[0], "Max-Age=0") {
		t.Errorf("Set-Cookie %v: want the journey's cookie removed", resp.Cookies)
	}
	if len(a) != 0 {
		t.Errorf("browser still holds %v", a)
	}
}

// TestUnboundJourneys: journeys that are not bound complete in any browser, as before this
// release: a journey whose link was never opened (the app used bankAuthorizationUrl), a
// consent created with bindBrowser false (its link opened in A, the callback in B), and a
// session an older release stored (no binding attributes; it has no journey link).
func TestUnboundJourneys(t *testing.T) {
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	f.wantResult(f.callbackIn(browser{}, f.drive(f.begin(c, false).journey, alice)), c.ID, OutcomeAuthorised)

	u := f.createConsent(typeCBPII)
	unbound := f.consent(u.ID)
	unbound.Unbound = true
	if err := f.env.Deps.Store.UpdateConsent(f.ctx, unbound); err != nil {
		t.Fatal(err)
	}
	l := f.begin(u, false)
	if f.session(l.journey).Bind {
		t.Fatal("a bindBrowser:false consent's session is bound")
	}
	a := browser{}
	f.open(a, l.Ref)
	if resp := f.open(browser{}, l.Ref); resp.StatusCode != http.StatusFound || resp.Headers["Location"] != l.BankURL || len(resp.Cookies) != 0 {
		t.Errorf("an unbound link in a second browser: %d %v; want the bank's URL without a cookie", resp.StatusCode, resp.Cookies)
	}
	f.wantResult(f.callbackIn(browser{}, f.drive(l.journey, alice)), u.ID, OutcomeAuthorised)

	old := f.createConsent(typeAIS)
	ol := f.begin(old, false)
	f.open(browser{}, ol.Ref) // opened in some browser …
	// … by a session as an older release stored it: no binding attributes.
	if _, err := f.env.DDB.UpdateItem(f.ctx, &dynamodb.UpdateItemInput{TableName: aws.String(f.env.Table),
		Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "AUTH#" + consent.HashState(ol.state)},
			"sk": &types.AttributeValueMemberS{Value: "SESSION"}},
		UpdateExpression: aws.String("REMOVE bindBrowser, challenge, browserHash, openedAt")}); err != nil {
		t.Fatal(err)
	}
	f.wantPage(f.open(browser{}, ol.Ref), pageUnknown) // an old session has no journey link
	f.wantResult(f.callbackIn(browser{}, f.drive(ol.journey, alice)), old.ID, OutcomeAuthorised)
}

// TestErrorWithoutState: the bank's error redirect without state (like its own examples)
// finishes the journey whose cookie the browser holds: the outcome is recorded and the app's
// result page gets it. Without a journey cookie, or with the cookie of a journey already
// finished, it is the "link incomplete" page and nothing changes.
func TestErrorWithoutState(t *testing.T) {
	env := testenv.Start(t, testenv.Options{Bank: sandbox.Options{ErrorsWithoutState: true}})
	f := &fixture{t: t, env: env, h: New(env.Deps), ctx: t.Context()}
	c := f.createConsent(typeAIS)
	l := f.begin(c, false)
	a := browser{}
	f.open(a, l.Ref)
	// An older journey of the same browser, still pending: the newest opened one is the one.
	older := f.begin(f.createConsent(typeAIS), false)
	b := browser{}
	f.open(b, older.Ref)
	time.Sleep(5 * time.Millisecond)
	l2 := f.begin(c, false)
	f.open(a, l2.Ref)
	for k, v := range b {
		a[k] = v
	}
	back := f.drive(l2.journey, sandbox.JourneyOptions{Cancel: true})
	if back.Query().Has("state") || back.Query().Get("error") == "" {
		t.Fatalf("bank redirect %s: want an error without state", back.Redacted())
	}
	f.wantPage(f.callbackIn(browser{}, back), pageNoState)
	if got := f.consent(c.ID); got.Status != consent.StatusAwaitingAuthorisation || got.LastError != "" {
		t.Fatalf("consent after a cookie-less error: %s %q", got.Status, got.LastError)
	}
	resp := f.callbackIn(a, back)
	f.wantResult(resp, c.ID, OutcomeAuthenticationDeclined)
	if got := f.consent(c.ID); got.Status != consent.StatusFailed || got.LastError != OutcomeAuthenticationDeclined {
		t.Errorf("consent after the declined journey: %s %q", got.Status, got.LastError)
	}
	if s := f.session(l2.journey); s.Status != consent.SessionFailed {
		t.Errorf("the cookie's journey: session %s, want failed", s.Status)
	}
	for _, j := range []journey{l.journey, older.journey} {
		if s := f.session(j); s.Status != consent.SessionPending {
			t.Errorf("another journey's session %s, want pending", s.Status)
		}
	}
	// The browser's cookie of the finished journey is gone; a replay with it is refused.
	replay := browser{"__Host-ob-" + consent.HashState(l2.state): "anything"}
	f.wantPage(f.callbackIn(replay, back), pageNoState)
}
