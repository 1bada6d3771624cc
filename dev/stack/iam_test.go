package stack

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
)

// frontFixture is kumo with the real template's table and a secret, and an IAM front before it
// enforcing the real template's policies.
type frontFixture struct {
	s             *Stack // only the front and the logs: what AWSCalls, AccessDenied and Logs read
	kumoURL       string
	table, secret string
}

// startTestFront starts the fixture; extra functions (synthetic policies) join the template's.
func startTestFront(t *testing.T, extra ...*Function) frontFixture {
	t.Helper()
	tmpl, err := LoadTemplate("../../template.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	k := newKumo()
	t.Cleanup(k.Close)
	fx := frontFixture{kumoURL: k.URL, table: "iam-" + randomSuffix(), secret: "iam-secret-" + randomSuffix()}
	_, props, err := tmpl.connectorTable()
	if err != nil {
		t.Fatal(err)
	}
	in, ttl, err := TableInputs(fx.table, props)
	if err != nil {
		t.Fatal(err)
	}
	if err := createTable(t.Context(), dynamoAs("local", k.URL), in, ttl); err != nil {
		t.Fatal(err)
	}
	if _, err := secretsAs("local", k.URL).CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{
		Name: aws.String(fx.secret), SecretString: aws.String(`{"clientId":"c"}`)}); err != nil {
		t.Fatal(err)
	}
	logs := newLogCollector(nil)
	front, err := startIAMFront(k.URL, append(tmpl.sortedFunctions(), extra...), logs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = front.close() })
	fx.s = &Stack{iam: front, logs: logs}
	return fx
}

// dynamoAs is a DynamoDB client signing with access key id key, as a function's SDK does.
func dynamoAs(key, endpoint string) *dynamodb.Client {
	return dynamodb.New(dynamodb.Options{Region: localRegion, BaseEndpoint: aws.String(endpoint),
		Credentials: credentials.NewStaticCredentialsProvider(key, "local", "local"), DisableValidateResponseChecksum: true})
}

func secretsAs(key, endpoint string) *secretsmanager.Client {
	return secretsmanager.New(secretsmanager.Options{Region: localRegion, BaseEndpoint: aws.String(endpoint),
		Credentials: credentials.NewStaticCredentialsProvider(key, "local", "local")})
}

// wantAccessDenied checks that err is the AccessDeniedException AWS answers, naming the
// function's role and the action.
func wantAccessDenied(t *testing.T, err error, function, action string) {
	t.Helper()
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "AccessDeniedException" {
		t.Fatalf("err = %v, want an AccessDeniedException", err)
	}
	if _, ok := errors.AsType[*smithy.GenericAPIError](err); !ok {
		t.Errorf("err is %T, want a *smithy.GenericAPIError as the SDK gives for AWS's answer", apiErr)
	}
	msg := apiErr.ErrorMessage()
	if !strings.HasPrefix(msg, "User: arn:aws:sts::000000000000:assumed-role/"+function+"Role/"+function+" ") ||
		!strings.Contains(msg, "is not authorized to perform: "+action+" on resource: arn:aws:") {
		t.Errorf("message %q, want IAM's naming %s and %s", msg, function, action)
	}
}

