package deploy

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/table"
	"github.com/coop-ob/connector/shared/consent"
)

// statements returns a function's inline policy statements.
func statements(t *testing.T, fn generic) []any {
	t.Helper()
	var out []any
	for _, p := range fn.Properties["Policies"].([]any) {
		stmts, _ := dig(p, "Statement").([]any)
		out = append(out, stmts...)
	}
	return out
}

// TestEventsPublisher pins the lifecycle events' delivery (docs/events.md): the table's stream
// of new images; the bus (an output); the events function's explicit event source mapping, whose
// filter passes only outbox inserts, with batches, bisection, partial batch responses, bounded
// retries and record age and a failure destination that alarms; and the function's grant,
// exactly the stream, PutEvents on the bus, the marking update and the sweep's reads, each on
// its resource and the table ones conditioned to the outbox's attributes.
func TestEventsPublisher(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	tb := tpl.table(t)
	if tb.StreamSpecification == nil || tb.StreamSpecification.StreamViewType != "NEW_IMAGE" {
		t.Errorf("table StreamSpecification %+v; want NEW_IMAGE", tb.StreamSpecification)
	}
	if def := table.Definition("x").StreamSpecification; def == nil || string(def.StreamViewType) != "NEW_IMAGE" {
		t.Errorf("table.Definition's stream %+v; want the template's NEW_IMAGE", def)
	}
	var bus, fn, m, dlq generic
	tpl.resource(t, "EventBus", &bus)
	tpl.resource(t, "EventsFunction", &fn)
	tpl.resource(t, "EventsStreamMapping", &m)
	tpl.resource(t, "EventsStreamDLQ", &dlq)
	if bus.Type != "AWS::Events::EventBus" || tpl.Outputs["EventBusName"]["Value"] != "Ref:EventBus" {
		t.Errorf("bus %s, output %v", bus.Type, tpl.Outputs["EventBusName"])
	}
	if v := dig(fn.Properties, "Environment", "Variables", "EVENT_BUS_NAME"); v != "Ref:EventBus" {
		t.Errorf("EVENT_BUS_NAME %v", v)
	}
	p := m.Properties
	want := map[string]any{
		"EventSourceArn": "GetAtt:Table.StreamArn", "FunctionName": "Ref:EventsFunction", "StartingPosition": "TRIM_HORIZON",
		"BatchSize": 100.0, "MaximumBatchingWindowInSeconds": 1.0, "BisectBatchOnFunctionError": true,
		"FunctionResponseTypes": []any{"ReportBatchItemFailures"}, "MaximumRetryAttempts": 10.0, "MaximumRecordAgeInSeconds": 3600.0,
	}
	for k, v := range want {
		if !cmp.Equal(p[k], v) {
			t.Errorf("EventsStreamMapping %s = %v, want %v", k, p[k], v)
		}
	}
	if d := dig(p, "DestinationConfig", "OnFailure", "Destination"); d != "GetAtt:EventsStreamDLQ.Arn" || dlq.Type != "AWS::SQS::Queue" || dlq.Properties["MessageRetentionPeriod"] == nil {
		t.Errorf("failure destination %v (%s, retention %v)", d, dlq.Type, dlq.Properties["MessageRetentionPeriod"])
	}
	filters, _ := dig(p, "FilterCriteria", "Filters").([]any)
	if len(filters) != 1 {
		t.Fatalf("filters %v; want one", filters)
	}
	var pattern any
	if err := json.Unmarshal([]byte(dig(filters[0], "Pattern").(string)), &pattern); err != nil {
		t.Fatal(err)
	}
	wantPattern := map[string]any{"eventName": []any{"INSERT"},
		"dynamodb": map[string]any{"Keys": map[string]any{"sk": map[string]any{"S": []any{map[string]any{"prefix": consent.OutboxPrefix}}}}}}
	if diff := cmp.Diff(wantPattern, pattern); diff != "" {
		t.Errorf("filter pattern (-want +got):\n%s", diff)
	}
	alarmed := false
	for _, a := range tpl.alarms(t) {
		if cmp.Equal(dimensions(a), map[string]any{"QueueName": "GetAtt:EventsStreamDLQ.QueueName"}) {
			alarmed = a["MetricName"] == "ApproximateNumberOfMessagesVisible" && a["Threshold"] == 0.0 && a["AlarmActions"] == alarmActions
		}
	}
	if !alarmed {
		t.Error("no alarm on EventsStreamDLQ")
	}
	aged := false
	for _, a := range tpl.alarms(t) {
		if a["MetricName"] == "IteratorAge" && cmp.Equal(dimensions(a), map[string]any{"FunctionName": "Ref:EventsFunction"}) {
			aged = a["ComparisonOperator"] == "GreaterThanThreshold" && a["AlarmActions"] == alarmActions
		}
	}
	if !aged {
		t.Error("no alarm on the events function's stream iterator age")
	}

	type grant struct {
		Actions   []string
		Resources []string
		Attrs     []string // the dynamodb:Attributes condition
		Other     string   // the StringEqualsIfExists condition
		Named     any      // the Null condition: the request must name its attributes
	}
	var got []grant
	for _, s := range statements(t, fn) {
		g := grant{Actions: list(dig(s, "Action")), Resources: list(dig(s, "Resource")),
			Attrs: list(dig(s, "Condition", "ForAllValues:StringEquals", "dynamodb:Attributes"))}
		g.Named = dig(s, "Condition", "Null", "dynamodb:Attributes")
		if c := dig(s, "Condition", "StringEqualsIfExists"); c != nil {
			b, _ := json.Marshal(c)
			g.Other = string(b)
		}
		if dig(s, "Effect") != "Allow" {
			t.Errorf("statement %v is not an Allow", s)
		}
		got = append(got, g)
	}
	marker := []string{"pk", "sk", "refreshShard", "refreshDue", "publishedAt", consent.TTLAttribute}
	wantGrants := []grant{
		{Actions: []string{"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"}, Resources: []string{"GetAtt:Table.StreamArn"}},
		{Actions: []string{"events:PutEvents"}, Resources: []string{"GetAtt:EventBus.Arn"}},
		{Actions: []string{"dynamodb:UpdateItem"}, Resources: []string{"GetAtt:Table.Arn"}, Attrs: marker, Other: `{"dynamodb:ReturnValues":["NONE"]}`, Named: "false"},
		{Actions: []string{"dynamodb:Query"}, Resources: []string{"Sub:${Table.Arn}/index/refresh"}},
		{Actions: []string{"dynamodb:GetItem"}, Resources: []string{"GetAtt:Table.Arn"}, Attrs: consent.OutboxAttributes(), Other: `{"dynamodb:Select":["SPECIFIC_ATTRIBUTES"]}`, Named: "false"},
		{Actions: []string{"sqs:SendMessage"}, Resources: []string{"GetAtt:EventsStreamDLQ.Arn"}},
	}
	if diff := cmp.Diff(wantGrants, got); diff != "" {
		t.Errorf("EventsFunction grants (-want +got):\n%s", diff)
	}
	// The marking update writes only the marker: MarkPublished's attributes are the condition's.
	for _, a := range marker {
		if !slices.Contains(consent.OutboxAttributes(), a) {
			t.Errorf("%s is not an outbox attribute", a)
		}
	}
	// The sweep's schedule: its own, every 5 minutes, named by CloudFormation.
	sched := dig(fn.Properties, "Events", "Sweep")
	if dig(sched, "Type") != "ScheduleV2" || dig(sched, "Properties", "ScheduleExpression") != "rate(5 minutes)" || dig(sched, "Properties", "OmitName") != true {
		t.Errorf("EventsFunction Sweep schedule %v", sched)
	}
}

