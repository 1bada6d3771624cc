package consent

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	awskms "github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/awserr"
	"github.com/coop-ob/connector/shared/seal"
)

// newKMS is the connector's KMS client on kumo.
func newKMS(t *testing.T) *awskms.Client {
	t.Helper()
	return awskms.NewFromConfig(aws.Config{Region: "eu-west-2", Credentials: credentials.NewStaticCredentialsProvider("test", "test", "")},
		func(o *awskms.Options) { o.Endpoint = kumoURL })
}

func testKey(t *testing.T) string {
	t.Helper()
	out, err := kms.New(kms.Options{
		Region: "eu-west-2", BaseEndpoint: aws.String(kumoURL),
		Credentials: credentials.NewStaticCredentialsProvider("test", "test", ""),
	}).CreateKey(context.Background(), &kms.CreateKeyInput{})
	if err != nil {
		t.Fatalf("kms create key: %v", err)
	}
	return *out.KeyMetadata.KeyId
}

// rawItem reads an item as stored, without the store.
func rawItem(t *testing.T, s *Store, pk, sk string) map[string]types.AttributeValue {
	t.Helper()
	out, err := s.api.GetItem(context.Background(), &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(pk, sk), ConsistentRead: aws.Bool(true),
	})
	if err != nil || len(out.Item) == 0 {
		t.Fatalf("raw get %s/%s: %v (%d attributes)", pk, sk, err, len(out.Item))
	}
	return out.Item
}

// assertSealed fails if any attribute of item holds one of the secrets in
// plain text, or if attrs are not sealed (binary).
func assertSealed(t *testing.T, item map[string]types.AttributeValue, attrs []string, secrets ...string) {
	t.Helper()
	for _, a := range attrs {
		if _, ok := item[a].(*types.AttributeValueMemberB); !ok {
			t.Errorf("%s stored as %T, want sealed binary", a, item[a])
		}
	}
	for name, v := range item {
		var text string
		switch v := v.(type) {
		case *types.AttributeValueMemberS:
			text = v.Value
		case *types.AttributeValueMemberB:
			text = string(v.Value)
		}
		for _, sec := range secrets {
			if strings.Contains(text, sec) {
				t.Errorf("attribute %s holds a secret in plain text", name)
			}
		}
	}
}

func TestTokensStoredSealed(t *testing.T) {
	ctx := context.Background()
	s, c, _ := newStore(t)
	tk := &Tokens{ConsentID: "c-seal", Owner: "app", AccessToken: "at-secret-1", RefreshToken: "rt-secret-1", AccessExpiresAt: c.Now().Add(time.Hour)}
	if err := s.PutTokens(ctx, tk); err != nil {
		t.Fatal(err)
	}
	assertSealed(t, rawItem(t, s, consentPK("c-seal"), skToken), []string{"accessToken", "refreshToken"}, "at-secret-1", "rt-secret-1")
	got, err := s.GetTokens(ctx, "c-seal")
	if err != nil || got.AccessToken != "at-secret-1" || got.RefreshToken != "rt-secret-1" {
		t.Fatalf("GetTokens = %+v, %v", got, err)
	}
	// Refreshed tokens (AcquireLease, SaveRefreshed) are sealed too.
	lt, err := s.AcquireLease(ctx, "c-seal", "h", c.Now().Add(time.Minute))
	if err != nil || lt.AccessToken != "at-secret-1" {
		t.Fatalf("AcquireLease = %+v, %v", lt, err)
	}
	lt.AccessToken, lt.RefreshToken = "at-secret-2", "rt-secret-2"
	if err := s.SaveRefreshed(ctx, lt, "h"); err != nil || lt.AccessToken != "at-secret-2" {
		t.Fatalf("SaveRefreshed = %+v, %v", lt, err)
	}
	assertSealed(t, rawItem(t, s, consentPK("c-seal"), skToken), []string{"accessToken", "refreshToken"}, "at-secret-2", "rt-secret-2")
}

func TestSessionSecretsStoredSealed(t *testing.T) {
	ctx := context.Background()
	s, c, _ := newStore(t)
	a := &AuthSession{StateHash: HashState("st"), ConsentID: "c1", Owner: "app", Verifier: "verifier-secret", TTL: c.Now().Add(time.Hour)}
	if err := s.CreateAuthSession(ctx, a); err != nil {
		t.Fatal(err)
	}
	assertSealed(t, rawItem(t, s, authPK(a.StateHash), skSession), []string{"verifier"}, "verifier-secret")
	got, err := s.ClaimAuthSession(ctx, a.StateHash)
	if err != nil || got.Verifier != "verifier-secret" {
		t.Fatalf("ClaimAuthSession = %+v, %v", got, err)
	}
	if err := s.MarkExchangePending(ctx, a.StateHash, "code-secret", c.Now()); err != nil {
		t.Fatal(err)
	}
	assertSealed(t, rawItem(t, s, authPK(a.StateHash), skSession), []string{"verifier", "code"}, "verifier-secret", "code-secret")
	got, err = s.ClaimExchange(ctx, a.StateHash, c.Now().Add(time.Minute))
	if err != nil || got.Code != "code-secret" || got.Verifier != "verifier-secret" {
		t.Fatalf("ClaimExchange = %+v, %v", got, err)
	}
}

