package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// reconfirmFixture is a fixture with a one-hour reconfirmation period warned ten minutes ahead.
func reconfirmFixture(t *testing.T) *fixture {
	t.Helper()
	env := testenv.Start(t, testenv.Options{Env: map[string]string{"RECONFIRM_PERIOD": "1h", "RECONFIRM_WARN": "10m"}})
	return &fixture{env: env, h: New(env.Deps)}
}

func (f *fixture) view(t *testing.T, sub, id string) consentView {
	t.Helper()
	resp := f.do(t, routeGet, sub, id, "")
	var v consentView
	if err := json.Unmarshal([]byte(resp.Body), &v); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET = %d %s", resp.StatusCode, resp.Body)
	}
	return v
}

func at(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// TestDashboardFieldsAndReconfirm: an authorised AIS consent shows authorisedAt,
// lastConfirmedAt, reconfirmBy and accessEndsAt; nextAction turns to reconfirm within the
// warning; a reconfirmation (late or not) moves reconfirmBy to reconfirmedAt + the period
// and records the channel, the app's reference and the caller.
func TestDashboardFieldsAndReconfirm(t *testing.T) {
	t.Parallel()
	f := reconfirmFixture(t)
	const sub = "app-r"
	ais := f.create(t, sub, `{"brand":"coop","type":"accounts","permissions":["ReadAccountsDetail","ReadBalances"],"expirationDateTime":"2099-01-01T00:00:00Z"}`)
	start := f.env.Bank.Now()
	f.authorise(t, ais.BankAuthorizationURL)

	v := f.view(t, sub, ais.ConsentID)
	if v.AuthorisedAt == nil || v.AuthorisedAt.Before(start) || v.AuthorisedAt.After(f.env.Bank.Now()) {
		t.Fatalf("authorisedAt %v, want the authorisation's time", v.AuthorisedAt)
	}
	authorisedAt := *v.AuthorisedAt
	wantBy := authorisedAt.Add(time.Hour)
	if !v.AuthorisedAt.Equal(authorisedAt) || v.LastConfirmedAt == nil || !v.LastConfirmedAt.Equal(authorisedAt) ||
		v.ReconfirmBy == nil || !v.ReconfirmBy.Equal(wantBy) || v.AccessEndsAt == nil || !v.AccessEndsAt.Equal(wantBy) ||
		v.ActionBy == nil || !v.ActionBy.Equal(wantBy) || v.NextAction != "none" {
		t.Fatalf("fresh consent: %+v", v)
	}
	f.env.Bank.Advance(55 * time.Minute)
	if v := f.view(t, sub, ais.ConsentID); v.NextAction != "reconfirm" {
		t.Errorf("within the warning: nextAction %q, want reconfirm", v.NextAction)
	}
	f.env.Bank.Advance(time.Hour) // past reconfirmBy: a late reconfirmation is accepted
	when := f.env.Bank.Now().Add(-time.Minute).Truncate(time.Second)
	resp := f.do(t, routeReconfirm, sub, ais.ConsentID, `{"reconfirmedAt":"`+at(when)+`","channel":"app","customerReference":"cust-42"}`)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("reconfirm = %d %s", resp.StatusCode, resp.Body)
	}
	var got consentView
	_ = json.Unmarshal([]byte(resp.Body), &got)
	if got.LastConfirmedAt == nil || !got.LastConfirmedAt.Equal(when) || got.ReconfirmBy == nil || !got.ReconfirmBy.Equal(when.Add(time.Hour)) ||
		got.NextAction != "none" || !got.AuthorisedAt.Equal(authorisedAt) {
		t.Errorf("after reconfirm: %+v", got)
	}
	c, err := f.env.Deps.Store.GetConsent(t.Context(), ais.ConsentID)
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Reconfirmation; r == nil || r.Channel != "app" || r.CustomerRef != "cust-42" || r.Caller != sub || !r.At.Equal(when) {
		t.Errorf("recorded reconfirmation %+v", r)
	}
}

