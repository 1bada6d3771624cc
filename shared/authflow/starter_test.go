package authflow_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"golang.org/x/oauth2"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
)

// bankConsent creates an AIS consent at the sandbox bank and stores it.
func bankConsent(t *testing.T, env *testenv.Env, owner string) *consent.Consent {
	t.Helper()
	ctx := context.Background()
	tok, err := env.Deps.OAuth.ClientCredentials(ctx, "accounts")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := env.Deps.Bank.Do(ctx, bankapi.Request{Method: http.MethodPost, Path: bankapi.AISPPath + "/account-access-consents",
		Body: []byte(`{"Data":{"Permissions":["ReadAccountsBasic"]},"Risk":{}}`), AccessToken: tok.AccessToken})
	if err != nil {
		t.Fatal(err)
	}
	var out bankapi.OBReadConsentResponse1
	if err := json.Unmarshal(resp.Body, &out); err != nil {
		t.Fatal(err)
	}
	c := &consent.Consent{ID: out.Data.ConsentID, Owner: owner, Brand: "coop", Type: authflow.TypeAccounts,
		BankStatus: out.Data.Status, Status: consent.StatusAwaitingAuthorisation}
	if err := env.Deps.Store.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c
}

func countItems(t *testing.T, env *testenv.Env) int {
	t.Helper()
	out, err := env.DDB.Scan(context.Background(), &dynamodb.ScanInput{TableName: aws.String(env.Table)})
	if err != nil {
		t.Fatal(err)
	}
	return len(out.Items)
}

func TestStart(t *testing.T) {
	env := testenv.Start(t, testenv.Options{Env: map[string]string{"AUTH_SESSION_TTL": "3m"}})
	ctx := context.Background()
	s := &authflow.Starter{Store: env.Deps.Store, Credentials: env.Deps.Credentials, Config: env.Deps.Config, Now: env.Bank.Now}
	c := bankConsent(t, env, "owner-1")

	u, exp, err := s.Start(ctx, c, false)
	if err != nil {
		t.Fatal(err)
	}
	parsed, _ := url.Parse(u)
	pairs, err := authurl.Decode(parsed.Query().Get("data"))
	if err != nil {
		t.Fatal(err)
	}
	p := map[string]string{}
	for _, kv := range pairs {
		p[kv[0]] = kv[1]
	}
	sess, err := env.Deps.Store.GetAuthSession(ctx, consent.HashState(p["state"]))
	if err != nil {
		t.Fatalf("session: %v", err)
	}
	if sess.ConsentID != c.ID || sess.Owner != "owner-1" || sess.Brand != "coop" || sess.StepUp || sess.Reauth ||
		sess.RedirectURI != testenv.RedirectURI || !sess.TTL.Equal(exp) || exp.Sub(env.Bank.Now()) > 3*time.Minute || exp.Sub(env.Bank.Now()) < 2*time.Minute {
		t.Errorf("session %+v, expiresAt %v", sess, exp)
	}
	if oauth2.S256ChallengeFromVerifier(sess.Verifier) != p["code_challenge"] || p["display"] != c.ID || p["scope"] != "accounts+offline" {
		t.Errorf("params %v", p)
	}
	loc, err := env.Bank.Journey(ctx, u, sandbox.JourneyOptions{User: "alice", Password: "password"})
	if err != nil || loc.Query().Get("code") == "" || loc.Query().Get("state") != p["state"] {
		t.Fatalf("bank journey: %v %v", loc, err)
	}

	// Authorised: a re-authentication session; step-up allowed and sent.
	c.Status = consent.StatusAuthorised
	u, _, err = s.Start(ctx, c, true)
	if err != nil {
		t.Fatal(err)
	}
	parsed, _ = url.Parse(u)
	pairs, _ = authurl.Decode(parsed.Query().Get("data"))
	for _, kv := range pairs {
		p[kv[0]] = kv[1]
	}
	sess, err = env.Deps.Store.GetAuthSession(ctx, consent.HashState(p["state"]))
	if err != nil || !sess.StepUp || !sess.Reauth || p["stepUp"] != "require" {
		t.Errorf("step-up session %+v %v, stepUp=%q", sess, err, p["stepUp"])
	}

	// Refusals store nothing.
	before := countItems(t, env)
	for _, tc := range []struct {
		c      consent.Consent
		stepUp bool
		want   error
	}{
		{consent.Consent{ID: c.ID, Type: authflow.TypeAccounts, Brand: "coop", Status: consent.StatusRevoked}, false, authflow.ErrNotAuthorisable},
		{consent.Consent{ID: c.ID, Type: authflow.TypePayments, Brand: "coop", Journey: "DP", Status: consent.StatusAwaitingAuthorisation}, true, authflow.ErrStepUpNotAllowed},
		{consent.Consent{ID: "short", Type: authflow.TypeAccounts, Brand: "coop", Status: consent.StatusAwaitingAuthorisation}, false, authurl.ErrRule},
		{consent.Consent{ID: c.ID, Type: authflow.TypeAccounts, Brand: "natwest", Status: consent.StatusAwaitingAuthorisation}, false, authurl.ErrRule},
		{consent.Consent{ID: c.ID, Type: authflow.TypePayments, Brand: "coop", Journey: "DP", Status: consent.StatusAwaitingAuthorisation}, false, authurl.ErrRule}, // no ben_name/amount
	} {
		if _, _, err := s.Start(ctx, &tc.c, tc.stepUp); !errors.Is(err, tc.want) {
			t.Errorf("Start(%+v, %v) = %v, want %v", tc.c, tc.stepUp, err, tc.want)
		}
	}
	if n := countItems(t, env); n != before {
		t.Errorf("refused starts stored %d items", n-before)
	}
}
