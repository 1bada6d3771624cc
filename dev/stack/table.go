package stack

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// tableProps are the CloudFormation AWS::DynamoDB::Table properties the stack translates.
// CloudFormation's names are the API's, so the SDK's types decode them directly.
type tableProps struct {
	AttributeDefinitions   []types.AttributeDefinition
	KeySchema              []types.KeySchemaElement
	GlobalSecondaryIndexes []struct {
		IndexName             string
		KeySchema             []types.KeySchemaElement
		Projection            *types.Projection
		ProvisionedThroughput *types.ProvisionedThroughput
	}
	LocalSecondaryIndexes []struct {
		IndexName  string
		KeySchema  []types.KeySchemaElement
		Projection *types.Projection
	}
	BillingMode             string
	ProvisionedThroughput   *types.ProvisionedThroughput
	TimeToLiveSpecification *struct {
		AttributeName string
		Enabled       bool
	}
	// StreamSpecification turns the table's stream on (CloudFormation has no StreamEnabled:
	// the property's presence enables it).
	StreamSpecification *struct{ StreamViewType types.StreamViewType }
}

// TableInputs translates a table's template properties into the CreateTable input for name
// and, when its TimeToLiveSpecification is enabled, the UpdateTimeToLive input.
func TableInputs(name string, props json.RawMessage) (*dynamodb.CreateTableInput, *dynamodb.UpdateTimeToLiveInput, error) {
	var p tableProps
	if err := json.Unmarshal(props, &p); err != nil {
		return nil, nil, fmt.Errorf("table properties: %w", err)
	}
	if len(p.KeySchema) == 0 {
		return nil, nil, fmt.Errorf("table properties: no KeySchema")
	}
	in := &dynamodb.CreateTableInput{
		TableName:            aws.String(name),
		AttributeDefinitions: p.AttributeDefinitions,
		KeySchema:            p.KeySchema,
		BillingMode:          types.BillingModePayPerRequest,
	}
	if p.BillingMode == string(types.BillingModeProvisioned) || (p.BillingMode == "" && p.ProvisionedThroughput != nil) {
		in.BillingMode = types.BillingModeProvisioned
		in.ProvisionedThroughput = p.ProvisionedThroughput
	}
	for _, g := range p.GlobalSecondaryIndexes {
		gsi := types.GlobalSecondaryIndex{IndexName: aws.String(g.IndexName), KeySchema: g.KeySchema,
			Projection: g.Projection}
		if in.BillingMode == types.BillingModeProvisioned {
			gsi.ProvisionedThroughput = g.ProvisionedThroughput
		}
		in.GlobalSecondaryIndexes = append(in.GlobalSecondaryIndexes, gsi)
	}
	for _, l := range p.LocalSecondaryIndexes {
		in.LocalSecondaryIndexes = append(in.LocalSecondaryIndexes, types.LocalSecondaryIndex{
			IndexName: aws.String(l.IndexName), KeySchema: l.KeySchema, Projection: l.Projection})
	}
	if ss := p.StreamSpecification; ss != nil {
		in.StreamSpecification = &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: ss.StreamViewType}
	}
	var ttl *dynamodb.UpdateTimeToLiveInput
	if s := p.TimeToLiveSpecification; s != nil && s.Enabled && s.AttributeName != "" {
		ttl = &dynamodb.UpdateTimeToLiveInput{TableName: aws.String(name),
			TimeToLiveSpecification: &types.TimeToLiveSpecification{
				AttributeName: aws.String(s.AttributeName), Enabled: aws.Bool(true)}}
	}
	return in, ttl, nil
}

// connectorTable picks the template's table: the only one, or the one TABLE_NAME refers to.
func (t *Template) connectorTable() (string, json.RawMessage, error) {
	if len(t.Tables) == 1 {
		for id, p := range t.Tables {
			return id, p, nil
		}
	}
	for _, f := range t.sortedFunctions() {
		if id, ok := refName(f.Environment["TABLE_NAME"]); ok {
			if p, ok := t.Tables[id]; ok {
				return id, p, nil
			}
		}
	}
	ids := make([]string, 0, len(t.Tables))
	for id := range t.Tables {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return "", nil, fmt.Errorf("template: cannot tell the connector's table among %v (TABLE_NAME must !Ref it)", ids)
}

// createTable creates the table and turns on its TTL.
func createTable(ctx context.Context, db *dynamodb.Client, in *dynamodb.CreateTableInput, ttl *dynamodb.UpdateTimeToLiveInput) error {
	_, err := createTableStream(ctx, db, in, ttl)
	return err
}

// createTableStream creates the table, turns on its TTL and returns its stream's ARN ("" when
// it has no stream).
func createTableStream(ctx context.Context, db *dynamodb.Client, in *dynamodb.CreateTableInput, ttl *dynamodb.UpdateTimeToLiveInput) (string, error) {
	out, err := db.CreateTable(ctx, in)
	if err != nil {
		return "", fmt.Errorf("create table %s: %w", aws.ToString(in.TableName), err)
	}
	if ttl != nil {
		if _, err := db.UpdateTimeToLive(ctx, ttl); err != nil {
			return "", fmt.Errorf("table %s: time to live: %w", aws.ToString(in.TableName), err)
		}
	}
	return aws.ToString(out.TableDescription.LatestStreamArn), nil
}