// A sealed value copied into another consent's item does not open there:
// the read is an error (seal.ErrOpen), not a crash and not the other
// consent's token.
func TestSealedValueCopiedToAnotherItemFails(t *testing.T) {
	ctx := context.Background()
	s, c, _ := newStore(t)
	for _, id := range []string{"c-a", "c-b"} {
		if err := s.PutTokens(ctx, &Tokens{ConsentID: id, AccessToken: "at-" + id, RefreshToken: "rt-" + id, AccessExpiresAt: c.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	a := rawItem(t, s, consentPK("c-a"), skToken)
	b := rawItem(t, s, consentPK("c-b"), skToken)
	b["accessToken"] = a["accessToken"]
	if _, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.table), Item: b}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.GetTokens(ctx, "c-b"); !errors.Is(err, seal.ErrOpen) {
		t.Fatalf("GetTokens of the copied value = %+v, %v; want seal.ErrOpen", got, err)
	}
	// Copied to another attribute of the same item: no better.
	a["refreshToken"] = a["accessToken"]
	if _, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.table), Item: a}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetTokens(ctx, "c-a"); !errors.Is(err, seal.ErrOpen) {
		t.Fatalf("GetTokens with the access token copied to refreshToken: %v; want seal.ErrOpen", err)
	}
}

// Items written before sealing (plain strings) are read as they are and
// sealed on their next write.
func TestPlainItemsReadAndSealedOnNextWrite(t *testing.T) {
	ctx := context.Background()
	s, c, _ := newStore(t)
	plain := *s
	plain.Sealer = nil // the previous release
	tk := &Tokens{ConsentID: "c-old", AccessToken: "at-old", RefreshToken: "rt-old", AccessExpiresAt: c.Now().Add(time.Hour)}
	if err := plain.PutTokens(ctx, tk); err != nil {
		t.Fatal(err)
	}
	if _, ok := rawItem(t, s, consentPK("c-old"), skToken)["accessToken"].(*types.AttributeValueMemberS); !ok {
		t.Fatal("the unsealed store did not write plain text")
	}
	got, err := s.GetTokens(ctx, "c-old")
	if err != nil || got.AccessToken != "at-old" || got.RefreshToken != "rt-old" {
		t.Fatalf("GetTokens of a plain item = %+v, %v", got, err)
	}
	got.AccessExpiresAt = got.AccessExpiresAt.Add(time.Minute)
	if err := s.PutTokens(ctx, got); err != nil {
		t.Fatal(err)
	}
	assertSealed(t, rawItem(t, s, consentPK("c-old"), skToken), []string{"accessToken", "refreshToken"}, "at-old", "rt-old")
	// A store without a sealer does not mistake sealed bytes for a token.
	if _, err := plain.GetTokens(ctx, "c-old"); !errors.Is(err, ErrNoSealer) {
		t.Fatalf("unsealed store reading a sealed item: %v; want ErrNoSealer", err)
	}
}

// throttledKMS answers every call as KMS does when it throttles.
type throttledKMS struct{}

var errThrottled = &smithy.GenericAPIError{Code: "ThrottlingException", Message: "Rate exceeded"}

func (throttledKMS) GenerateDataKey(context.Context, *awskms.GenerateDataKeyInput, ...func(*awskms.Options)) (*awskms.GenerateDataKeyOutput, error) {
	return nil, errThrottled
}

func (throttledKMS) Decrypt(context.Context, *awskms.DecryptInput, ...func(*awskms.Options)) (*awskms.DecryptOutput, error) {
	return nil, errThrottled
}

// A KMS failure writes nothing (never plain text) and is transient: the
// edge answers retry-later.
func TestKMSFailureWritesNothing(t *testing.T) {
	ctx := context.Background()
	s, c, _ := newStore(t)
	s.Sealer = seal.New(throttledKMS{}, "k", seal.Context(s.table, "tokens"), seal.Settings{})
	err := s.PutTokens(ctx, &Tokens{ConsentID: "c-t", AccessToken: "at-t", AccessExpiresAt: c.Now().Add(time.Hour)})
	if !errors.Is(err, seal.ErrUnavailable) || !awserr.Transient(err) {
		t.Fatalf("PutTokens with KMS throttled: %v; want seal.ErrUnavailable, transient", err)
	}
	if _, err := s.GetTokens(ctx, "c-t"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("tokens written despite the KMS failure: %v", err)
	}
	a := &AuthSession{StateHash: HashState("st-t"), ConsentID: "c-t", Verifier: "v-t", TTL: c.Now().Add(time.Hour)}
	if err := s.CreateAuthSession(ctx, a); !awserr.Transient(err) {
		t.Fatalf("CreateAuthSession with KMS throttled: %v; want transient", err)
	}
	if _, err := s.GetAuthSession(ctx, a.StateHash); !errors.Is(err, ErrNotFound) {
		t.Fatalf("session written despite the KMS failure: %v", err)
	}
}
