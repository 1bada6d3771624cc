package exchange_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/consent"
)

// tokenRedirects returns the redirect_uri of every authorization_code request the bank got.
func tokenRedirects(env *testenv.Env) []string {
	var out []string
	for _, r := range env.Bank.Requests() {
		if r.Path == tokenPath && r.GrantType == "authorization_code" {
			out = append(out, r.RedirectURI)
		}
	}
	return out
}

// TestCompleteSendsTheSessionsRedirectURI: with no REDIRECT_URI configured (the journey derived
// its redirect URI from the API's domain), the code exchange sends the session's redirect URI,
// the one the authorization URL carried, and the bank accepts it.
func TestCompleteSendsTheSessionsRedirectURI(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{Env: map[string]string{"REDIRECT_URI": ""}})
	var c consent.Consent
	s, code := journeyTo(t, env, &c, false, alice, testenv.RedirectURI)
	if err := newExchanger(env).Complete(t.Context(), s, code); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if got := tokenRedirects(env); len(got) != 1 || got[0] != testenv.RedirectURI {
		t.Errorf("token request redirect_uri %q, want [%s]", got, testenv.RedirectURI)
	}
	if stored, err := env.Deps.Store.GetConsent(t.Context(), c.ID); err != nil || stored.Status != consent.StatusAuthorised {
		t.Errorf("consent %+v %v, want Authorised", stored, err)
	}
}

// TestCompletePreviousReleaseSession: a session item stored without a redirect URI (by an older
// release) still completes, with the configured REDIRECT_URI.
func TestCompletePreviousReleaseSession(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	var c consent.Consent
	claimed, code := journey(t, env, &c, false, alice)
	ctx := t.Context()
	if _, err := env.DDB.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(env.Table),
		Key: map[string]types.AttributeValue{
			"pk": &types.AttributeValueMemberS{Value: "AUTH#" + claimed.StateHash},
			"sk": &types.AttributeValueMemberS{Value: "SESSION"},
		},
		UpdateExpression: aws.String("REMOVE redirectUri"), ConditionExpression: aws.String("attribute_exists(redirectUri)"),
	}); err != nil {
		t.Fatalf("remove redirectUri: %v", err)
	}
	old, err := env.Deps.Store.GetAuthSession(ctx, claimed.StateHash)
	if err != nil || old.RedirectURI != "" || old.Status != consent.SessionUsed {
		t.Fatalf("session %+v %v; want one without a redirect URI, claimed", old, err)
	}
	if err := newExchanger(env).Complete(ctx, old, code); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if got := tokenRedirects(env); len(got) != 1 || got[0] != env.Deps.Config.RedirectURI {
		t.Errorf("token request redirect_uri %q, want [%s]", got, env.Deps.Config.RedirectURI)
	}
}
