package sandbox

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// The bank's OAuth redirect error strings (docs/bank-rules.md §Redirect errors).
const (
	errAccountNotFound  = "Account not found"
	descAccountNotFound = "User account details supplied do not meet criteria"
	errAuthDeclined     = "Authentication declined"
	descAuthDeclined    = "User declined authentication"
	errAuthFailed       = "Authentication failed"
	descLockedOut       = "User locked out of Online Banking"
	descReset           = "User needs to reset credentials"
	errConsentDeclined  = "Consent declined"
	descConsentDeclined = "User declined consent"
	errNoEligible       = "No eligible accounts"
	descNoEligible      = "User has no eligible accounts"
	sandboxPassword     = "password"
	sandboxOTP          = "123456"
	sessionCookie       = "bank_session"
	codeLifetime        = 60 * time.Second
	stageLogin          = "login"
	stageOTP            = "otp"
	stageConsent        = "consent"
)

// journey is one run through the consent pages, bound to the browser's session cookie.
type journey struct {
	id, browser, csrf string
	req               *authRequest
	stage             string
	psu               string
	eligible          []string
	flash             string
}

func (b *Bank) renderPage(w http.ResponseWriter, status int, t *template.Template, d pageData) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Frame-Options", "DENY")
	w.WriteHeader(status)
	_ = t.Execute(w, d)
}

// handleAuthorize is GET /openbanking/{brand}/oauthRedirect?data=…: a broken rule is an
// HTML page naming it, status 400, never a redirect; a valid request starts a journey.
func (b *Bank) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	brand := r.PathValue("brand")
	if brand != "coop" && brand != "smile" {
		http.NotFound(w, r)
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	p, e := decodeAuthData(r.URL.Query()["data"], b.decoding)
	var req *authRequest
	if e == nil {
		req, e = b.validateAuthLocked(brand, p)
	}
	if e != nil {
		b.renderPage(w, http.StatusBadRequest, errorPage, pageData{Title: "Invalid authorisation request", Rule: e.Rule, Error: e.Error()})
		return
	}
	browser := ""
	if ck, err := r.Cookie(sessionCookie); err == nil && len(ck.Value) == 32 {
		browser = ck.Value
	} else {
		browser = randomHex(16)
		http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: browser, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	}
	j := &journey{id: randomHex(12), browser: browser, csrf: randomHex(16), req: req, stage: stageLogin}
	b.st.journeys[j.id] = j
	http.Redirect(w, r, "/journey/"+j.id, http.StatusSeeOther)
}

// journeyLocked finds the journey of the URL, bound to this browser; on POST the CSRF
// token must match.
func (b *Bank) journeyLocked(w http.ResponseWriter, r *http.Request) *journey {
	j, ok := b.st.journeys[r.PathValue("jid")]
	ck, err := r.Cookie(sessionCookie)
	if !ok || err != nil || ck.Value != j.browser {
		b.renderPage(w, http.StatusBadRequest, errorPage, pageData{Title: "Session not found", Error: "This journey has ended or belongs to another browser session."})
		return nil
	}
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if r.ParseForm() != nil || r.PostForm.Get("csrf") != j.csrf {
			b.renderPage(w, http.StatusForbidden, errorPage, pageData{Title: "Request refused", Error: "The form token is missing or wrong."})
			return nil
		}
	}
	return j
}

// handleJourneyPage is GET /journey/{jid}: the page of the journey's current stage.
func (b *Bank) handleJourneyPage(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	j := b.journeyLocked(w, r)
	if j == nil {
		return
	}
	d := pageData{Brand: map[string]string{"coop": "The Co-operative Bank", "smile": "smile"}[j.req.brand], CSRF: j.csrf,
		Action: "/journey/" + j.id + "/" + j.stage, Error: j.flash}
	j.flash = ""
	switch j.stage {
	case stageLogin:
		d.Title = "Log in"
		b.renderPage(w, http.StatusOK, loginPage, d)
	case stageOTP:
		d.Title, d.Message = "Extra security check", "Enter the one-time passcode we sent to your phone."
		b.renderPage(w, http.StatusOK, otpPage, d)
	default:
		d.Title, d.Lines, d.Message = "Review and confirm", b.consentLines(j.req.consent), "Choose accounts to share"
		if j.req.consent.Kind != kindAIS {
			d.Message = "Account to use"
		}
		for _, id := range j.eligible {
			a := b.st.accounts[id]
			d.Accounts = append(d.Accounts, pageAccount{ID: id, Label: a.Nickname + " (" + a.Identification + ")",
				Checked: slices.Contains(j.req.consent.Accounts, id) || len(j.eligible) == 1})
		}
		b.renderPage(w, http.StatusOK, consentPage, d)
	}
}

