package stack

import (
	"cmp"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// kumoAccountID is the account in the ARNs kumo issues (and so in the IAM front's messages).
const kumoAccountID = "000000000000"

// access is one authorisation IAM makes for a request: an action on a resource.
type access struct {
	Action   string // dynamodb:GetItem
	Resource string // the table's, index's or secret's ARN, "*" when the request names none
	Index    bool   // the resource is one of the table's indexes
}

// transactItemActions are the IAM actions of TransactWriteItems' and TransactGetItems' items:
// AWS authorises a transaction item by item, with the single-item actions
// (DynamoDB developer guide, "Using IAM with DynamoDB transactions").
var transactItemActions = map[string]string{
	"Put":            "dynamodb:PutItem",
	"Update":         "dynamodb:UpdateItem",
	"Delete":         "dynamodb:DeleteItem",
	"ConditionCheck": "dynamodb:ConditionCheckItem",
	"Get":            "dynamodb:GetItem",
}

// requestAccesses derives what IAM authorises for one AWS JSON-protocol request from its
// X-Amz-Target ("DynamoDB_20120810.GetItem" → dynamodb:GetItem, "secretsmanager.GetSecretValue"
// → secretsmanager:GetSecretValue) and body: a transaction's items, a Query's or Scan's
// IndexName, the table or secret named.
func requestAccesses(target string, body []byte) ([]access, error) {
	prefix, op, ok := strings.Cut(target, ".")
	if !ok || prefix == "" || op == "" {
		return nil, fmt.Errorf("X-Amz-Target %q: want Service.Operation", target)
	}
	service, _, _ := strings.Cut(strings.ToLower(prefix), "_") // DynamoDB_20120810 → dynamodb
	var in struct {
		QueueURL      string `json:"QueueUrl"`
		TableName     string
		IndexName     string
		SecretID      string `json:"SecretId"`
		KeyID         string `json:"KeyId"`
		TransactItems []map[string]struct{ TableName string }
		RequestItems  map[string]json.RawMessage
		StreamArn     string
		Entries       []struct{ EventBusName string }
	}
	if len(body) > 0 {
		if err := json.Unmarshal(body, &in); err != nil {
			return nil, fmt.Errorf("%s: body: %w", target, err)
		}
	}
	switch {
	case service == "amazonsqs":
		// The batch actions are authorised as their single-message actions.
		return []access{{Action: "sqs:" + strings.TrimSuffix(op, "Batch"), Resource: queueARN(in.QueueURL)}}, nil
	case service == "trentservice": // KMS's JSON target prefix
		return []access{{Action: "kms:" + op, Resource: keyARN(in.KeyID)}}, nil
	case service == "dynamodbstreams":
		// A stream's actions are DynamoDB's (dynamodb:GetRecords); GetRecords names no ARN.
		return []access{{Action: "dynamodb:" + op, Resource: cmp.Or(in.StreamArn, "*")}}, nil
	case service == "awsevents":
		// EventBridge (X-Amz-Target AWSEvents.PutEvents): events:PutEvents on each entry's bus.
		var out []access
		seen := map[string]bool{}
		for _, e := range in.Entries {
			if r := busARN(e.EventBusName); !seen[r] {
				seen[r] = true
				out = append(out, access{Action: "events:" + op, Resource: r})
			}
		}
		if len(out) == 0 {
			out = append(out, access{Action: "events:" + op, Resource: "*"})
		}
		return out, nil
	case service == "secretsmanager":
		return []access{{Action: "secretsmanager:" + op, Resource: secretARN(in.SecretID)}}, nil
	case service == "dynamodb" && (op == "TransactWriteItems" || op == "TransactGetItems"):
		var out []access
		for i, item := range in.TransactItems {
			if len(item) != 1 {
				return nil, fmt.Errorf("%s: TransactItems[%d]: want exactly one operation", op, i)
			}
			for kind, v := range item {
				action, ok := transactItemActions[kind]
				if !ok {
					return nil, fmt.Errorf("%s: TransactItems[%d]: unknown operation %s", op, i, kind)
				}
				out = append(out, access{Action: action, Resource: tableARN(v.TableName)})
			}
		}
		return out, nil
	case service == "dynamodb" && (op == "BatchGetItem" || op == "BatchWriteItem"):
		tables := make([]string, 0, len(in.RequestItems))
		for t := range in.RequestItems {
			tables = append(tables, t)
		}
		sort.Strings(tables)
		out := make([]access, 0, len(tables))
		for _, t := range tables {
			out = append(out, access{Action: "dynamodb:" + op, Resource: tableARN(t)})
		}
		return out, nil
	case service == "dynamodb" && in.IndexName != "":
		return []access{{Action: "dynamodb:" + op, Resource: tableARN(in.TableName) + "/index/" + in.IndexName,
			Index: true}}, nil
	case service == "dynamodb":
		return []access{{Action: "dynamodb:" + op, Resource: tableARN(in.TableName)}}, nil
	}
	return []access{{Action: service + ":" + op, Resource: "*"}}, nil
}

func tableARN(name string) string {
	if name == "" || strings.HasPrefix(name, "arn:") {
		return cmp.Or(name, "*")
	}
	return fmt.Sprintf("arn:aws:dynamodb:%s:%s:table/%s", localRegion, kumoAccountID, name)
}

// queueARN is the ARN of the queue a QueueUrl (http://host/<account>/<name>) names.
func queueARN(url string) string {
	if url == "" {
		return "*"
	}
	parts := strings.Split(strings.TrimSuffix(url, "/"), "/")
	return fmt.Sprintf("arn:aws:sqs:%s:%s:%s", localRegion, kumoAccountID, parts[len(parts)-1])
}

// busARN is the ARN of an event bus named by name or ARN ("" is the default bus).
func busARN(name string) string {
	if strings.HasPrefix(name, "arn:") {
		return name
	}
	return fmt.Sprintf("arn:aws:events:%s:%s:event-bus/%s", localRegion, kumoAccountID, cmp.Or(name, "default"))
}

func secretARN(id string) string {
	if id == "" || strings.HasPrefix(id, "arn:") {
		return cmp.Or(id, "*")
	}
	return fmt.Sprintf("arn:aws:secretsmanager:%s:%s:secret:%s", localRegion, kumoAccountID, id)
}

func keyARN(id string) string {
	if id == "" || strings.HasPrefix(id, "arn:") {
		return cmp.Or(id, "*")
	}
	return fmt.Sprintf("arn:aws:kms:%s:%s:key/%s", localRegion, kumoAccountID, id)
}
