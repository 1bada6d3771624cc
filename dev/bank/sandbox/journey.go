package sandbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// JourneyOptions say how Journey answers the consent pages.
type JourneyOptions struct {
	User, Password string
	// Accounts to tick on the consent page; nil ticks every account offered.
	Accounts []string
	// Decline presses Cancel on the consent page.
	Decline bool
	// OTP is typed on the step-up page; "" types the sandbox OTP 123456.
	OTP string
	// Cancel presses "Cancel and return" on the login page.
	Cancel bool
}

// JourneyError is a journey that stopped on a bank page instead of redirecting to the
// TPP: a broken authorization rule (Rule names it), a wrong password, a refused form.
type JourneyError struct {
	Status  int
	Rule    string
	Message string
}

func (e *JourneyError) Error() string {
	return fmt.Sprintf("bank journey stopped (HTTP %d, rule %q): %s", e.Status, e.Rule, e.Message)
}

var (
	formRe     = regexp.MustCompile(`<form id="([a-z-]+)" method="post" action="([^"]+)">`)
	csrfRe     = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	accountRe  = regexp.MustCompile(`name="account" value="([^"]+)"`)
	errorRe    = regexp.MustCompile(`<p id="error"(?: data-rule="([^"]*)")?>([^<]*)</p>`)
	maxJourney = 8
)

// Journey drives the real consent pages over HTTPS (trusting the bank CA, with a cookie
// jar) like a browser, and returns the redirect to the TPP without following it.
func (b *Bank) Journey(ctx context.Context, authorizationURL string, j JourneyOptions) (*url.URL, error) {
	pages, err := url.Parse(b.pagesURL)
	if err != nil {
		return nil, err
	}
	jar, _ := cookiejar.New(nil)
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: b.ca, MinVersion: tls.VersionTLS12}}
	defer tr.CloseIdleConnections()
	client := &http.Client{Jar: jar, Transport: tr, Timeout: 15 * time.Second,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if req.URL.Host != pages.Host || len(via) > maxJourney {
				return http.ErrUseLastResponse
			}
			return nil
		}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, authorizationURL, nil)
	if err != nil {
		return nil, err
	}
	loggedIn := false
	for range maxJourney {
		resp, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("bank journey: %w", err)
		}
		body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("bank journey: %w", err)
		}
		if resp.StatusCode >= 300 && resp.StatusCode < 400 {
			return resp.Location()
		}
		page := string(body)
		if resp.StatusCode != http.StatusOK {
			return nil, pageError(resp.StatusCode, page)
		}
		form := formRe.FindStringSubmatch(page)
		csrf := csrfRe.FindStringSubmatch(page)
		if form == nil || csrf == nil {
			return nil, pageError(resp.StatusCode, page)
		}
		v := url.Values{"csrf": {html.UnescapeString(csrf[1])}}
		switch form[1] {
		case "login-form":
			if loggedIn {
				return nil, pageError(resp.StatusCode, page)
			}
			loggedIn = true
			v.Set("username", j.User)
			v.Set("password", j.Password)
			v.Set("action", map[bool]string{true: "cancel", false: "login"}[j.Cancel])
		case "otp-form":
			otp := j.OTP
			if otp == "" {
				otp = sandboxOTP
			}
			v.Set("otp", otp)
		case "consent-form":
			accounts := j.Accounts
			if accounts == nil {
				for _, m := range accountRe.FindAllStringSubmatch(page, -1) {
					accounts = append(accounts, html.UnescapeString(m[1]))
				}
			}
			v["account"] = accounts
			v.Set("action", map[bool]string{true: "decline", false: "approve"}[j.Decline])
		}
		action, err := resp.Request.URL.Parse(html.UnescapeString(form[2]))
		if err != nil {
			return nil, err
		}
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, action.String(), strings.NewReader(v.Encode()))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return nil, errors.New("bank journey: too many pages")
}

func pageError(status int, page string) error {
	e := &JourneyError{Status: status, Message: "unexpected page"}
	if m := errorRe.FindStringSubmatch(page); m != nil {
		e.Rule, e.Message = html.UnescapeString(m[1]), html.UnescapeString(m[2])
	}
	return e
}
