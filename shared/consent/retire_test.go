package consent

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// TestSealPassRetiresConsentsClosedBefore: a consent the previous release closed kept its
// tokens and accounts and has no TTL. The upgrade's pass, which reads every item once, gives
// it what a close does now: tokens and accounts deleted, TTL set; an open consent, and one
// this release closed (TTL already set), are left as they are.
func TestSealPassRetiresConsentsClosedBefore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, c, api := newStore(t)
	s.EndedRetention = 48 * time.Hour
	put := func(pk, sk string, attrs map[string]types.AttributeValue) {
		t.Helper()
		item := map[string]types.AttributeValue{"pk": str(pk), "sk": str(sk)}
		for k, v := range attrs {
			item[k] = v
		}
		if _, err := api.DynamoDBAPI.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.table), Item: item}); err != nil {
			t.Fatal(err)
		}
	}
	kept := num(c.Now().Add(time.Hour).Unix())
	for id, attrs := range map[string]map[string]types.AttributeValue{
		"old-rejected": {"status": str(StatusRejected)},
		"old-expired":  {"status": str(StatusExpired)},
		"open":         {"status": str(StatusAuthorised)},
		"new-rejected": {"status": str(StatusRejected), "ttl": kept},
	} {
		put(consentPK(id), skMeta, attrs)
		put(consentPK(id), skToken, map[string]types.AttributeValue{"accessToken": str("at-" + id)})
		put(consentPK(id), skAccounts, map[string]types.AttributeValue{"accounts": str("[]")})
	}
	exists := func(pk, sk string) bool {
		t.Helper()
		out, err := api.DynamoDBAPI.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(s.table), Key: key(pk, sk), ConsistentRead: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		return len(out.Item) != 0
	}
	scan := api.DynamoDBAPI.(*dynamodb.Client)
	retired := 0
	for start := map[string]types.AttributeValue(nil); ; {
		p, err := s.SealPlain(ctx, scan, start, 5)
		if err != nil {
			t.Fatal(err)
		}
		retired += p.Retired
		if start = p.Next; start == nil {
			break
		}
	}
	if retired != 2 {
		t.Errorf("%d consents retired, want the 2 the previous release closed", retired)
	}
	want := c.Now().Add(48*time.Hour).Unix() + 1
	for _, id := range []string{"old-rejected", "old-expired"} {
		if exists(consentPK(id), skToken) || exists(consentPK(id), skAccounts) {
			t.Errorf("%s: tokens or accounts kept", id)
		}
		if got := itemTTL(t, s, consentPK(id), skMeta); got != want {
			t.Errorf("%s: ttl %d, want %d", id, got, want)
		}
	}
	for _, id := range []string{"open", "new-rejected"} {
		if !exists(consentPK(id), skToken) || !exists(consentPK(id), skAccounts) {
			t.Errorf("%s: tokens or accounts deleted", id)
		}
	}
	if got := itemTTL(t, s, consentPK("open"), skMeta); got != 0 {
		t.Errorf("open consent: ttl %d, want none", got)
	}
}
