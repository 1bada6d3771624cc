package stack

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRequestAccesses(t *testing.T) {
	t.Parallel()
	table := "arn:aws:dynamodb:eu-west-2:000000000000:table/t"
	for _, c := range []struct {
		name, target, body string
		want               []access
	}{
		{"GetItem", "DynamoDB_20120810.GetItem", `{"TableName":"t","Key":{}}`,
			[]access{{Action: "dynamodb:GetItem", Resource: table}}},
		{"Query on the table", "DynamoDB_20120810.Query", `{"TableName":"t"}`,
			[]access{{Action: "dynamodb:Query", Resource: table}}},
		{"Query on an index", "DynamoDB_20120810.Query", `{"TableName":"t","IndexName":"owner"}`,
			[]access{{Action: "dynamodb:Query", Resource: table + "/index/owner", Index: true}}},
		{"Scan on an index", "DynamoDB_20120810.Scan", `{"TableName":"t","IndexName":"refresh"}`,
			[]access{{Action: "dynamodb:Scan", Resource: table + "/index/refresh", Index: true}}},
		{"TransactWriteItems", "DynamoDB_20120810.TransactWriteItems", `{"TransactItems":[
			{"Put":{"TableName":"t","Item":{}}},{"Update":{"TableName":"t"}},
			{"Delete":{"TableName":"u"}},{"ConditionCheck":{"TableName":"t"}}]}`,
			[]access{{Action: "dynamodb:PutItem", Resource: table}, {Action: "dynamodb:UpdateItem", Resource: table},
				{Action: "dynamodb:DeleteItem", Resource: "arn:aws:dynamodb:eu-west-2:000000000000:table/u"},
				{Action: "dynamodb:ConditionCheckItem", Resource: table}}},
		{"TransactGetItems", "DynamoDB_20120810.TransactGetItems", `{"TransactItems":[{"Get":{"TableName":"t"}}]}`,
			[]access{{Action: "dynamodb:GetItem", Resource: table}}},
		{"BatchWriteItem", "DynamoDB_20120810.BatchWriteItem", `{"RequestItems":{"u":[],"t":[]}}`,
			[]access{{Action: "dynamodb:BatchWriteItem", Resource: table},
				{Action: "dynamodb:BatchWriteItem", Resource: "arn:aws:dynamodb:eu-west-2:000000000000:table/u"}}},
		{"table by ARN", "DynamoDB_20120810.DeleteItem", `{"TableName":"arn:aws:dynamodb:eu-west-2:1:table/x"}`,
			[]access{{Action: "dynamodb:DeleteItem", Resource: "arn:aws:dynamodb:eu-west-2:1:table/x"}}},
		{"ListTables", "DynamoDB_20120810.ListTables", `{}`, []access{{Action: "dynamodb:ListTables", Resource: "*"}}},
		{"SendMessageBatch is SendMessage", "AmazonSQS.SendMessageBatch", `{"QueueUrl":"http://127.0.0.1:1/000000000000/refresh-1"}`,
			[]access{{Action: "sqs:SendMessage", Resource: "arn:aws:sqs:eu-west-2:000000000000:refresh-1"}}},
		{"DeleteMessageBatch is DeleteMessage", "AmazonSQS.DeleteMessageBatch", `{"QueueUrl":"http://127.0.0.1:1/000000000000/refresh-1"}`,
			[]access{{Action: "sqs:DeleteMessage", Resource: "arn:aws:sqs:eu-west-2:000000000000:refresh-1"}}},
		{"ReceiveMessage", "AmazonSQS.ReceiveMessage", `{"QueueUrl":"http://127.0.0.1:1/000000000000/refresh-1"}`,
			[]access{{Action: "sqs:ReceiveMessage", Resource: "arn:aws:sqs:eu-west-2:000000000000:refresh-1"}}},
		{"GetSecretValue", "secretsmanager.GetSecretValue", `{"SecretId":"creds"}`,
			[]access{{Action: "secretsmanager:GetSecretValue",
				Resource: "arn:aws:secretsmanager:eu-west-2:000000000000:secret:creds"}}},
		{"PutSecretValue by ARN", "secretsmanager.PutSecretValue", `{"SecretId":"arn:aws:secretsmanager:x"}`,
			[]access{{Action: "secretsmanager:PutSecretValue", Resource: "arn:aws:secretsmanager:x"}}},
		{"KMS Decrypt", "TrentService.Decrypt", `{"KeyId":"k","CiphertextBlob":"AA=="}`,
			[]access{{Action: "kms:Decrypt", Resource: "arn:aws:kms:eu-west-2:000000000000:key/k"}}},
		{"KMS GenerateDataKey", "TrentService.GenerateDataKey", `{"KeyId":"k"}`,
			[]access{{Action: "kms:GenerateDataKey", Resource: "arn:aws:kms:eu-west-2:000000000000:key/k"}}},
		{"KMS Sign", "TrentService.Sign", `{"KeyId":"k1","Message":"","SigningAlgorithm":"ECDSA_SHA_256"}`,
			[]access{{Action: "kms:Sign", Resource: "arn:aws:kms:eu-west-2:000000000000:key/k1"}}},
		{"KMS GetPublicKey by ARN", "TrentService.GetPublicKey", `{"KeyId":"arn:aws:kms:eu-west-2:1:key/k1"}`,
			[]access{{Action: "kms:GetPublicKey", Resource: "arn:aws:kms:eu-west-2:1:key/k1"}}},
		{"GetRecords is DynamoDB's", "DynamoDBStreams_20120810.GetRecords", `{"ShardIterator":"x"}`,
			[]access{{Action: "dynamodb:GetRecords", Resource: "*"}}},
		{"DescribeStream", "DynamoDBStreams_20120810.DescribeStream", `{"StreamArn":"` + table + `/stream/1"}`,
			[]access{{Action: "dynamodb:DescribeStream", Resource: table + "/stream/1"}}},
		{"PutEvents on each bus", "AWSEvents.PutEvents", `{"Entries":[{"EventBusName":"b"},{"EventBusName":"b"},{}]}`,
			[]access{{Action: "events:PutEvents", Resource: "arn:aws:events:eu-west-2:000000000000:event-bus/b"},
				{Action: "events:PutEvents", Resource: "arn:aws:events:eu-west-2:000000000000:event-bus/default"}}},
		{"another service", "AmazonSNS.Publish", `{}`, []access{{Action: "amazonsns:Publish", Resource: "*"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := requestAccesses(c.target, []byte(c.body))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("accesses (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRequestAccessesRejects(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, target, body string }{
		{"no target", "", `{}`},
		{"no operation", "DynamoDB_20120810.", `{}`},
		{"not JSON", "DynamoDB_20120810.GetItem", `{`},
		{"two operations in one item", "DynamoDB_20120810.TransactWriteItems",
			`{"TransactItems":[{"Put":{"TableName":"t"},"Delete":{"TableName":"t"}}]}`},
		{"unknown item operation", "DynamoDB_20120810.TransactWriteItems", `{"TransactItems":[{"Upsert":{}}]}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got, err := requestAccesses(c.target, []byte(c.body)); err == nil {
				t.Errorf("requestAccesses = %+v, want an error", got)
			}
		})
	}
}

func TestCredentialKeyID(t *testing.T) {
	t.Parallel()
	for header, want := range map[string]string{
		"AWS4-HMAC-SHA256 Credential=local-consents/20260101/eu-west-2/dynamodb/aws4_request, " +
			"SignedHeaders=host;x-amz-date, Signature=abc": "local-consents",
		"Bearer x": "",
		"":         "",
	} {
		if got := credentialKeyID(header); got != want {
			t.Errorf("credentialKeyID(%q) = %q, want %q", header, got, want)
		}
	}
}
