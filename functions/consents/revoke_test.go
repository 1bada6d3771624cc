package main

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// TestRevoke: DELETE revokes at the bank, wipes the tokens and marks the
// consent Revoked; again is 204 without a bank call; payments are refused;
// a bank 5xx leaves everything as it was.
func TestRevoke(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	const sub = "app-r"
	tests := []struct{ name, body, path string }{
		{"accounts", `{"brand":"coop","type":"accounts"}`, bankapi.AISPPath + "/account-access-consents/"},
		{"fundsconfirmations", `{"brand":"coop","type":"fundsconfirmations","debtorAccount":{"sortCode":"089999","accountNumber":"12345678"}}`,
			bankapi.CBPIIPath + "/funds-confirmation-consents/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := f.create(t, sub, tt.body)
			tokens := f.authorise(t, out.BankAuthorizationURL)

			f.env.Bank.Fail(tt.path, sandbox.Fault{Status: 500})
			resp := f.do(t, routeDelete, sub, out.ConsentID, "")
			if p := problem(t, resp); p.Status != 503 || p.Action != httpapi.ActionRetryLater || p.InteractionID == "" {
				t.Errorf("DELETE during a bank 500 = %+v", p)
			}
			c, _ := f.env.Deps.Store.GetConsent(ctx, out.ConsentID)
			if _, err := f.env.Deps.Store.GetTokens(ctx, out.ConsentID); err != nil || c.Status != consent.StatusAuthorised {
				t.Errorf("after a failed DELETE: status %s, tokens %v", c.Status, err)
			}

			f.env.Bank.ResetRequests()
			if resp := f.do(t, routeDelete, sub, out.ConsentID, ""); resp.StatusCode != 204 || resp.Body != "" {
				t.Fatalf("DELETE = %d %s", resp.StatusCode, resp.Body)
			}
			if dels := f.requestsTo(tt.path + out.ConsentID); len(dels) != 1 || dels[0].Method != "DELETE" || dels[0].Status != 204 {
				t.Errorf("bank DELETEs %+v", dels)
			}
			if info, err := f.env.Bank.Consent(out.ConsentID); err != nil || info.Status != bankapi.StatusRevoked || info.LiveGrants != 0 {
				t.Errorf("bank consent %+v %v: want Revoked, no live grants", info, err)
			}
			if _, err := f.env.Deps.Store.GetTokens(ctx, out.ConsentID); !errors.Is(err, consent.ErrNotFound) {
				t.Errorf("tokens after revoke: %v", err)
			}
			var v consentView
			_ = json.Unmarshal([]byte(f.do(t, routeGet, sub, out.ConsentID, "").Body), &v)
			if v.Status != consent.StatusRevoked || v.StepUp == nil || *v.StepUp {
				t.Errorf("GET after revoke: %+v", v)
			}

			f.env.Bank.ResetRequests()
			if resp := f.do(t, routeDelete, sub, out.ConsentID, ""); resp.StatusCode != 204 {
				t.Errorf("second DELETE = %d %s", resp.StatusCode, resp.Body)
			}
			if n := len(f.env.Bank.Requests()); n != 0 {
				t.Errorf("second DELETE made %d bank calls", n)
			}
			if resp := f.do(t, routeAuthorize, sub, out.ConsentID, ""); resp.StatusCode != 409 {
				t.Errorf("authorize after revoke = %d", resp.StatusCode)
			}
			f.env.AssertNoSecrets(t, tokens.AccessToken, tokens.RefreshToken)
		})
	}
	t.Run("payments refused", func(t *testing.T) {
		out := f.create(t, sub, `{"brand":"coop","type":"payments","journey":"DP","amount":"1.00","creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}}`)
		f.env.Bank.ResetRequests()
		resp := f.do(t, routeDelete, sub, out.ConsentID, "")
		if p := problem(t, resp); p.Status != 409 || p.Type != httpapi.TypeConflict {
			t.Errorf("DELETE payment consent = %+v", p)
		}
		c, _ := f.env.Deps.Store.GetConsent(ctx, out.ConsentID)
		if c.Status != consent.StatusAwaitingAuthorisation || len(f.env.Bank.Requests()) != 0 {
			t.Errorf("status %s, bank calls %d", c.Status, len(f.env.Bank.Requests()))
		}
	})
	t.Run("already gone at the bank", func(t *testing.T) {
		out := f.create(t, sub, `{"brand":"coop","type":"accounts"}`)
		f.env.Bank.ResetRequests()
		if resp := f.do(t, routeDelete, sub, out.ConsentID, ""); resp.StatusCode != 204 {
			t.Fatalf("DELETE = %d", resp.StatusCode)
		}
		// Undo the local status only: a retry finds the bank's consent gone and finishes.
		c, _ := f.env.Deps.Store.GetConsent(ctx, out.ConsentID)
		c.Status = consent.StatusAwaitingAuthorisation
		_ = f.env.Deps.Store.UpdateConsent(ctx, c)
		if resp := f.do(t, routeDelete, sub, out.ConsentID, ""); resp.StatusCode != 204 {
			t.Errorf("DELETE when the bank already deleted it = %d %s", resp.StatusCode, resp.Body)
		}
	})
}

// TestOwnerIsolation: another caller's consent is the same 404 as an unknown id, a malformed
// id is a 400, on every route, and neither changes anything.
func TestOwnerIsolation(t *testing.T) {
	f := newFixture(t)
	out := f.create(t, "owner", `{"brand":"coop","type":"accounts"}`)
	unknown := f.do(t, routeGet, "owner", "00000000-0000-4000-8000-000000000000", "")
	if unknown.StatusCode != 404 {
		t.Fatalf("unknown id = %d", unknown.StatusCode)
	}
	f.env.Bank.ResetRequests()
	items := f.countItems(t)
	for _, rk := range []string{routeGet, routeAuthorize, routeDelete} {
		resp := f.do(t, rk, "intruder", out.ConsentID, "")
		if p := problem(t, resp); p.Status != 404 || p.Type != httpapi.TypeNotFound || resp.Body != unknown.Body {
			t.Errorf("%s as intruder = %s, want the unknown-id 404", rk, resp.Body)
		}
		for _, id := range []string{"not-a-uuid", out.ConsentID + "x"} {
			resp := f.do(t, rk, "owner", id, "")
			if p := problem(t, resp); p.Status != 400 || p.Type != httpapi.TypeInvalidRequest {
				t.Errorf("%s on malformed id %q = %s, want 400 invalid-request", rk, id, resp.Body)
			}
		}
	}
	if len(f.env.Bank.Requests()) != 0 || f.countItems(t) != items {
		t.Error("a refused request reached the bank or the table")
	}
	var list listResponse
	_ = json.Unmarshal([]byte(f.do(t, routeList, "intruder", "", "").Body), &list)
	if len(list.Consents) != 0 {
		t.Errorf("intruder lists %d consents", len(list.Consents))
	}
	if c, _ := f.env.Deps.Store.GetConsent(context.Background(), out.ConsentID); c.Status != consent.StatusAwaitingAuthorisation {
		t.Errorf("owner's consent became %s", c.Status)
	}
}
