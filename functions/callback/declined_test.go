package main

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
)

// TestBankErrorsOnFirstAuthorisation drives the bank's pages into each of its
// error redirects: the consent fails, the session is spent, nothing is exchanged.
func TestBankErrorsOnFirstAuthorisation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		typ  string
		o    sandbox.JourneyOptions
		want string
	}{
		{"locked out", typeAIS, sandbox.JourneyOptions{User: "locked", Password: "password"}, OutcomeLockedOut},
		{"reset credentials", typeAIS, sandbox.JourneyOptions{User: "reset", Password: "password"}, OutcomeResetCredentials},
		{"no eligible accounts", typeCBPII, sandbox.JourneyOptions{User: "nobody", Password: "password"}, OutcomeNoEligibleAccounts},
		{"consent declined", typePIS, sandbox.JourneyOptions{User: "alice", Password: "password", Decline: true}, OutcomeConsentDeclined},
		{"cancel at login", typeAIS, sandbox.JourneyOptions{User: "alice", Password: "password", Cancel: true}, OutcomeAuthenticationDeclined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c := f.createConsent(tt.typ)
			j := f.start(c, false)
			back := f.drive(j, tt.o)
			if back.Query().Get("error") == "" || back.Query().Get("code") != "" {
				t.Fatalf("the bank answered %q, want an error redirect", back.RawQuery)
			}
			f.wantResult(f.callback(back), c.ID, tt.want)
			got := f.consent(c.ID)
			if got.Status != consent.StatusFailed || got.LastError != tt.want {
				t.Errorf("consent %s, last error %q: want Failed, %q", got.Status, got.LastError, tt.want)
			}
			if s := f.session(j); s.Status != consent.SessionFailed {
				t.Errorf("session %s, want failed", s.Status)
			}
			if n := len(f.codeRequests()); n != 0 {
				t.Errorf("%d code requests after an error redirect", n)
			}
			// The same callback again is a spent session.
			f.wantPage(f.callback(back), pageUsed)
		})
	}
}

// TestCraftedErrorRedirects covers the bank strings the sandbox's pages do
// not produce for these consents, and unknown strings.
func TestCraftedErrorRedirects(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	tests := []struct {
		query url.Values
		want  string
	}{
		{url.Values{"error": {"Account not found"}, "error_description": {"User account details supplied do not meet criteria"}}, OutcomeAccountNotFound},
		{url.Values{"error": {"Authentication failed"}}, OutcomeAuthenticationFailed},
		{url.Values{"error": {"server_error"}, "error_description": {"<b>Something</b> odd"}}, OutcomeFailed},
		{url.Values{"error_description": {"User declined consent"}}, OutcomeConsentDeclined},
	}
	for _, tt := range tests {
		c := f.createConsent(typePIS)
		j := f.start(c, false)
		q := tt.query
		q.Set("state", j.state)
		resp := f.callback(&url.URL{Scheme: "https", Host: "tpp.example.com", Path: "/callback", RawQuery: q.Encode()})
		f.wantResult(resp, c.ID, tt.want)
		if got := f.consent(c.ID); got.Status != consent.StatusFailed || got.LastError != tt.want {
			t.Errorf("%v: consent %s, last error %q: want Failed, %q", tt.query, got.Status, got.LastError, tt.want)
		}
	}
}

// TestFailedStepUpKeepsAuthorisation: a wrong one-time passcode at step-up
// (the bank's "Account not found") and a declined re-authentication leave the
// consent Authorised with its tokens, and record what happened.
func TestFailedStepUpKeepsAuthorisation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		stepUp bool
		o      sandbox.JourneyOptions
		want   string
	}{
		{"wrong passcode at step-up", true, sandbox.JourneyOptions{User: "alice", Password: "password", OTP: "000000"}, OutcomeStepUpFailed},
		{"re-authentication declined", false, sandbox.JourneyOptions{User: "alice", Password: "password", Decline: true}, OutcomeConsentDeclined},
		{"step-up cancelled", true, sandbox.JourneyOptions{User: "alice", Password: "password", Cancel: true}, OutcomeAuthenticationDeclined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c, old := f.authorised(typeAIS)
			j := f.start(c, tt.stepUp)
			f.wantResult(f.callback(f.drive(j, tt.o)), c.ID, tt.want)
			got := f.consent(c.ID)
			if got.Status != consent.StatusAuthorised || got.LastError != tt.want || !got.StepUpAt.IsZero() {
				t.Errorf("consent %s, last error %q, step-up %v: want still Authorised, %q, no step-up", got.Status, got.LastError, got.StepUpAt, tt.want)
			}
			if tk := f.tokens(c.ID); tk.AccessToken != old.AccessToken || tk.RefreshToken != old.RefreshToken {
				t.Error("a failed step-up replaced the tokens")
			}
			if st := f.accountsStatus(old.AccessToken); st != http.StatusOK {
				t.Errorf("the tokens stopped working after a failed step-up: %d", st)
			}
		})
	}
}

func TestAbandoned(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	j := f.start(c, false)
	u, _ := url.Parse(testenv.RedirectURI + "?state=" + url.QueryEscape(j.state))
	f.wantResult(f.callback(u), c.ID, OutcomeAbandoned)
	got := f.consent(c.ID)
	if got.Status != consent.StatusAwaitingAuthorisation || got.LastError != OutcomeAbandoned {
		t.Errorf("consent %s, last error %q: want unchanged status, abandoned", got.Status, got.LastError)
	}
	if s := f.session(j); s.Status != consent.SessionFailed {
		t.Errorf("session %s, want spent (failed)", s.Status)
	}
	// A new journey for the same consent still works.
	f.wantResult(f.callback(f.drive(f.start(c, false), alice)), c.ID, OutcomeAuthorised)
}