// TestWebhook pins the optional webhook delivery: every resource exists only with WebhookUrl;
// an API-key connection whose key is a NoEcho parameter (a template rule refuses a URL without
// it); an API destination at the app's URL with the rate limit parameter; a rule on the bus for
// every connector event with a retry policy and a dead-letter queue that alarms; and the one
// hand-written role, which EventBridge alone assumes to invoke that destination only.
func TestWebhook(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	for _, name := range []string{"WebhookConnection", "WebhookDestination", "WebhookRule", "WebhookRole", "WebhookDLQ", "WebhookDLQPolicy", "WebhookDLQAlarm"} {
		var r struct{ Condition string }
		tpl.resource(t, name, &r)
		if r.Condition != "HasWebhook" {
			t.Errorf("%s: Condition %q, want HasWebhook", name, r.Condition)
		}
	}
	if tpl.Parameters["WebhookApiKey"]["NoEcho"] != true || tpl.Parameters["WebhookUrl"]["Default"] != "" {
		t.Errorf("WebhookApiKey NoEcho %v, WebhookUrl default %v", tpl.Parameters["WebhookApiKey"]["NoEcho"], tpl.Parameters["WebhookUrl"]["Default"])
	}
	var conn, dest, rule, role, policy generic
	tpl.resource(t, "WebhookConnection", &conn)
	tpl.resource(t, "WebhookDestination", &dest)
	tpl.resource(t, "WebhookRule", &rule)
	tpl.resource(t, "WebhookRole", &role)
	tpl.resource(t, "WebhookDLQPolicy", &policy)
	if conn.Properties["AuthorizationType"] != "API_KEY" || dig(conn.Properties, "AuthParameters", "ApiKeyAuthParameters", "ApiKeyValue") != "Ref:WebhookApiKey" ||
		dig(conn.Properties, "AuthParameters", "ApiKeyAuthParameters", "ApiKeyName") != "Ref:WebhookApiKeyHeader" {
		t.Errorf("connection %v", conn.Properties)
	}
	if dest.Properties["InvocationEndpoint"] != "Ref:WebhookUrl" || dest.Properties["HttpMethod"] != "POST" ||
		dest.Properties["InvocationRateLimitPerSecond"] != "Ref:WebhookRateLimit" || dest.Properties["ConnectionArn"] != "GetAtt:WebhookConnection.Arn" {
		t.Errorf("destination %v", dest.Properties)
	}
	targets, _ := rule.Properties["Targets"].([]any)
	if rule.Properties["EventBusName"] != "Ref:EventBus" || !cmp.Equal(dig(rule.Properties, "EventPattern", "source"), []any{consent.EventSource}) || len(targets) != 1 {
		t.Fatalf("rule %v", rule.Properties)
	}
	tg := targets[0]
	if dig(tg, "Arn") != "GetAtt:WebhookDestination.Arn" || dig(tg, "RoleArn") != "GetAtt:WebhookRole.Arn" ||
		dig(tg, "RetryPolicy", "MaximumRetryAttempts") == nil || dig(tg, "DeadLetterConfig", "Arn") != "GetAtt:WebhookDLQ.Arn" {
		t.Errorf("rule target %v", tg)
	}
	trust, _ := dig(role.Properties, "AssumeRolePolicyDocument", "Statement").([]any)
	if len(trust) != 1 || dig(trust[0], "Principal", "Service") != "events.amazonaws.com" {
		t.Errorf("WebhookRole trust %v", trust)
	}
	pols, _ := role.Properties["Policies"].([]any)
	var grants []string
	for _, p := range pols {
		stmts, _ := dig(p, "PolicyDocument", "Statement").([]any)
		for _, s := range stmts {
			grants = append(grants, strings.Join(list(dig(s, "Action")), ",")+" on "+strings.Join(list(dig(s, "Resource")), ","))
		}
	}
	if !cmp.Equal(grants, []string{"events:InvokeApiDestination on GetAtt:WebhookDestination.Arn"}) {
		t.Errorf("WebhookRole grants %v", grants)
	}
	stmts, _ := dig(policy.Properties, "PolicyDocument", "Statement").([]any)
	if len(stmts) != 1 || dig(stmts[0], "Condition", "ArnEquals", "aws:SourceArn") != "GetAtt:WebhookRule.Arn" {
		t.Errorf("WebhookDLQPolicy %v", stmts)
	}
}
