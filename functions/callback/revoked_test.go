package main

import (
	"errors"
	"testing"

	"github.com/coop-ob/connector/shared/consent"
)

// revokeLocally does to the store what DELETE /consents/{id} does
// (functions/consents revoke.go): status Revoked, then the tokens deleted.
// The bank's consent is left alone, so the bank would still honour the code:
// only the connector can refuse it.
func (f *fixture) revokeLocally(id string) {
	f.t.Helper()
	c := f.consent(id)
	c.Status, c.BankStatus, c.LastAction = consent.StatusRevoked, "Revoked", "revoked"
	if err := f.env.Deps.Store.UpdateConsent(f.ctx, c); err != nil {
		f.t.Fatal(err)
	}
	if err := f.env.Deps.Store.DeleteTokens(f.ctx, id); err != nil {
		f.t.Fatal(err)
	}
}

// TestCallbackAfterRevocation: the app revoked the consent while the PSU was
// at the bank (first authorisation or re-authentication). The late callback
// makes no token request, leaves the consent Revoked with nothing recorded
// and no tokens, spends the session, and tells the app "failed".
func TestCallbackAfterRevocation(t *testing.T) {
	t.Parallel()
	for name, reauth := range map[string]bool{"first authorisation": false, "re-authentication": true} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			var c *consent.Consent
			if reauth {
				c, _ = f.authorised(typeAIS)
			} else {
				c = f.createConsent(typeAIS)
			}
			j := f.start(c, false)
			back := f.drive(j, alice)
			f.revokeLocally(c.ID)
			f.env.Bank.ResetRequests()

			f.wantResult(f.callback(back), c.ID, OutcomeFailed)
			if n := len(f.codeRequests()); n != 0 {
				t.Errorf("%d token requests after the revocation, want none", n)
			}
			got := f.consent(c.ID)
			if got.Status != consent.StatusRevoked || got.LastError != "" {
				t.Errorf("consent %s, last error %q: want Revoked with nothing recorded", got.Status, got.LastError)
			}
			if _, err := f.env.Deps.Store.GetTokens(f.ctx, c.ID); !errors.Is(err, consent.ErrNotFound) {
				t.Errorf("tokens of the revoked consent: %v, want none", err)
			}
			s := f.session(j)
			if s.Status != consent.SessionFailed || s.Code != "" || s.Verifier != "" {
				t.Errorf("session %s (code %t, verifier %t): want failed, without code or verifier", s.Status, s.Code != "", s.Verifier != "")
			}
			f.wantPage(f.callback(back), pageUsed)
		})
	}
}