func (b *Bank) consentLines(c *consent) []string {
	switch c.Kind {
	case kindAIS:
		return append([]string{"Consent " + c.ID}, c.Permissions...)
	case kindCBPII:
		return []string{"Consent " + c.ID, "Confirmation of funds on account " + c.Debtor.Identification}
	}
	lines := []string{"Consent " + c.ID, "Pay " + c.pay.CreditorAccount.Name + " (" + c.pay.CreditorAccount.Identification + ")"}
	if a := c.pay.paymentAmount(); a != nil {
		lines = append(lines, "Amount "+a.Amount+" "+a.Currency)
	}
	if c.pay.RequestedExecutionDateTime != "" {
		lines = append(lines, "On "+c.pay.RequestedExecutionDateTime)
	}
	if c.pay.Frequency != "" {
		lines = append(lines, "Every "+c.pay.Frequency+", "+c.pay.NumberOfPayments+" payments from "+c.pay.FirstPaymentDateTime)
	}
	return lines
}

// handleLogin is POST /journey/{jid}/login: the sandbox PSUs of dev/bank/README.md.
func (b *Bank) handleLogin(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	j := b.journeyLocked(w, r)
	if j == nil || !b.atStage(w, r, j, stageLogin) {
		return
	}
	if r.PostForm.Get("action") == "cancel" {
		b.finishLocked(w, r, j, url.Values{"error": {errAuthDeclined}, "error_description": {descAuthDeclined}})
		return
	}
	user, pass := strings.TrimSpace(r.PostForm.Get("username")), r.PostForm.Get("password")
	switch {
	case user == "locked":
		b.finishLocked(w, r, j, url.Values{"error": {errAuthFailed}, "error_description": {descLockedOut}})
		return
	case user == "reset":
		b.finishLocked(w, r, j, url.Values{"error": {errAuthFailed}, "error_description": {descReset}})
		return
	case (user != "alice" && user != "nobody") || pass != sandboxPassword:
		j.flash = "The username or password is incorrect."
		http.Redirect(w, r, "/journey/"+j.id, http.StatusSeeOther)
		return
	case user == "nobody" || len(b.st.accountsOf(user)) == 0:
		b.finishLocked(w, r, j, url.Values{"error": {errNoEligible}, "error_description": {descNoEligible}})
		return
	}
	c := j.req.consent
	if c.Status == statusAuthorised && c.PSU != user {
		b.finishLocked(w, r, j, url.Values{"error": {errAccountNotFound}, "error_description": {descAccountNotFound}})
		return
	}
	j.psu = user
	if j.req.stepUp {
		j.stage = stageOTP
		http.Redirect(w, r, "/journey/"+j.id, http.StatusSeeOther)
		return
	}
	j.eligible = b.eligibleLocked(user, c)
	if len(j.eligible) == 0 {
		b.finishLocked(w, r, j, url.Values{"error": {errAccountNotFound}, "error_description": {descAccountNotFound}})
		return
	}
	j.stage = stageConsent
	http.Redirect(w, r, "/journey/"+j.id, http.StatusSeeOther)
}

// eligibleLocked lists the PSU's accounts that may serve the consent: every account for
// AIS; for PIS and CBPII the TPP-supplied debtor account when the PSU owns it, else
// (PIS) the current account, and savings when the payment has no reference; never
// a credit card for payments.
func (b *Bank) eligibleLocked(psu string, c *consent) []string {
	if c.Kind == kindAIS {
		return b.st.accountsOf(psu)
	}
	ok := func(a *account) bool {
		if a == nil || a.unavailable() != nil {
			return false
		}
		if c.Kind == kindCBPII {
			return true
		}
		return a.SubType == "CurrentAccount" || (a.SubType == "Savings" && !c.pay.hasReference())
	}
	if c.Debtor != nil {
		if a := b.st.findAccount(psu, c.Debtor); ok(a) {
			return []string{a.ID}
		}
		return nil
	}
	var ids []string
	for _, id := range b.st.accountsOf(psu) {
		if ok(b.st.accounts[id]) {
			ids = append(ids, id)
		}
	}
	return ids
}

