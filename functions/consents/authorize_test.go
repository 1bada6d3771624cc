package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// TestBankRejectsBrokenURLs: the sandbox bank accepts the builder's URL (see
// TestCreateEachTypeAndJourney) and refuses hand-broken copies, naming the rule.
func TestBankRejectsBrokenURLs(t *testing.T) {
	f := newFixture(t)
	out := f.create(t, "app", `{"brand":"coop","type":"payments","journey":"DP","amount":"10.50","creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}}`)
	ep, data := rawData(t, out.BankAuthorizationURL)
	enc := func(s string) string { return ep + "?data=" + base64.RawURLEncoding.EncodeToString([]byte(s)) }
	tests := []struct{ name, url, rule string }{
		{"padded base64", ep + "?data=" + base64.URLEncoding.EncodeToString([]byte(data+"&x")), "data"},
		{"amount differs", enc(strings.Replace(data, "amount=10.50", "amount=10.5", 1)), "amount"},
		{"ben_name differs", enc(strings.Replace(data, "ben_name=Bob", "ben_name=Rob", 1)), "ben_name"},
		{"scope encoded", enc(strings.Replace(data, "scope=payments", "scope=pay%6Dents", 1)), "scope"},
		{"redirect encoded", enc(strings.Replace(data, "redirect_uri=https://", "redirect_uri=https%3A%2F%2F", 1)), "redirect_uri"},
		{"stepUp on payments", enc(strings.Replace(data, "&display=", "&stepUp=require&display=", 1)), "stepUp"},
		{"short display", enc(strings.Replace(data, "display="+out.ConsentID, "display="+out.ConsentID[:35], 1)), "display"},
		{"no jrn_typ", enc(strings.Replace(data, "&jrn_typ=DP", "", 1)), "jrn_typ"},
		{"wrong brand", enc(strings.Replace(data, "login_hint=coop", "login_hint=smile", 1)), "login_hint"},
		{"plain method", enc(strings.Replace(data, "code_challenge_method=S256", "code_challenge_method=plain", 1)), "code_challenge_method"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.url == out.BankAuthorizationURL || !strings.Contains(tt.url, "?data=") {
				t.Fatal("the URL was not broken")
			}
			if rule := f.journeyError(t, tt.url); rule != tt.rule {
				t.Errorf("bank named rule %q, want %q", rule, tt.rule)
			}
		})
	}
}

