package main

import (
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/httpapi"
)

// TestSealedTokenCopiedToAnotherConsent: a sealed access token copied, as stored, into another
// consent's token item (a support role's mistake, a crafted write) does not open there: the call
// on that consent answers a 500 problem, makes no bank call (no token, right or wrong, is sent),
// and the consent it came from still works.
func TestSealedTokenCopiedToAnotherConsent(t *testing.T) {
	f := newFixture(t)
	from, to := f.aisConsent(owner, false), f.aisConsent(owner, false)
	ctx := t.Context()
	get := func(id string) map[string]types.AttributeValue {
		out, err := f.env.DDB.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(f.env.Table),
			Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "CONSENT#" + id},
				"sk": &types.AttributeValueMemberS{Value: "TOKEN"}}, ConsistentRead: aws.Bool(true)})
		if err != nil || len(out.Item) == 0 {
			t.Fatalf("get tokens of %s: %v", id, err)
		}
		return out.Item
	}
	src, dst := get(from.ID), get(to.ID)
	if _, ok := src["accessToken"].(*types.AttributeValueMemberB); !ok {
		t.Fatalf("accessToken stored as %T, want sealed", src["accessToken"])
	}
	dst["accessToken"] = src["accessToken"]
	if _, err := f.env.DDB.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(f.env.Table), Item: dst}); err != nil {
		t.Fatal(err)
	}
	f.env.Bank.ResetRequests()
	wantProblem(t, f.call(aisGet(to, "/balances", "1001", "")), http.StatusInternalServerError, httpapi.TypeInternal, "")
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests with a token that does not open", n)
	}
	wantOK(t, f.call(aisGet(from, "/balances", "1001", "")), http.StatusOK)
}
