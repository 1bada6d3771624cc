package main

import (
	"strings"
	"testing"
)

func TestBankOutcome(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err, desc, want string
	}{
		{"Authentication declined", "User declined authentication", OutcomeAuthenticationDeclined},
		{"Authentication failed", "User locked out of Online Banking", OutcomeLockedOut},
		{"Authentication failed", "User needs to reset credentials", OutcomeResetCredentials},
		{"Consent declined", "User declined consent", OutcomeConsentDeclined},
		{"No eligible accounts", "User has no eligible accounts", OutcomeNoEligibleAccounts},
		{"Account not found", "User account details supplied do not meet criteria", OutcomeAccountNotFound},
		// The description wins, case and spacing do not matter, "+" left encoded is a space.
		{"", "  user LOCKED out of online banking ", OutcomeLockedOut},
		{"Consent declined", "User+declined+authentication", OutcomeAuthenticationDeclined},
		{"something else", "User has no eligible accounts", OutcomeNoEligibleAccounts},
		// The error when the description is unknown or missing.
		{"Authentication failed", "", OutcomeAuthenticationFailed},
		{"account NOT found", "details we have never seen", OutcomeAccountNotFound},
		// Anything else is a failure.
		{"access_denied", "", OutcomeFailed},
		{"", "", OutcomeFailed},
		{"<script>", "x", OutcomeFailed},
	}
	for _, tt := range tests {
		if got := bankOutcome(tt.err, tt.desc); got != tt.want {
			t.Errorf("bankOutcome(%q, %q) = %q, want %q", tt.err, tt.desc, got, tt.want)
		}
	}
}

// assertNotInResponse fails when a secret value appears in a response.
func assertNotInResponse(t *testing.T, response string, values ...string) {
	t.Helper()
	for _, v := range values {
		if len(v) >= 8 && strings.Contains(response, v) {
			t.Errorf("a secret value (%d chars) appears in the response", len(v))
		}
	}
}