// TestAuthorize covers fresh URLs, re-authentication, step-up and refusals.
func TestAuthorize(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	const sub = "app-1"
	authorizeOK := func(t *testing.T, id, body string) authorizeResponse {
		t.Helper()
		resp := f.do(t, routeAuthorize, sub, id, body)
		if resp.StatusCode != 200 {
			t.Fatalf("authorize = %d %s", resp.StatusCode, resp.Body)
		}
		var out authorizeResponse
		if err := json.Unmarshal([]byte(resp.Body), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	refused := func(t *testing.T, id, body string, status int, typ string) {
		t.Helper()
		items := f.countItems(t)
		resp := f.do(t, routeAuthorize, sub, id, body)
		if p := problem(t, resp); p.Status != status || p.Type != typ {
			t.Errorf("authorize %s = %+v, want %d %s", body, p, status, typ)
		}
		if f.countItems(t) != items {
			t.Errorf("a refused authorize stored something")
		}
	}

	ais := f.create(t, sub, `{"brand":"smile","type":"accounts"}`)
	t.Run("fresh URL while awaiting", func(t *testing.T) {
		out := authorizeOK(t, ais.ConsentID, "")
		_, p1 := params(t, ais.BankAuthorizationURL)
		_, p2 := params(t, out.BankAuthorizationURL)
		if p1["state"] == p2["state"] || p1["code_challenge"] == p2["code_challenge"] {
			t.Error("a new URL must have a new state and PKCE challenge")
		}
		if _, ok := p2["stepUp"]; ok || p2["display"] != ais.ConsentID {
			t.Errorf("params %v", p2)
		}
		refused(t, ais.ConsentID, `{"stepUp":true}`, 409, httpapi.TypeConflict)
		f.authorise(t, out.BankAuthorizationURL)
	})
	t.Run("re-authentication", func(t *testing.T) {
		out := authorizeOK(t, ais.ConsentID, `{}`)
		_, p := params(t, out.BankAuthorizationURL)
		if _, ok := p["stepUp"]; ok {
			t.Error("stepUp on a plain re-authentication")
		}
		sess, err := f.env.Deps.Store.GetAuthSession(ctx, consent.HashState(p["state"]))
		if err != nil || !sess.Reauth || sess.StepUp {
			t.Errorf("session %+v, %v: want Reauth and no StepUp", sess, err)
		}
		f.journey(t, out.BankAuthorizationURL)
	})
	t.Run("step-up", func(t *testing.T) {
		out := authorizeOK(t, ais.ConsentID, `{"stepUp":true}`)
		_, p := params(t, out.BankAuthorizationURL)
		if p["stepUp"] != "require" {
			t.Errorf("stepUp = %q, want require", p["stepUp"])
		}
		f.authorise(t, out.BankAuthorizationURL)
		info, err := f.env.Bank.Consent(ais.ConsentID)
		if err != nil || !info.StepUp {
			t.Errorf("bank consent %+v: want step-up held", info)
		}
		var v consentView
		_ = json.Unmarshal([]byte(f.do(t, routeGet, sub, ais.ConsentID, "").Body), &v)
		if v.StepUp == nil || !*v.StepUp || v.StepUpAt == nil {
			t.Errorf("GET after step-up: stepUp %v stepUpAt %v", ptrTrue(v.StepUp), v.StepUpAt)
		}
	})
	t.Run("bad bodies", func(t *testing.T) {
		refused(t, ais.ConsentID, `{"stepUp":"yes"}`, 400, httpapi.TypeInvalidRequest)
		refused(t, ais.ConsentID, `{"stepup2":true}`, 400, httpapi.TypeInvalidRequest)
		refused(t, ais.ConsentID, `[`, 400, httpapi.TypeInvalidRequest)
	})
	t.Run("funds confirmation re-authentication", func(t *testing.T) {
		cb := f.create(t, sub, `{"brand":"coop","type":"fundsconfirmations","debtorAccount":{"sortCode":"089999","accountNumber":"12345678"}}`)
		refused(t, cb.ConsentID, `{"stepUp":true}`, 400, httpapi.TypeInvalidRequest)
		f.authorise(t, cb.BankAuthorizationURL)
		f.journey(t, authorizeOK(t, cb.ConsentID, "").BankAuthorizationURL)
	})
	t.Run("payments", func(t *testing.T) {
		dp := f.create(t, sub, `{"brand":"coop","type":"payments","journey":"DP","amount":"1.00","creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}}`)
		refused(t, dp.ConsentID, `{"stepUp":true}`, 400, httpapi.TypeInvalidRequest)
		again := authorizeOK(t, dp.ConsentID, "") // still awaiting: a fresh URL is fine
		_, p := params(t, again.BankAuthorizationURL)
		if p["jrn_typ"] != "DP" || p["amount"] != "1.00" || p["ben_name"] != "Bob" {
			t.Errorf("payment params %v", p)
		}
		f.authorise(t, again.BankAuthorizationURL)
		refused(t, dp.ConsentID, "", 409, httpapi.TypeConflict)
	})
	t.Run("terminal statuses", func(t *testing.T) {
		for _, status := range []string{consent.StatusRejected, consent.StatusRevoked, consent.StatusExpired} {
			out := f.create(t, sub, `{"brand":"coop","type":"accounts"}`)
			c, _ := f.env.Deps.Store.GetConsent(ctx, out.ConsentID)
			c.Status = status
			if err := f.env.Deps.Store.UpdateConsent(ctx, c); err != nil {
				t.Fatal(err)
			}
			refused(t, out.ConsentID, "", 409, httpapi.TypeConflict)
		}
	})
}
