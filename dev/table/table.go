// Package table creates the connector's DynamoDB table for tests and the local stack, with the
// SDK's control-plane operations (the functions never create tables: in AWS the table comes
// from template.yaml, which a deploy test compares with Definition). Its index and attribute
// names are shared/consent's (OwnerIndex, RefreshIndex, DeadlineIndex, TTLAttribute,
// RefreshIndexAttributes), spelled out here so that shared/consent's own tests can use this
// package; a test checks they agree.
package table

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Index names and the TTL attribute of the table (shared/consent's).
const (
	OwnerIndex    = "owner"
	RefreshIndex  = "refresh"
	DeadlineIndex = "deadline"
	TTLAttribute  = "ttl"
)

// RefreshIndexAttributes are the non-key attributes projected into the refresh index
// (consent.RefreshIndexAttributes): what the scheduled refresher and exchange retrier decide
// from, never a secret.
func RefreshIndexAttributes() []string {
	return []string{"consentId", "consentOwner", "accessExpiresAt", "refreshExpiresAt",
		"leaseUntil", "failures", "nextAttemptAt", "usedAt", "attempts", "stateHash"}
}

// Definition is the table as template.yaml declares it (keys, the owner,
// refresh and deadline GSIs, on-demand billing, the stream of new images); TTL on TTLAttribute is set separately
// by Create. A test compares the two.
func Definition(name string) *dynamodb.CreateTableInput {
	s := func(n string) types.AttributeDefinition {
		return types.AttributeDefinition{AttributeName: aws.String(n), AttributeType: types.ScalarAttributeTypeS}
	}
	ks := func(hash, rng string) []types.KeySchemaElement {
		return []types.KeySchemaElement{
			{AttributeName: aws.String(hash), KeyType: types.KeyTypeHash},
			{AttributeName: aws.String(rng), KeyType: types.KeyTypeRange},
		}
	}
	return &dynamodb.CreateTableInput{
		TableName:   aws.String(name),
		BillingMode: types.BillingModePayPerRequest,
		AttributeDefinitions: []types.AttributeDefinition{
			s("pk"), s("sk"), s("owner"), s("createdAt"), s("refreshShard"),
			{AttributeName: aws.String("refreshDue"), AttributeType: types.ScalarAttributeTypeN},
			{AttributeName: aws.String("actionBy"), AttributeType: types.ScalarAttributeTypeN},
		},
		KeySchema: ks("pk", "sk"),
		// The events function reads the outbox inserts from the stream (docs/events.md).
		StreamSpecification: &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeNewImage},
		GlobalSecondaryIndexes: []types.GlobalSecondaryIndex{
			{
				// Consent META items only: tokens and sessions copy the owner
				// under "consentOwner" so they stay out of this index.
				IndexName:  aws.String(OwnerIndex),
				KeySchema:  ks("owner", "createdAt"),
				Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll},
			},
			{
				IndexName: aws.String(RefreshIndex),
				KeySchema: ks("refreshShard", "refreshDue"),
				Projection: &types.Projection{
					ProjectionType:   types.ProjectionTypeInclude,
					NonKeyAttributes: RefreshIndexAttributes(),
				},
			},
			{
				// Sparse: only Authorised consent items with a deadline carry actionBy.
				IndexName:  aws.String(DeadlineIndex),
				KeySchema:  ks("owner", "actionBy"),
				Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll},
			},
		},
	}
}

// API is what Create needs of *dynamodb.Client.
type API interface {
	CreateTable(ctx context.Context, in *dynamodb.CreateTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.CreateTableOutput, error)
	DescribeTable(ctx context.Context, in *dynamodb.DescribeTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error)
	UpdateTimeToLive(ctx context.Context, in *dynamodb.UpdateTimeToLiveInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateTimeToLiveOutput, error)
}

// Create creates the table of Definition, waits for it to be
// ACTIVE and enables TTL on TTLAttribute. It is for tests and the local
// stack; in AWS the table comes from template.yaml.
func Create(ctx context.Context, api API, name string) error {
	if _, err := api.CreateTable(ctx, Definition(name)); err != nil {
		return fmt.Errorf("create table %s: %w", name, err)
	}
	for {
		out, err := api.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(name)})
		if err != nil {
			return fmt.Errorf("describe table %s: %w", name, err)
		}
		if out.Table != nil && out.Table.TableStatus == types.TableStatusActive {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	_, err := api.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{
		TableName: aws.String(name),
		TimeToLiveSpecification: &types.TimeToLiveSpecification{
			AttributeName: aws.String(TTLAttribute), Enabled: aws.Bool(true),
		},
	})
	if err != nil {
		return fmt.Errorf("enable ttl on %s: %w", name, err)
	}
	return nil
}

// CreateAt creates the table name on the DynamoDB at endpoint (kumo, a local emulator) with test
// credentials, as Create does.
func CreateAt(ctx context.Context, endpoint, name string) error {
	api := dynamodb.New(dynamodb.Options{
		Region:       "eu-west-2",
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
	}, func(o *dynamodb.Options) { o.DisableValidateResponseChecksum = true })
	return Create(ctx, api, name)
}