// handleOTP is POST /journey/{jid}/otp: the step-up second factor (sandbox OTP 123456).
func (b *Bank) handleOTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	j := b.journeyLocked(w, r)
	if j == nil || !b.atStage(w, r, j, stageOTP) {
		return
	}
	if r.PostForm.Get("otp") != sandboxOTP {
		b.finishLocked(w, r, j, url.Values{"error": {errAccountNotFound}, "error_description": {descAccountNotFound}})
		return
	}
	b.approveLocked(w, r, j, j.req.consent.Accounts)
}

// handleConsent is POST /journey/{jid}/consent: approve with the chosen accounts, or decline.
func (b *Bank) handleConsent(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	j := b.journeyLocked(w, r)
	if j == nil || !b.atStage(w, r, j, stageConsent) {
		return
	}
	if r.PostForm.Get("action") != "approve" {
		b.finishLocked(w, r, j, url.Values{"error": {errConsentDeclined}, "error_description": {descConsentDeclined}})
		return
	}
	chosen := r.PostForm["account"]
	for _, id := range chosen {
		if !slices.Contains(j.eligible, id) {
			b.renderPage(w, http.StatusBadRequest, errorPage, pageData{Title: "Request refused", Error: "Account " + id + " cannot be chosen."})
			return
		}
	}
	if len(chosen) == 0 || (j.req.consent.Kind != kindAIS && len(chosen) != 1) {
		j.flash = "Choose at least one account."
		if j.req.consent.Kind != kindAIS {
			j.flash = "Choose exactly one account."
		}
		http.Redirect(w, r, "/journey/"+j.id, http.StatusSeeOther)
		return
	}
	b.approveLocked(w, r, j, chosen)
}

func (b *Bank) atStage(w http.ResponseWriter, r *http.Request, j *journey, stage string) bool {
	if j.stage != stage {
		http.Redirect(w, r, "/journey/"+j.id, http.StatusSeeOther)
		return false
	}
	return true
}

// approveLocked authorises the consent and redirects with a code (single use, 60 s on
// the bank clock, bound to client, redirect_uri and PKCE challenge).
func (b *Bank) approveLocked(w http.ResponseWriter, r *http.Request, j *journey, accounts []string) {
	now := b.nowLocked()
	c := j.req.consent
	c.Accounts, c.PSU = slices.Clone(accounts), j.psu
	if c.Status != statusAuthorised {
		c.setStatus(statusAuthorised, now)
	}
	g := &grant{id: randomHex(8), consentID: c.ID, stepUp: j.req.stepUp, scope: c.Kind.scope()}
	code := randomToken()
	b.recordLocked(SecretAuthorizationCode, code)
	b.st.codes[code] = &authCode{value: code, clientID: j.req.p["client_id"], redirectURI: j.req.p["redirect_uri"],
		codeChallenge: j.req.p["code_challenge"], expires: now.Add(codeLifetime), grant: g}
	b.finishLocked(w, r, j, url.Values{"code": {code}})
}

// finishLocked ends the journey with a redirect to the TPP: outcome plus state,
// form-encoded (spaces as "+"). An error redirect leaves state out while
// errorsWithoutState is set, as the bank's own examples do.
func (b *Bank) finishLocked(w http.ResponseWriter, r *http.Request, j *journey, v url.Values) {
	delete(b.st.journeys, j.id)
	if v.Get("error") == "" || !b.errorsWithoutState {
		v.Set("state", j.req.p["state"])
	}
	target := j.req.p["redirect_uri"]
	sep := "?"
	if strings.Contains(target, "?") {
		sep = "&"
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Location", target+sep+v.Encode())
	w.WriteHeader(http.StatusFound)
}
