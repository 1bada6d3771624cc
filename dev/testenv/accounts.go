package testenv

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/consent"
)

// PutAccounts stores a shared-accounts item (no expiry) for consentID, as a
// read of the bank's accounts would.
func (e *Env) PutAccounts(t testing.TB, consentID string) {
	t.Helper()
	a := &consent.SharedAccounts{ConsentID: consentID, Accounts: []consent.SharedAccount{{ID: "1001"}}, ReadAt: e.Deps.Now()}
	if err := e.Deps.Store.PutAccounts(context.Background(), a, e.Deps.Now().AddDate(1, 0, 0)); err != nil {
		t.Fatal(err)
	}
}

// AccountsStored reports whether the table holds the consent's
// shared-accounts item (read directly, whatever its TTL says).
func (e *Env) AccountsStored(t testing.TB, consentID string) bool {
	t.Helper()
	out, err := e.DDB.GetItem(context.Background(), &dynamodb.GetItemInput{
		TableName: aws.String(e.Table), ConsistentRead: aws.Bool(true),
		Key: map[string]types.AttributeValue{
			"pk": &types.AttributeValueMemberS{Value: "CONSENT#" + consentID},
			"sk": &types.AttributeValueMemberS{Value: "ACCOUNTS"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return len(out.Item) > 0
}
