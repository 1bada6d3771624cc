package stack

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	stypes "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
	"github.com/google/go-cmp/cmp"
)

// TestKumoStreamsEveryWrite: the kumo the repository builds with (dev/third_party/kumo,
// patched as dev/third_party/kumo/PATCH.md says) writes a stream record for every item a
// TransactWriteItems or BatchWriteItem changes, as it does for PutItem, UpdateItem and
// DeleteItem: INSERT, MODIFY or REMOVE with the keys, the images of the table's view type and
// increasing sequence numbers. kumo v0.33.1 as published wrote none for them (two
// transactional puts then an update gave one record).
func TestKumoStreamsEveryWrite(t *testing.T) {
	t.Parallel()
	k := newKumo()
	t.Cleanup(k.Close)
	ctx := t.Context()
	db := dynamodb.New(dynamodb.Options{Region: localRegion, BaseEndpoint: aws.String(k.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	table := "kumostream-" + randomSuffix()
	arn := createStreamTable(ctx, t, db, table, "NEW_AND_OLD_IMAGES")

	item := func(pk, sk, v string) map[string]types.AttributeValue {
		return map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: pk},
			"sk": &types.AttributeValueMemberS{Value: sk}, "v": &types.AttributeValueMemberS{Value: v}}
	}
	key := func(pk, sk string) map[string]types.AttributeValue {
		return map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: pk},
			"sk": &types.AttributeValueMemberS{Value: sk}}
	}
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: aws.String(table), Item: item("C#1", "CONSENT", "a")}},
		{Put: &types.Put{TableName: aws.String(table), Item: item("C#1", "E#00000001", "created")}},
	}}))
	must(db.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: aws.String(table), Key: key("C#1", "CONSENT"),
		UpdateExpression: aws.String("SET v = :v"), ExpressionAttributeValues: map[string]types.AttributeValue{
			":v": &types.AttributeValueMemberS{Value: "b"}}}))
	must(db.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Update: &types.Update{TableName: aws.String(table), Key: key("C#1", "CONSENT"),
			UpdateExpression: aws.String("SET v = :v"), ExpressionAttributeValues: map[string]types.AttributeValue{
				":v": &types.AttributeValueMemberS{Value: "c"}}}},
		{Delete: &types.Delete{TableName: aws.String(table), Key: key("C#1", "E#00000001")}},
		{Delete: &types.Delete{TableName: aws.String(table), Key: key("C#1", "NOTHING")}}, // no item: no record
		{ConditionCheck: &types.ConditionCheck{TableName: aws.String(table), Key: key("C#1", "CONSENT"),
			ConditionExpression: aws.String("attribute_exists(pk)")}},
	}}))
	must(db.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{table: {
		{PutRequest: &types.PutRequest{Item: item("C#2", "CONSENT", "x")}},
		{PutRequest: &types.PutRequest{Item: item("C#1", "CONSENT", "d")}},
		{DeleteRequest: &types.DeleteRequest{Key: key("C#1", "CONSENT")}},
	}}}))

	type rec struct{ Name, Key, Old, New string }
	want := []rec{
		{"INSERT", "C#1/CONSENT", "", "a"},
		{"INSERT", "C#1/E#00000001", "", "created"},
		{"MODIFY", "C#1/CONSENT", "a", "b"},
		{"MODIFY", "C#1/CONSENT", "b", "c"},
		{"REMOVE", "C#1/E#00000001", "created", ""},
		{"INSERT", "C#2/CONSENT", "", "x"},
		{"MODIFY", "C#1/CONSENT", "c", "d"},
		{"REMOVE", "C#1/CONSENT", "d", ""},
	}
	records := readStream(ctx, t, k.URL, arn)
	var got []rec
	last := ""
	for _, r := range records {
		d := r.Dynamodb
		s := func(m map[string]stypes.AttributeValue, name string) string {
			if v, ok := m[name].(*stypes.AttributeValueMemberS); ok {
				return v.Value
			}
			return ""
		}
		got = append(got, rec{string(r.EventName), s(d.Keys, "pk") + "/" + s(d.Keys, "sk"), s(d.OldImage, "v"), s(d.NewImage, "v")})
		if seq := aws.ToString(d.SequenceNumber); seq <= last || len(d.Keys) != 2 {
			t.Errorf("record %v: sequence %s after %s, keys %v", got[len(got)-1], seq, last, d.Keys)
		} else {
			last = seq
		}
	}
	// BatchWriteItem has no order between its requests in DynamoDB; kumo applies them in order.
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stream records (-want +got):\n%s", diff)
	}
}

// createStreamTable creates a pk/sk table with a stream of view and returns the stream's ARN.
func createStreamTable(ctx context.Context, t *testing.T, db *dynamodb.Client, table, view string) string {
	t.Helper()
	out, err := db.CreateTable(ctx, &dynamodb.CreateTableInput{TableName: aws.String(table),
		AttributeDefinitions: []types.AttributeDefinition{
			{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String("sk"), AttributeType: types.ScalarAttributeTypeS}},
		KeySchema: []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash},
			{AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange}},
		BillingMode:         types.BillingModePayPerRequest,
		StreamSpecification: &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewType(view)}})
	if err != nil {
		t.Fatal(err)
	}
	return aws.ToString(out.TableDescription.LatestStreamArn)
}

// readStream reads every record of the stream's shards from their start.
func readStream(ctx context.Context, t *testing.T, endpoint, arn string) []stypes.Record {
	t.Helper()
	c := dynamodbstreams.New(dynamodbstreams.Options{Region: localRegion, BaseEndpoint: aws.String(endpoint),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	d, err := c.DescribeStream(ctx, &dynamodbstreams.DescribeStreamInput{StreamArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	var out []stypes.Record
	for _, sh := range d.StreamDescription.Shards {
		it, err := c.GetShardIterator(ctx, &dynamodbstreams.GetShardIteratorInput{StreamArn: aws.String(arn),
			ShardId: sh.ShardId, ShardIteratorType: stypes.ShardIteratorTypeTrimHorizon})
		if err != nil {
			t.Fatal(err)
		}
		iter := it.ShardIterator
		for i := 0; iter != nil && i < 100; i++ {
			r, err := c.GetRecords(ctx, &dynamodbstreams.GetRecordsInput{ShardIterator: iter})
			if err != nil {
				t.Fatal(fmt.Errorf("shard %s: %w", aws.ToString(sh.ShardId), err))
			}
			if len(r.Records) == 0 {
				break
			}
			out = append(out, r.Records...)
			iter = r.NextShardIterator
		}
	}
	return out
}
