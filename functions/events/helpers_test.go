package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	awscreds "github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/eventschema"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	ourbus "github.com/coop-ob/connector/shared/awsapi/eventbridge"
	"github.com/coop-ob/connector/shared/consent"
)

// fixture is one environment (kumo's table and the sandbox bank), a bus of its own on kumo's
// EventBridge with a rule that delivers every connector event, and the events handler on both,
// its EventBridge calls through a fault injector.
type fixture struct {
	env    *testenv.Env
	h      *Handler
	faults *awsfault.Injector
	bus    string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	env := testenv.Start(t, testenv.Options{Env: map[string]string{"REFRESH_SHARDS": "2"}})
	inj := awsfault.New(1)
	awsCfg := aws.Config{
		Region: "eu-west-2", Credentials: awscreds.NewStaticCredentialsProvider("test", "test", ""),
		HTTPClient: &http.Client{Transport: inj.Transport(nil)},
	}
	eb := eventbridge.NewFromConfig(awsCfg, func(o *eventbridge.Options) { o.BaseEndpoint = aws.String(testenv.KumoURL()) })
	bus := "connector-events-" + testenv.Random(6)
	ctx := context.Background()
	if _, err := eb.CreateEventBus(ctx, &eventbridge.CreateEventBusInput{Name: aws.String(bus)}); err != nil {
		t.Fatal(err)
	}
	if _, err := eb.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("all"), EventBusName: aws.String(bus),
		EventPattern: aws.String(`{"source":["` + consent.EventSource + `"]}`)}); err != nil {
		t.Fatal(err)
	}
	if _, err := eb.PutTargets(ctx, &eventbridge.PutTargetsInput{Rule: aws.String("all"), EventBusName: aws.String(bus),
		Targets: []ebtypes.Target{{Id: aws.String("app"), Arn: aws.String("arn:aws:sqs:eu-west-2:000000000000:app")}}}); err != nil {
		t.Fatal(err)
	}
	cfg := config{Table: env.Table, Bus: bus, Shards: 2, Grace: time.Minute}
	// The handler's client is the connector's (shared/awsapi), as main builds it.
	h := New(cfg, env.DDB, ourbus.NewFromConfig(awsCfg, func(o *ourbus.Options) { o.Endpoint = testenv.KumoURL() }), env.Deps.Logger)
	h.pub.Now, h.pub.Backoff = env.Deps.Now, time.Millisecond
	return &fixture{env: env, h: h, faults: inj, bus: bus}
}

// delivered is one event kumo's EventBridge delivered to the fixture's rule.
type delivered struct {
	Source, DetailType, Detail, EventBusName string
}

// delivered returns the events delivered on the fixture's bus, in order, each checked against
// its detail-type's schema.
func (f *fixture) delivered(t *testing.T) []delivered {
	t.Helper()
	resp, err := http.Get(testenv.KumoURL() + "/kumo/eventbridge/delivered-events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var all []delivered
	if err := json.NewDecoder(resp.Body).Decode(&all); err != nil {
		t.Fatal(err)
	}
	var out []delivered
	for _, d := range all {
		if d.EventBusName != f.bus {
			continue
		}
		if d.Source != consent.EventSource {
			t.Errorf("source %q", d.Source)
		}
		if err := eventschema.Validate(d.DetailType, []byte(d.Detail)); err != nil {
			t.Error(err)
		}
		out = append(out, d)
	}
	return out
}

// eventIDs counts the delivered events by their detail's eventId.
func eventIDs(t *testing.T, ds []delivered) map[string]int {
	t.Helper()
	n := map[string]int{}
	for _, d := range ds {
		var detail consent.EventDetail
		if err := json.Unmarshal([]byte(d.Detail), &detail); err != nil {
			t.Fatal(err)
		}
		n[detail.EventID]++
	}
	return n
}

// consentWithEvents stores a consent created, then made to need re-authentication and then
// revoked: three events.
func (f *fixture) consentWithEvents(t *testing.T, owner string) *consent.Consent {
	t.Helper()
	ctx := context.Background()
	s := f.env.Deps.Store
	c := &consent.Consent{ID: "c-" + testenv.Random(6), Owner: owner, Brand: "coop", Type: "accounts"}
	for i, what := range []consent.Happening{consent.Created, consent.ReauthReported, consent.Revoked} {
		if _, err := consent.Apply(c, what, f.env.Deps.Now(), "invalid_grant"); err != nil {
			t.Fatal(err)
		}
		write := s.UpdateConsent
		if i == 0 {
			write = s.CreateConsent
		}
		if err := write(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// stream is the DynamoDB stream event of the outbox items of ids, as the table's stream and
// the mapping's filter give them (INSERT records, NEW_IMAGE).
func (f *fixture) stream(t *testing.T, ids ...string) events.DynamoDBEvent {
	t.Helper()
	var ev events.DynamoDBEvent
	for _, id := range ids {
		out, err := f.env.DDB.Query(context.Background(), &dynamodb.QueryInput{TableName: aws.String(f.env.Table),
			KeyConditionExpression:    aws.String("pk = :pk AND begins_with(sk, :e)"),
			ExpressionAttributeValues: map[string]types.AttributeValue{":pk": &types.AttributeValueMemberS{Value: "CONSENT#" + id}, ":e": &types.AttributeValueMemberS{Value: consent.OutboxPrefix}},
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, item := range out.Items {
			seq := strconv.Itoa(len(ev.Records) + 1)
			ev.Records = append(ev.Records, events.DynamoDBEventRecord{
				EventID: "rec-" + seq, EventName: "INSERT", EventSource: "aws:dynamodb", EventVersion: "1.1", AWSRegion: "eu-west-2",
				Change: events.DynamoDBStreamRecord{
					Keys:           toStream(t, map[string]types.AttributeValue{"pk": item["pk"], "sk": item["sk"]}),
					NewImage:       toStream(t, item),
					SequenceNumber: "10000000000000000000" + seq, StreamViewType: "NEW_IMAGE",
				},
			})
		}
	}
	return ev
}

func toStream(t *testing.T, item map[string]types.AttributeValue) map[string]events.DynamoDBAttributeValue {
	t.Helper()
	out := map[string]events.DynamoDBAttributeValue{}
	for k, v := range item {
		switch v := v.(type) {
		case *types.AttributeValueMemberS:
			out[k] = events.NewStringAttribute(v.Value)
		case *types.AttributeValueMemberN:
			out[k] = events.NewNumberAttribute(v.Value)
		default:
			t.Fatalf("outbox attribute %s of type %T", k, v)
		}
	}
	return out
}

// unpublished counts the outbox items of ids not marked published.
func (f *fixture) unpublished(t *testing.T, ids ...string) int {
	t.Helper()
	n := 0
	for _, id := range ids {
		evs, err := f.env.Deps.Store.ConsentEvents(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			if ev.PublishedAt.IsZero() || ev.Shard != "" {
				n++
			}
		}
	}
	return n
}