// TestReconfirmBadInput: every refusal is a clear problem and changes nothing.
func TestReconfirmBadInput(t *testing.T) {
	t.Parallel()
	f := reconfirmFixture(t)
	const sub = "app-b"
	ais := f.create(t, sub, `{"brand":"coop","type":"accounts","permissions":["ReadAccountsDetail"]}`)
	f.authorise(t, ais.BankAuthorizationURL)
	pending := f.create(t, sub, `{"brand":"coop","type":"accounts","permissions":["ReadAccountsDetail"]}`)
	dsp := f.create(t, sub, `{"brand":"smile","type":"payments","journey":"DSP","amount":"7.25","executionDate":"`+workingDay(f.env.Bank.Now(), 8)+`","creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}}`)
	f.authorise(t, dsp.BankAuthorizationURL)
	f.env.Bank.Advance(time.Minute)
	now := f.env.Bank.Now()
	ok := func(ts time.Time) string { return `{"reconfirmedAt":"` + at(ts) + `","channel":"app"}` }
	tests := []struct {
		name, sub, id, body string
		status              int
		typ                 string
	}{
		{"unknown consent", sub, "6f1c1f9a-0000-4000-8000-000000000000", ok(now), 404, httpapi.TypeNotFound},
		{"another caller's", "someone-else", ais.ConsentID, ok(now), 404, httpapi.TypeNotFound},
		{"malformed id", sub, "nope", ok(now), 400, httpapi.TypeInvalidRequest},
		{"payment consent", sub, dsp.ConsentID, ok(now), 409, httpapi.TypeConflict},
		{"not authorised", sub, pending.ConsentID, ok(now), 409, httpapi.TypeConflict},
		{"in the future", sub, ais.ConsentID, ok(now.Add(time.Hour)), 400, httpapi.TypeInvalidRequest},
		{"before the last confirmation", sub, ais.ConsentID, ok(now.Add(-time.Hour)), 400, httpapi.TypeInvalidRequest},
		{"no offset", sub, ais.ConsentID, `{"reconfirmedAt":"2026-01-01T00:00:00","channel":"app"}`, 400, httpapi.TypeInvalidRequest},
		{"missing time", sub, ais.ConsentID, `{"channel":"app"}`, 400, httpapi.TypeInvalidRequest},
		{"unknown channel", sub, ais.ConsentID, `{"reconfirmedAt":"` + at(now) + `","channel":"pigeon"}`, 400, httpapi.TypeInvalidRequest},
		{"unknown field", sub, ais.ConsentID, `{"reconfirmedAt":"` + at(now) + `","channel":"app","x":1}`, 400, httpapi.TypeInvalidRequest},
		{"malformed body", sub, ais.ConsentID, `{"reconfirmedAt":`, 400, httpapi.TypeInvalidRequest},
		{"empty body", sub, ais.ConsentID, ``, 400, httpapi.TypeInvalidRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := map[string]*consent.Consent{}
			for _, id := range []string{ais.ConsentID, pending.ConsentID, dsp.ConsentID} {
				before[id], _ = f.env.Deps.Store.GetConsent(t.Context(), id)
			}
			resp := f.do(t, routeReconfirm, tt.sub, tt.id, tt.body)
			if p := problem(t, resp); resp.StatusCode != tt.status || p.Type != tt.typ {
				t.Errorf("got %d %s (%s), want %d %s", resp.StatusCode, p.Type, p.Detail, tt.status, tt.typ)
			}
			for id, b := range before {
				if a, _ := f.env.Deps.Store.GetConsent(t.Context(), id); a.Version != b.Version {
					t.Errorf("consent %s written (version %d → %d)", id, b.Version, a.Version)
				}
			}
		})
	}
}

// TestAccountsShownAndErasedOnRevoke: GET /consents/{id} shows the shared accounts stored after
// the authorisation; a revocation erases them.
func TestAccountsShownAndErasedOnRevoke(t *testing.T) {
	t.Parallel()
	f := reconfirmFixture(t)
	const sub = "app-a"
	ais := f.create(t, sub, `{"brand":"coop","type":"accounts","permissions":["ReadAccountsDetail"]}`)
	f.authorise(t, ais.BankAuthorizationURL)
	store := f.env.Deps.Store
	if err := store.PutAccounts(t.Context(), &consent.SharedAccounts{ConsentID: ais.ConsentID, ReadAt: f.env.Bank.Now(),
		Accounts: []consent.SharedAccount{{ID: "1001", Masked: "••••5678"}}}, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if v := f.view(t, sub, ais.ConsentID); len(v.Accounts) != 1 || v.Accounts[0] != (accountView{AccountID: "1001", Identification: "••••5678"}) {
		t.Errorf("accounts %+v", v.Accounts)
	}
	if resp := f.do(t, routeDelete, sub, ais.ConsentID, ""); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("DELETE = %d %s", resp.StatusCode, resp.Body)
	}
	if _, err := store.GetAccounts(t.Context(), ais.ConsentID); !errors.Is(err, consent.ErrNotFound) {
		t.Errorf("accounts after revoke: %v, want erased", err)
	}
	if v := f.view(t, sub, ais.ConsentID); len(v.Accounts) != 0 {
		t.Errorf("revoked consent shows accounts %+v", v.Accounts)
	}
}

// TestRefreshLapseInNextAction: a refresh token no scheduled refresh will rotate shows its lapse
// in nextAction (reauthenticate) and accessEndsAt before it happens, on GET /consents/{id} only.
func TestRefreshLapseInNextAction(t *testing.T) {
	t.Parallel()
	f := reconfirmFixture(t) // RECONFIRM_PERIOD=1h, RECONFIRM_WARN=10m
	const sub = "app-lapse"
	ais := f.create(t, sub, `{"brand":"coop","type":"accounts","permissions":["ReadAccountsDetail"]}`)
	f.authorise(t, ais.BankAuthorizationURL)
	store := f.env.Deps.Store
	tok, err := store.GetTokens(t.Context(), ais.ConsentID)
	if err != nil {
		t.Fatal(err)
	}
	tok.RefreshExpiresAt = f.env.Bank.Now().Add(20 * time.Minute).Truncate(time.Second)
	if err := store.PutTokens(t.Context(), tok); err != nil {
		t.Fatal(err)
	}
	if err := store.ClearRefreshDue(t.Context(), ais.ConsentID); err != nil {
		t.Fatal(err)
	}
	if v := f.view(t, sub, ais.ConsentID); v.NextAction != "none" || v.ActionBy == nil || !v.ActionBy.Equal(tok.RefreshExpiresAt) ||
		v.RefreshExpiresAt == nil || v.AccessEndsAt == nil || !v.AccessEndsAt.Equal(tok.RefreshExpiresAt) {
		t.Errorf("20 minutes before the lapse: %+v", v)
	}
	f.env.Bank.Advance(15 * time.Minute)
	if v := f.view(t, sub, ais.ConsentID); v.NextAction != "reauthenticate" {
		t.Errorf("5 minutes before the lapse: nextAction %q, want reauthenticate", v.NextAction)
	}
}
