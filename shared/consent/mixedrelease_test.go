package consent

import (
	"context"
	"errors"
	"testing"
	"time"

	sdkattributevalue "github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"

	"github.com/coop-ob/connector/dev/sdkconv"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/attributevalue"
)

// prevTokens and prevSession are the secret-holding fields of the previous release's
// Tokens and AuthSession (before sealing), with their tags: plain strings, decoded by
// attributevalue's default decoder.
type prevTokens struct {
	ConsentID    string `dynamodbav:"consentId"`
	AccessToken  string `dynamodbav:"accessToken"`
	RefreshToken string `dynamodbav:"refreshToken,omitempty"`
	Version      int64  `dynamodbav:"version"`
}

type prevSession struct {
	ConsentID string `dynamodbav:"consentId"`
	Verifier  string `dynamodbav:"verifier"`
	Code      string `dynamodbav:"code,omitempty"`
	Status    string `dynamodbav:"status"`
}

// TestPreviousReleaseCannotReadSealed: during one `sam deploy` a function of the previous
// release may read an item a function of this one sealed. Its decoding of the item (the
// previous release's GetTokens, AcquireLease, ClaimAuthSession and ClaimExchange all decode
// what they read into string fields with attributevalue) fails with an UnmarshalTypeError
// and leaves every secret field empty: it never holds a sealed value as a token, code or
// verifier, so it can never send one to the bank. (docs/architecture.md §Sealing says what
// each old function does with that error.)
func TestPreviousReleaseCannotReadSealed(t *testing.T) {
	ctx := context.Background()
	s, c, _ := newStore(t)
	if err := s.PutTokens(ctx, &Tokens{ConsentID: "c-mixed", AccessToken: "at-mixed", RefreshToken: "rt-mixed", AccessExpiresAt: c.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	a := &AuthSession{StateHash: HashState("st-mixed"), ConsentID: "c-mixed", Verifier: "verifier-mixed", TTL: c.Now().Add(time.Hour)}
	if err := s.CreateAuthSession(ctx, a); err != nil {
		t.Fatal(err)
	}
	pending := &AuthSession{StateHash: HashState("st-pending"), ConsentID: "c-mixed", Verifier: "verifier-pending", TTL: c.Now().Add(time.Hour)}
	if err := s.CreateAuthSession(ctx, pending); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClaimAuthSession(ctx, pending.StateHash); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkExchangePending(ctx, pending.StateHash, "code-mixed", c.Now()); err != nil {
		t.Fatal(err)
	}

	// The previous release decoded with the SDK's attributevalue, from the SDK's client.
	var typeErr *sdkattributevalue.UnmarshalTypeError
	var tk prevTokens
	err := sdkattributevalue.UnmarshalMap(sdkconv.ItemToSDK(rawItem(t, s, consentPK("c-mixed"), skToken)), &tk)
	if !errors.As(err, &typeErr) {
		t.Fatalf("previous release decoding sealed tokens: %v, want an UnmarshalTypeError", err)
	}
	if tk.AccessToken != "" || tk.RefreshToken != "" {
		t.Errorf("previous release decoded sealed tokens into strings: %q, %q", tk.AccessToken, tk.RefreshToken)
	}
	for _, hash := range []string{a.StateHash, pending.StateHash} {
		var ps prevSession
		err := sdkattributevalue.UnmarshalMap(sdkconv.ItemToSDK(rawItem(t, s, authPK(hash), skSession)), &ps)
		if !errors.As(err, &typeErr) {
			t.Fatalf("previous release decoding a sealed session: %v, want an UnmarshalTypeError", err)
		}
		if ps.Verifier != "" || ps.Code != "" {
			t.Errorf("previous release decoded a sealed session's secrets into strings: %q, %q", ps.Verifier, ps.Code)
		}
	}
	// The store's own types, decoded without opening (as the previous release's store did),
	// fail the same way.
	var cur Tokens
	var ourTypeErr *attributevalue.UnmarshalTypeError
	if err := unmarshal(rawItem(t, s, consentPK("c-mixed"), skToken), &cur); !errors.As(err, &ourTypeErr) || cur.AccessToken != "" {
		t.Errorf("decoding sealed tokens without opening: %v, access token %q", err, cur.AccessToken)
	}
}
