package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBankPagesSPKI: the Chromium flag make run prints (--ignore-certificate-errors-spki-list
// with the stack's BankPagesSPKI, beside a --user-data-dir of its own) opens the bank's
// consent page without trusting the sandbox CA; without it the page does not load.
func TestBankPagesSPKI(t *testing.T) {
	c := newCaller(t)
	cr := c.createConsent(t, aisBody())
	spki, err := st.BankPagesSPKI(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	open := func(tab context.Context) error {
		ctx, cancel := context.WithTimeout(tab, 15*time.Second)
		defer cancel()
		return chromedp.Do(ctx, chromedp.Navigate(cr.AuthorizationUrl), chromedp.WaitVisible(chromedp.ID("username")))
	}
	if err := open(startBrowser(t, chromedp.Flag("ignore-certificate-errors-spki-list", spki))); err != nil {
		t.Errorf("Chromium with --ignore-certificate-errors-spki-list=%s: the bank's login page did not load: %v", spki, err)
	}
	// The control: the same browser without the flag stops at the certificate error. It opens
	// the bank's URL itself: a navigation that starts at the connector's journey link and is
	// redirected to the bank ends on the certificate interstitial without a navigation error.
	tab := startBrowser(t)
	ctx, cancel := context.WithTimeout(tab, 15*time.Second)
	defer cancel()
	err = chromedp.Do(ctx, chromedp.Navigate(cr.BankAuthorizationUrl))
	if err == nil || !strings.Contains(err.Error(), "CERT") {
		t.Errorf("Chromium without the flag: navigate error %v, want a certificate error", err)
	}
}
