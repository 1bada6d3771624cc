package e2e

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/coop-ob/connector/dev/resulttest"
)

// TestBrowserBinding: a journey opened in one browser (its own profile) whose bank redirect
// is then opened in a second browser (another fresh profile) cannot complete there: the
// second browser gets the "finish in the browser where you started" page and the consent is
// unchanged. The same redirect in the first browser completes the journey, and the result
// page's signed result verifies with the connector's JWKS (a tampered or expired one does not).
func TestBrowserBinding(t *testing.T) {
	c := newCaller(t)
	cr := c.createConsent(t, aisBody())
	first := newBrowser(t)
	callback := approveHeldBack(t, first, cr.AuthorizationUrl)

	second := newBrowser(t)
	if err := chromedp.Do(second, chromedp.Navigate(callback)); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(second, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if title != "Please finish in the browser where you started" {
		t.Errorf("the second browser's page %q, want the other-browser page", title)
	}
	if got := c.consent(t, cr.ConsentId); got.Status != "AwaitingAuthorisation" {
		t.Errorf("consent after the second browser's callback: %s, want AwaitingAuthorisation", got.Status)
	}

	// The first browser, which opened the link, finishes the journey with the same redirect.
	ctx, cancel := context.WithTimeout(first, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, releaseCallback(), chromedp.Navigate(callback), chromedp.WaitReady(chromedp.ID("result"))); err != nil {
		t.Fatalf("the first browser's callback: %v", err)
	}
	where, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	harvest(t)
	u, err := url.Parse(where)
	if err != nil || !strings.HasPrefix(where, st.ResultURL()) {
		t.Fatalf("the first browser ended at %s", redactQuery(where))
	}
	q := u.Query()
	expectOutcome(t, q, cr.ConsentId, "authorised")
	if got := c.consent(t, cr.ConsentId); got.Status != "Authorised" {
		t.Errorf("consent after the first browser's callback: %s", got.Status)
	}
	checkSignedResult(t, q.Get("result"), cr.ConsentId, "authorised", c.sub)
}

// TestErrorRedirectWithoutState: when the bank leaves state out of an error redirect (like
// its own examples), the browser's journey cookie finds the journey, and the customer reaches
// the app's result page with the right outcome (and a signed result), not the "link
// incomplete" page.
func TestErrorRedirectWithoutState(t *testing.T) {
	st.Bank().SetErrorsWithoutState(true)
	t.Cleanup(func() { st.Bank().SetErrorsWithoutState(false) })
	c := newCaller(t)
	cr := c.createConsent(t, aisBody())
	tab := newBrowser(t)
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	callbacks := watchCallbacks(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(cr.AuthorizationUrl), chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.Click(chromedp.ID("cancel")), chromedp.WaitReady(chromedp.ID("result"))); err != nil {
		got, _ := chromedp.Run(tab, chromedp.Location())
		t.Fatalf("the declined journey stopped at %s: %v", redactQuery(got), err)
	}
	where, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	seen := callbacks()
	if len(seen) == 0 || strings.Contains(seen[0], "state=") || !strings.Contains(seen[0], "error=") {
		t.Fatalf("the bank's redirect %v: want an error without state", seen)
	}
	u, _ := url.Parse(where)
	q := u.Query()
	expectOutcome(t, q, cr.ConsentId, "authentication_declined")
	if got := c.consent(t, cr.ConsentId); got.Status != "Failed" {
		t.Errorf("consent after the declined journey: %s, want Failed", got.Status)
	}
	checkSignedResult(t, q.Get("result"), cr.ConsentId, "authentication_declined", c.sub)
}

// approveHeldBack opens the journey link in tab, logs in as alice and approves, and returns
// the bank's redirect to /callback, which the tab is kept from loading (the request is paused
// by the Fetch domain and failed, so the connector never sees it).
func approveHeldBack(t *testing.T, tab context.Context, link string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	found := make(chan string, 1)
	if err := chromedp.Listen(ctx, func(ev any) {
		e, ok := ev.(*fetch.EventRequestPaused)
		if !ok || e.Request == nil {
			return
		}
		select {
		case found <- e.Request.URL:
		default:
		}
		go func() {
			_ = chromedp.Do(tab, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
				return err
			}))
		}()
	}); err != nil {
		t.Fatal(err)
	}
	hold := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{
			{URLPattern: "*/callback?*", RequestStage: fetch.RequestStageRequest}}})
		return err
	})
	if err := chromedp.Do(ctx, hold,
		chromedp.Navigate(link), chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), "alice"), chromedp.SendKeys(chromedp.ID("password"), "password"),
		chromedp.Click(chromedp.ID("login")), chromedp.WaitVisible(chromedp.ID("approve")),
		chromedp.Click(chromedp.ID("account-1001")), chromedp.Click(chromedp.ID("approve"))); err != nil {
		got, _ := chromedp.Run(tab, chromedp.Location())
		t.Fatalf("the journey stopped at %s: %v", redactQuery(got), err)
	}
	select {
	case cb := <-found:
		if u, err := url.Parse(cb); err == nil {
			secrets.add("authorization code", u.Query().Get("code"))
		}
		return cb
	case <-ctx.Done():
		t.Fatal("the bank never redirected to /callback")
	}
	return ""
}

