package e2e

import (
	"context"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// chromiumPath finds the browser as `make chromium` does: $CHROMIUM, else chromium,
// chromium-browser or google-chrome on PATH. CI installs one, so a missing browser fails the
// browser tests instead of skipping them.
func chromiumPath() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no chromium, chromium-browser or google-chrome on PATH and CHROMIUM unset")
}

// newBrowser starts headless Chromium with a fresh profile for one test and returns the
// context of its first tab. The bank's pages use the bank's own CA: the browser ignores
// certificate errors, which only a test may do.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return startBrowser(t, chromedp.IgnoreCertErrors)
}

// startBrowser starts headless Chromium with a fresh profile and extra options (how it
// treats the bank's certificate) and returns the context of its first tab.
func startBrowser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	chromium, err := chromiumPath()
	if err != nil {
		t.Fatalf("Chromium is needed for the consent journey: %v; run `make chromium`", err)
	}
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}, extra...)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no deadline
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// browserSteps say how the browser answers the bank's pages.
type browserSteps struct {
	user, password string
	accounts       []string // ticked on the consent page
	otp            string   // typed on the step-up page; "" means no step-up page
}

// watchCallbacks records the URL of every request the tab ctx sends to /callback; the returned
// function gives those seen so far.
func watchCallbacks(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	var mu sync.Mutex
	var urls []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil && strings.Contains(e.Request.URL, "/callback?") {
			mu.Lock()
			urls = append(urls, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urls...)
	}
}

// browserJourney opens authorizationURL in the tab, logs in, approves (or types the OTP),
// follows the bank's redirect to the gateway's /callback and the callback's redirect to the
// result page, and returns the result page's query. Every authorization code the browser
// carried is kept for the log check.
func browserJourney(t *testing.T, tab context.Context, authorizationURL string, s browserSteps) url.Values {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	callbacks := watchCallbacks(t, ctx)
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(authorizationURL),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), s.user),
		chromedp.SendKeys(chromedp.ID("password"), s.password),
		chromedp.Click(chromedp.ID("login")),
	}
	if s.otp != "" {
		steps = append(steps, chromedp.WaitVisible(chromedp.ID("otp")),
			chromedp.SendKeys(chromedp.ID("otp"), s.otp), chromedp.Click(chromedp.ID("submit-otp")))
	} else {
		steps = append(steps, chromedp.WaitVisible(chromedp.ID("approve")))
		for _, a := range s.accounts {
			steps = append(steps, chromedp.Click(chromedp.ID("account-"+a)))
		}
		steps = append(steps, chromedp.Click(chromedp.ID("approve")))
	}
	steps = append(steps, chromedp.WaitReady(chromedp.ID("result")))
	if err := chromedp.Do(ctx, steps...); err != nil {
		where, _ := chromedp.Run(tab, chromedp.Location())
		t.Fatalf("browser journey stopped at %s: %v", redactQuery(where), err)
	}
	where, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	seen := callbacks()
	if len(seen) == 0 {
		t.Errorf("the browser never requested the gateway's /callback")
	}
	for _, c := range seen {
		if u, err := url.Parse(c); err == nil {
			secrets.add("authorization code", u.Query().Get("code"))
		}
	}
	u, err := url.Parse(where)
	if err != nil || !strings.HasPrefix(where, st.ResultURL()) {
		t.Fatalf("the browser ended at %s, want the result page %s", redactQuery(where), st.ResultURL())
	}
	harvest(t)
	return u.Query()
}

// redactQuery drops a URL's query (it may carry a code) for a failure message.
func redactQuery(s string) string {
	if i := strings.IndexByte(s, '?'); i >= 0 {
		return s[:i] + "?…"
	}
	return s
}
