package sandbox

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/oauth2"
)

// TestIssuedSecrets follows one consent through client credentials, a code exchange
// (after a wrong verifier), a rotating refresh, a non-rotating refresh and a
// re-authentication, and checks that every value the bank handed out is listed once,
// in order, with its kind, including the ones rotated away or revoked since.
func TestIssuedSecrets(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.RefreshMode = RefreshRotate })
	if got := f.b.IssuedSecrets(); len(got) != 0 {
		t.Fatalf("a new bank lists %d secrets", len(got))
	}
	ccPayments := f.ccToken("payments")
	id := f.createAIS() // one client-credentials token for "accounts"
	cfg := f.oauthConfig()
	exchange := func(verifier string) (code string, tok *oauth2.Token) {
		t.Helper()
		code = f.journey(f.params(id, "accounts+offline"), alice).Get("code")
		tok, err := cfg.Exchange(f.ctx, code, oauth2.VerifierOption(verifier))
		if err != nil {
			t.Fatalf("exchange: %v", err)
		}
		return code, tok
	}
	const wrong = "wrong-verifier-wrong-verifier-wrong-verifier-00"
	if _, err := cfg.Exchange(f.ctx, "unknown-code", oauth2.VerifierOption(wrong)); !isGrantErr(err) {
		t.Fatalf("unknown code: %v", err)
	}
	code1, tok1 := exchange(testVerifier)
	rotated, err := refresh(f, tok1.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	f.b.SetTokenSettings(0, 0, RefreshKeep)
	kept, err := refresh(f, rotated.RefreshToken)
	if err != nil || kept.RefreshToken != rotated.RefreshToken {
		t.Fatalf("keep: %v", err)
	}
	if _, err := refresh(f, "not-a-refresh-token"); !isGrantErr(err) {
		t.Fatalf("unknown refresh token: %v", err)
	}
	code2, tok2 := exchange(testVerifier) // re-authentication: tok1, rotated, kept are revoked

	got := f.b.IssuedSecrets()
	var ccAccounts string
	if len(got) > 1 {
		ccAccounts = got[1].Value
	}
	want := []Secret{
		{SecretClientCredentials, ccPayments},
		{SecretClientCredentials, ccAccounts},
		{SecretAuthorizationCode, code1},
		{SecretRefreshToken, tok1.RefreshToken},
		{SecretAccessToken, tok1.AccessToken},
		{SecretRefreshToken, rotated.RefreshToken},
		{SecretAccessToken, rotated.AccessToken},
		{SecretAccessToken, kept.AccessToken}, // the kept refresh token is not issued again
		{SecretAuthorizationCode, code2},
		{SecretRefreshToken, tok2.RefreshToken},
		{SecretAccessToken, tok2.AccessToken},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IssuedSecrets (-want +got):\n%s", diff)
	}
	// The accounts client-credentials token is a real token the bank accepted.
	if ccAccounts == "" || ccAccounts == ccPayments {
		t.Errorf("second issued secret %q is not a distinct client-credentials token", ccAccounts)
	}
	if diff := cmp.Diff([]string{wrong, testVerifier}, f.b.SeenVerifiers()); diff != "" {
		t.Errorf("SeenVerifiers (-want +got):\n%s", diff)
	}
	// The lists are copies.
	got[0].Value = "changed"
	if f.b.IssuedSecrets()[0].Value != ccPayments {
		t.Errorf("IssuedSecrets shares its backing array with the bank")
	}
}
