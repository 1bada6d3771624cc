package stack

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRealTemplatePolicies reads the grants of the repository's template.yaml as the IAM front
// enforces them (deploy/iam_test.go pins the same lists from the deploy side).
func TestRealTemplatePolicies(t *testing.T) {
	tmpl, err := LoadTemplate("../../template.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	secret := "secretsmanager:GetSecretValue"
	dec, gen := "kms:Decrypt", "kms:GenerateDataKey"
	want := map[string]Policy{
		"CallbackFunction": {Actions: []string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
			dec, gen, "kms:GetPublicKey", "kms:Sign", secret}},
		"ConsentsFunction": {Actions: []string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem",
			"dynamodb:Query", dec, gen, secret}, Index: true},
		"ProxyFunction": {Actions: []string{"dynamodb:BatchGetItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", dec, gen, secret}},
		"TokensFunction": {Actions: []string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query",
			"dynamodb:Scan", "dynamodb:UpdateItem", dec, gen, secret, "sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
			"sqs:ReceiveMessage", "sqs:SendMessage"}, Index: true},
		// The publisher: the stream, its bus, its marks, the sweep's index reads and its failure
		// queue; no secret, no KMS (events carry no sealed value).
		"EventsFunction": {Actions: []string{"dynamodb:DescribeStream", "dynamodb:GetItem", "dynamodb:GetRecords",
			"dynamodb:GetShardIterator", "dynamodb:ListStreams", "dynamodb:Query", "dynamodb:UpdateItem",
			"events:PutEvents", "sqs:SendMessage"}, Index: true},
	}
	got := map[string]Policy{}
	for id, f := range tmpl.Functions {
		got[id] = f.Policy
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("policies (-want +got):\n%s", diff)
	}
	for _, c := range []struct {
		function, action string
		index, want      bool
	}{
		{"ConsentsFunction", "dynamodb:DeleteItem", false, true},
		{"ConsentsFunction", "dynamodb:Query", true, true},
		{"ConsentsFunction", "dynamodb:UpdateItem", false, false},
		{"CallbackFunction", "dynamodb:Query", false, false},
		{"CallbackFunction", "dynamodb:GetItem", true, false}, // no index access at all
		{"CallbackFunction", "dynamodb:Scan", false, false},
		{"ProxyFunction", "dynamodb:UpdateItem", false, true},
		{"ProxyFunction", "dynamodb:Query", false, true}, // FindPayment: its consent's own items
		{"ProxyFunction", "dynamodb:Query", true, false},
		{"TokensFunction", "dynamodb:Query", true, true},
		{"TokensFunction", "dynamodb:Scan", false, true}, // the sealing pass
		{"ProxyFunction", "dynamodb:Scan", false, false},
		{"TokensFunction", "secretsmanager:GetSecretValue", false, true},
		{"TokensFunction", "secretsmanager:PutSecretValue", false, false},
		{"TokensFunction", "sqs:SendMessage", false, true},
		{"ProxyFunction", "sqs:SendMessage", false, false},
		{"ProxyFunction", "kms:Decrypt", false, true},
		{"ProxyFunction", "kms:Encrypt", false, false},
		{"CallbackFunction", "kms:ReEncryptFrom", false, false},
		{"EventsFunction", "dynamodb:Query", true, true}, // the sweep: the refresh index's O# shards
		{"EventsFunction", "kms:Decrypt", false, false},
		{"EventsFunction", "secretsmanager:GetSecretValue", false, false},
		{"EventsFunction", "dynamodb:PutItem", false, false},
	} {
		if got := tmpl.Functions[c.function].Policy.Allows(c.action, c.index); got != c.want {
			t.Errorf("%s Allows(%s, index %v) = %v, want %v", c.function, c.action, c.index, got, c.want)
		}
	}
	if len(tmpl.Functions) != len(want) {
		t.Errorf("%d functions, want %d", len(tmpl.Functions), len(want))
	}
}

func TestParsePolicies(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, yaml string
		want       Policy
	}{
		{"none", ``, Policy{}},
		{"intrinsic resources", `
      Policies:
        - Statement:
            - Effect: Allow
              Action: dynamodb:GetItem
              Resource: !GetAtt Table.Arn
            - Effect: Allow
              Action: [dynamodb:Query, dynamodb:GetItem]
              Resource: !Join ["", [!GetAtt Table.Arn, "/index/owner"]]`,
			Policy{Actions: []string{"dynamodb:GetItem", "dynamodb:Query"}, Index: true}},
		{"wildcards", `
      Policies:
        - Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: "dynamodb:*"
              Resource: "*"`,
			Policy{Actions: []string{"dynamodb:*"}, Index: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := parseOneFunction(c.yaml)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, f.Policy); diff != "" {
				t.Errorf("policy (-want +got):\n%s", diff)
			}
		})
	}
	wild := Policy{Actions: []string{"dynamodb:Get*"}}
	if !wild.Allows("dynamodb:getitem", false) || wild.Allows("dynamodb:PutItem", false) ||
		wild.Allows("dynamodb:GetItem", true) {
		t.Error("dynamodb:Get* must allow GetItem on the table only")
	}
}

func TestParsePoliciesRejects(t *testing.T) {
	t.Parallel()
	for name, policies := range map[string]string{
		"managed policy":  `[AmazonDynamoDBFullAccess]`,
		"policy template": `[{DynamoDBCrudPolicy: {TableName: !Ref Table}}]`,
		"deny":            `[{Statement: [{Effect: Deny, Action: "dynamodb:*", Resource: "*"}]}]`,
		"extra key":       `[{Statement: [], PolicyName: x}]`,
	} {
		t.Run(name, func(t *testing.T) {
			if f, err := parseOneFunction("\n      Policies: " + policies); err == nil {
				t.Errorf("policy = %+v, want an error", f.Policy)
			}
		})
	}
}

// parseOneFunction parses a template of one function F whose Properties end with props.
func parseOneFunction(props string) (*Function, error) {
	tmpl, err := ParseTemplate([]byte(`
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: .`+props+"\n"), nil)
	if err != nil {
		return nil, err
	}
	return tmpl.Functions["F"], nil
}