// releaseCallback lets the tab load /callback again.
func releaseCallback() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, fetch.Disable, cdp.Empty{})
		return err
	})
}

// checkSignedResult verifies the result page's signed result as an app does (docs/callback.md):
// the key from GET /.well-known/jwks.json named by kid, ES256, its claims; then that a copy
// with another outcome, or the same result after its expiry, does not verify.
func checkSignedResult(t *testing.T, result, consentID, outcome, sub string) {
	t.Helper()
	keys := jwksOf(t)
	claims, own, err := resulttest.Verify(keys, result, time.Now())
	if err != nil {
		t.Fatalf("the signed result does not verify: %v", err)
	}
	if own.ConsentID != consentID || own.Outcome != outcome || claims.Subject != sub || claims.ID == "" ||
		claims.Expiry.Time().Sub(claims.IssuedAt.Time()) > 10*time.Minute {
		t.Errorf("claims %+v %+v: want consent %s, outcome %s, sub %s", claims, own, consentID, outcome, sub)
	}
	parts := strings.Split(result, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	forged := strings.Replace(string(payload), `"outcome":"`+outcome+`"`, `"outcome":"authorised_x"`, 1)
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(forged)) + "." + parts[2]
	if _, _, err := resulttest.Verify(keys, tampered, time.Now()); err == nil {
		t.Error("a tampered result verifies")
	}
	if _, _, err := resulttest.Verify(keys, result, claims.Expiry.Time().Add(time.Second)); err == nil {
		t.Error("an expired result verifies")
	}
	checkNodeVerification(t, keys, result, tampered, consentID)
}

// checkNodeVerification runs docs/callback.md's Node.js verification (its js block, as
// written) on the real result: it verifies, the tampered copy does not, and the same result
// an hour later is expired. Node.js is one of make test's prerequisites.
func checkNodeVerification(t *testing.T, keys []byte, result, tampered, consentID string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node: %v (make node installs it)", err)
	}
	doc, err := os.ReadFile(filepath.Join(repoRoot, "docs/callback.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(doc), "```js\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("docs/callback.md has no js block")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "verify.mjs"), []byte(block), 0o600); err != nil {
		t.Fatal(err)
	}
	script := `import { verifyResult } from "./verify.mjs";
const [jwks, good, bad] = [JSON.parse(process.argv[2]), process.argv[3], process.argv[4]];
const out = [verifyResult(jwks, good).consentId];
for (const [r, now] of [[bad, undefined], [good, Date.now() / 1000 + 3600]]) {
  try { verifyResult(jwks, r, now); out.push("verified"); } catch (e) { out.push("refused"); }
}
console.log(out.join(" "));`
	if err := os.WriteFile(filepath.Join(dir, "check.mjs"), []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), node, "check.mjs", string(keys), result, tampered)
	cmd.Dir = dir
	got, err := cmd.CombinedOutput()
	if want := consentID + " refused refused"; err != nil || strings.TrimSpace(string(got)) != want {
		t.Errorf("the docs' Node.js verification: %q (%v), want %q", got, err, want)
	}
}

// jwksOf reads the connector's result key set (public route, no JWT).
func jwksOf(t *testing.T) []byte {
	t.Helper()
	r := send(t, http.MethodGet, st.APIURL()+"/.well-known/jwks.json", "", nil, nil)
	mustStatus(t, r, http.StatusOK, "GET /.well-known/jwks.json")
	return r.body
}
