// Package refreshtest sets up authorised consents for the tests of the
// refresher and the tokens function: the consent is created at the sandbox
// bank, authorised through the bank's real consent pages and its code
// exchanged at the real token endpoint, and the result stored as the callback
// stores it.
package refreshtest

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
)

// Owner is the JWT sub the consents belong to.
const Owner = "refresh-test-owner"

// Journey is a consent whose PSU journey finished: the session is claimed
// (status used, as the callback leaves it) and Code is the bank's code.
type Journey struct {
	Consent   *consent.Consent
	Session   *consent.AuthSession
	Code      string
	StateHash string
}

// StartJourney creates an AIS consent at the bank and in the store, and
// drives the bank's consent pages as alice; the code is not exchanged.
func StartJourney(t testing.TB, env *testenv.Env) *Journey {
	t.Helper()
	ctx := context.Background()
	d := env.Deps
	cc, err := d.OAuth.ClientCredentials(ctx, "accounts")
	if err != nil {
		t.Fatalf("client credentials: %v", err)
	}
	body, _ := json.Marshal(bankapi.OBReadConsent1{Data: bankapi.OBReadConsent1Data{
		Permissions: []string{"ReadAccountsDetail", "ReadBalances"}}})
	resp, err := d.Bank.Do(ctx, bankapi.Request{Method: http.MethodPost, Path: bankapi.AISPPath + "/account-access-consents",
		Body: body, AccessToken: cc.AccessToken})
	if err != nil {
		t.Fatalf("create consent at the bank: %v", err)
	}
	var created bankapi.OBReadConsentResponse1
	if err := json.Unmarshal(resp.Body, &created); err != nil {
		t.Fatal(err)
	}
	c := &consent.Consent{ID: created.Data.ConsentID, Owner: Owner, Brand: authurl.BrandCoop, Type: "accounts",
		Permissions: created.Data.Permissions, Request: body}
	if _, err := consent.Apply(c, consent.Created, d.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := d.Store.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	state, err := authurl.NewState()
	if err != nil {
		t.Fatal(err)
	}
	verifier, challenge := authurl.NewPKCE()
	hash := consent.HashState(state)
	now := d.Now()
	if err := d.Store.CreateAuthSession(ctx, &consent.AuthSession{StateHash: hash, ConsentID: c.ID, Owner: Owner,
		Brand: c.Brand, Verifier: verifier, RedirectURI: d.Config.RedirectURI, CreatedAt: now,
		TTL: now.Add(d.Config.AuthSessionTTL)}); err != nil {
		t.Fatal(err)
	}
	creds, err := d.Credentials.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	u, err := authurl.Build(d.Config.AuthURL(c.Brand), authurl.Params{ClientID: creds.ClientID,
		RedirectURI: d.Config.RedirectURI, Scope: authurl.ScopeAccounts, State: state, CodeChallenge: challenge,
		LoginHint: c.Brand, ConsentID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	back, err := env.Bank.Journey(ctx, u, sandbox.JourneyOptions{User: "alice", Password: "password"})
	if err != nil {
		t.Fatalf("journey: %v", err)
	}
	code := back.Query().Get("code")
	if code == "" || back.Query().Get("state") != state {
		t.Fatalf("journey ended without a code for our state: %s", back.Query().Encode())
	}
	s, err := d.Store.ClaimAuthSession(ctx, hash)
	if err != nil {
		t.Fatal(err)
	}
	return &Journey{Consent: c, Session: s, Code: code, StateHash: hash}
}

// Authorise runs StartJourney, exchanges the code and stores the consent as
// Authorised with its tokens, due for refresh at AccessExpiresAt - lookahead.
// It returns the consent id.
func Authorise(t testing.TB, env *testenv.Env) string {
	t.Helper()
	j := StartJourney(t, env)
	Exchange(t, env, j)
	return j.Consent.ID
}

// Exchange exchanges j's code and stores the tokens as the callback does
// (shared/exchange), due for refresh at AccessExpiresAt - REFRESH_LOOKAHEAD.
func Exchange(t testing.TB, env *testenv.Env, j *Journey) {
	t.Helper()
	d := env.Deps
	e := &exchange.Exchanger{Store: d.Store, OAuth: d.OAuth, Now: d.Now, Logger: d.Logger, Lookahead: d.Config.RefreshLookahead}
	if err := e.Complete(context.Background(), j.Session, j.Code); err != nil {
		t.Fatalf("exchange: %v", err)
	}
	c, err := d.Store.GetConsent(context.Background(), j.Consent.ID)
	if err != nil {
		t.Fatal(err)
	}
	*j.Consent = *c
}

// RefreshGrants counts the refresh_token grants the bank answered, per status.
func RefreshGrants(b *sandbox.Bank) (total int, byStatus map[int]int) {
	byStatus = map[int]int{}
	for _, r := range b.Requests() {
		if r.GrantType == "refresh_token" {
			total++
			byStatus[r.Status]++
		}
	}
	return total, byStatus
}