func TestIAMFront(t *testing.T) {
	fx := startTestFront(t)
	ctx := t.Context()
	front := fx.s.IAMEndpoint()
	callback, consents := dynamoAs("local-callback", front), dynamoAs("local-consents", front)
	admin := dynamoAs("local", fx.kumoURL)
	key := func(pk string) map[string]types.AttributeValue {
		return map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: pk},
			"sk": &types.AttributeValueMemberS{Value: "s"}}
	}
	exists := func(pk string) bool {
		out, err := admin.GetItem(ctx, &dynamodb.GetItemInput{TableName: &fx.table, Key: key(pk)})
		if err != nil {
			t.Fatal(err)
		}
		return out.Item != nil
	}

	if _, err := callback.PutItem(ctx, &dynamodb.PutItemInput{TableName: &fx.table, Item: key("a")}); err != nil {
		t.Fatalf("granted PutItem: %v", err)
	}
	if !exists("a") {
		t.Fatal("a granted PutItem did not reach kumo")
	}
	_, err := callback.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
		fx.table: {{DeleteRequest: &types.DeleteRequest{Key: key("a")}}}}})
	wantAccessDenied(t, err, "CallbackFunction", "dynamodb:BatchWriteItem")
	if !exists("a") {
		t.Error("a denied BatchWriteItem reached kumo")
	}
	_, err = callback.Query(ctx, &dynamodb.QueryInput{TableName: &fx.table, KeyConditionExpression: aws.String("pk = :p"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": &types.AttributeValueMemberS{Value: "a"}}})
	wantAccessDenied(t, err, "CallbackFunction", "dynamodb:Query")

	// A transaction is authorised item by item: Put and Update are granted, ConditionCheck is not.
	_, err = callback.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: &fx.table, Item: key("b")}},
		{ConditionCheck: &types.ConditionCheck{TableName: &fx.table, Key: key("a"),
			ConditionExpression: aws.String("attribute_exists(pk)")}},
	}})
	wantAccessDenied(t, err, "CallbackFunction", "dynamodb:ConditionCheckItem")
	if exists("b") {
		t.Error("a denied transaction's Put reached kumo")
	}
	if _, err := callback.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: &fx.table, Item: key("b")}},
		{Update: &types.Update{TableName: &fx.table, Key: key("a"), UpdateExpression: aws.String("SET v = :v"),
			ExpressionAttributeValues: map[string]types.AttributeValue{":v": &types.AttributeValueMemberN{Value: "1"}}}},
	}}); err != nil || !exists("b") {
		t.Errorf("granted TransactWriteItems: %v (b written %v)", err, exists("b"))
	}

	ownerQuery := &dynamodb.QueryInput{TableName: &fx.table, IndexName: aws.String("owner"),
		KeyConditionExpression:    aws.String("#o = :o"),
		ExpressionAttributeNames:  map[string]string{"#o": "owner"},
		ExpressionAttributeValues: map[string]types.AttributeValue{":o": &types.AttributeValueMemberS{Value: "u"}}}
	if _, err := consents.Query(ctx, ownerQuery); err != nil {
		t.Errorf("consents' Query on the owner index: %v", err)
	}
	_, err = dynamoAs("local-proxy", front).Query(ctx, ownerQuery)
	wantAccessDenied(t, err, "ProxyFunction", "dynamodb:Query")

	if _, err := secretsAs("local-callback", front).GetSecretValue(ctx,
		&secretsmanager.GetSecretValueInput{SecretId: &fx.secret}); err != nil {
		t.Errorf("granted GetSecretValue: %v", err)
	}
	_, err = secretsAs("local-consents", front).PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{
		SecretId: &fx.secret, SecretString: aws.String("{}")})
	wantAccessDenied(t, err, "ConsentsFunction", "secretsmanager:PutSecretValue")

	// Anyone else (the stack itself, tests) passes unchecked and is not recorded.
	if _, err := dynamoAs("local", front).DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: &fx.table, Key: key("a")}); err != nil || exists("a") {
		t.Errorf("DeleteItem by a non-function caller: %v (a still there: %v)", err, exists("a"))
	}

	wantCalls := map[string][]string{
		"callback": {"dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:PutItem", "dynamodb:Query",
			"dynamodb:UpdateItem", "secretsmanager:GetSecretValue"},
		"consents": {"dynamodb:Query", "secretsmanager:PutSecretValue"},
		"proxy":    {"dynamodb:Query"},
	}
	if diff := cmp.Diff(wantCalls, fx.s.AWSCalls()); diff != "" {
		t.Errorf("AWSCalls (-want +got):\n%s", diff)
	}
	wantDenied := []string{"callback dynamodb:BatchWriteItem", "callback dynamodb:Query", "callback dynamodb:ConditionCheckItem",
		"proxy dynamodb:Query", "consents secretsmanager:PutSecretValue"}
	if diff := cmp.Diff(wantDenied, fx.s.AccessDenied()); diff != "" {
		t.Errorf("AccessDenied (-want +got):\n%s", diff)
	}
	var logged []string
	for _, l := range fx.s.Logs() {
		if strings.HasPrefix(l, "iam| DENIED ") {
			logged = append(logged, l)
		}
	}
	if len(logged) != len(wantDenied) || !strings.HasPrefix(logged[1], "iam| DENIED callback dynamodb:Query on arn:aws:dynamodb:") {
		t.Errorf("denial log lines = %q, want one per denial", logged)
	}
}

// TestIAMFrontIndexGate: a policy granting dynamodb:Query on the table alone (no "/index/"
// resource) lets a Query of the base table through and denies one with an IndexName, as IAM
// does: an index is a resource of its own.
func TestIAMFrontIndexGate(t *testing.T) {
	reader := &Function{LogicalID: "ReaderFunction", Name: "reader", Policy: Policy{Actions: []string{"dynamodb:Query"}}}
	fx := startTestFront(t, reader)
	ctx := t.Context()
	client := dynamoAs(accessKeyID(reader), fx.s.IAMEndpoint())

	base := &dynamodb.QueryInput{TableName: &fx.table, KeyConditionExpression: aws.String("pk = :p"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": &types.AttributeValueMemberS{Value: "a"}}}
	if _, err := client.Query(ctx, base); err != nil {
		t.Errorf("Query of the base table, granted: %v", err)
	}
	_, err := client.Query(ctx, &dynamodb.QueryInput{TableName: &fx.table, IndexName: aws.String("owner"),
		KeyConditionExpression:    aws.String("#o = :o"),
		ExpressionAttributeNames:  map[string]string{"#o": "owner"},
		ExpressionAttributeValues: map[string]types.AttributeValue{":o": &types.AttributeValueMemberS{Value: "u"}}})
	wantAccessDenied(t, err, "ReaderFunction", "dynamodb:Query")
	if !strings.Contains(err.Error(), ":table/"+fx.table+"/index/owner ") {
		t.Errorf("denial %q does not name the index", err)
	}

	if diff := cmp.Diff([]string{"reader dynamodb:Query"}, fx.s.AccessDenied()); diff != "" {
		t.Errorf("AccessDenied (-want +got):\n%s", diff)
	}
}
