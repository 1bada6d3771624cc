package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// TestListAndGet: the caller's consents with their status and never a
// secret; the client secret, tokens and verifiers stay out of the logs too.
func TestListAndGet(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	const sub = "app-l"
	ais := f.create(t, sub, `{"brand":"coop","type":"accounts","permissions":["ReadAccountsDetail","ReadBalances"],"expirationDateTime":"2099-01-01T00:00:00Z"}`)
	dsp := f.create(t, sub, `{"brand":"smile","type":"payments","journey":"DSP","amount":"7.25","executionDate":"`+workingDay(f.env.Bank.Now(), 8)+`","creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}}`)
	tokens := f.authorise(t, ais.BankAuthorizationURL)
	f.create(t, "someone-else", `{"brand":"coop","type":"accounts"}`)

	resp := f.do(t, routeList, sub, "", "")
	if resp.StatusCode != 200 || resp.Headers["Cache-Control"] != "no-store" {
		t.Fatalf("GET /consents = %d %v", resp.StatusCode, resp.Headers)
	}
	var list listResponse
	if err := json.Unmarshal([]byte(resp.Body), &list); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, v := range list.Consents {
		ids = append(ids, v.ID)
	}
	if diff := cmp.Diff([]string{ais.ConsentID, dsp.ConsentID}, ids); diff != "" {
		t.Errorf("listed ids (-want +got):\n%s", diff)
	}

	resp = f.do(t, routeGet, sub, ais.ConsentID, "")
	var v consentView
	if err := json.Unmarshal([]byte(resp.Body), &v); err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET = %d %s", resp.StatusCode, resp.Body)
	}
	if v.Type != "accounts" || v.Brand != "coop" || v.Status != consent.StatusAuthorised || v.StepUp == nil || *v.StepUp ||
		v.ExpiresAt == nil || v.ExpiresAt.Year() != 2099 || !cmp.Equal(v.Permissions, []string{"ReadAccountsDetail", "ReadBalances"}) ||
		v.CreatedAt.IsZero() || v.UpdatedAt.Before(v.CreatedAt) {
		t.Errorf("view %+v", v)
	}
	resp = f.do(t, routeGet, sub, dsp.ConsentID, "")
	_ = json.Unmarshal([]byte(resp.Body), &v)
	if v.Journey != "DSP" || v.Amount != "7.25" || v.CreditorName != "Bob" || !strings.HasSuffix(v.ExecutionDate, "T00:00:00+00:00") ||
		v.Status != consent.StatusAwaitingAuthorisation {
		t.Errorf("payment view %+v", v)
	}

	creds, _ := f.env.Deps.Credentials.Get(ctx)
	secrets := []string{creds.ClientSecret, tokens.AccessToken, tokens.RefreshToken}
	for _, u := range []string{ais.BankAuthorizationURL, dsp.BankAuthorizationURL} {
		_, p := params(t, u)
		sess, err := f.env.Deps.Store.GetAuthSession(ctx, consent.HashState(p["state"]))
		if err == nil && sess.Verifier != "" { // a done session keeps no verifier
			secrets = append(secrets, sess.Verifier)
		}
	}
	secrets = append(secrets, f.env.Bank.SeenVerifiers()...) // every verifier the bank was shown
	for _, body := range []string{f.do(t, routeList, sub, "", "").Body, resp.Body} {
		for _, s := range secrets {
			if strings.Contains(body, s) {
				t.Errorf("a secret appears in a response body")
			}
		}
		for _, key := range []string{"accessToken", "refreshToken", "verifier", "request"} {
			if strings.Contains(body, `"`+key+`"`) {
				t.Errorf("response has a %s field", key)
			}
		}
	}
	f.env.AssertNoSecrets(t, secrets...)
}

// TestHandlerRouting: route dispatch by routeKey, an unknown route, and a
// request without a caller. Nothing here needs the store or the bank.
func TestHandlerRouting(t *testing.T) {
	t.Parallel()
	h := &Handler{}
	tests := []struct {
		name, routeKey, sub string
		status              int
		typ                 string
	}{
		{"unknown route", "PATCH /consents/{id}", "app", 404, httpapi.TypeNotFound},
		{"proxy route", "GET /consents/{id}/accounts", "app", 404, httpapi.TypeNotFound},
		{"no sub", routeCreate, "", 401, httpapi.TypeUnauthorized},
		{"no sub on list", routeList, "", 401, httpapi.TypeUnauthorized},
		{"malformed id", routeGet, "app", 400, httpapi.TypeInvalidRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp, err := h.Handle(context.Background(), request(tt.routeKey, tt.sub, "nope", ""))
			if err != nil {
				t.Fatal(err)
			}
			if p := problem(t, resp); p.Status != tt.status || p.Type != tt.typ {
				t.Errorf("problem %+v, want %d %s", p, tt.status, tt.typ)
			}
		})
	}
}
