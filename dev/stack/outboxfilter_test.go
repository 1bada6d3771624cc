package stack

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

// TestRealTemplateOutboxFilter: the events function's mapping in the repository's
// template.yaml, evaluated as Lambda evaluates FilterCriteria (the stack's matcher), admits
// the INSERT of an outbox item (sk E#…) and nothing else: not the publisher's own mark (a
// MODIFY), not a TTL deletion (a REMOVE), not the insert of a consent, tokens, session,
// payment or index-only item, nor a key that merely contains E#.
func TestRealTemplateOutboxFilter(t *testing.T) {
	tmpl, err := LoadTemplate("../../template.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	var m *StreamMapping
	for i := range tmpl.StreamMappings {
		if tmpl.StreamMappings[i].Function == "EventsFunction" {
			m = &tmpl.StreamMappings[i]
		}
	}
	if m == nil || len(m.Filters) == 0 {
		t.Fatalf("no filtered stream mapping for EventsFunction: %+v", tmpl.StreamMappings)
	}
	for _, tc := range []struct {
		name, eventName, sk string
		want                bool
	}{
		{"outbox insert", "INSERT", "E#000000000001", true},
		{"certificate event insert", "INSERT", "E#000000000007", true},
		{"publisher's mark", "MODIFY", "E#000000000001", false},
		{"TTL deletion of a published event", "REMOVE", "E#000000000001", false},
		{"consent", "INSERT", "META", false},
		{"consent update", "MODIFY", "META", false},
		{"tokens", "INSERT", "TOKEN", false},
		{"tokens rotated", "MODIFY", "TOKEN", false},
		{"auth session", "INSERT", "SESSION", false},
		{"payment record", "INSERT", "PAYMENT#k-1", false},
		{"a key containing E# later", "INSERT", "XE#1", false},
	} {
		keys := map[string]events.DynamoDBAttributeValue{
			"pk": events.NewStringAttribute("CONSENT#c-1"), "sk": events.NewStringAttribute(tc.sk)}
		rec := events.DynamoDBEventRecord{EventName: tc.eventName, EventSource: "aws:dynamodb",
			Change: events.DynamoDBStreamRecord{Keys: keys, StreamViewType: "NEW_IMAGE"}}
		if tc.eventName != "REMOVE" {
			rec.Change.NewImage = keys
		}
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		got, err := matchesAny(m.Filters, b)
		if err != nil || got != tc.want {
			t.Errorf("%s: admitted %v (%v), want %v", tc.name, got, err, tc.want)
		}
	}
}
