package stack

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

// outboxFilter is the filter the connector's events mapping uses: outbox inserts only.
const outboxFilter = `{"eventName":["INSERT"],"dynamodb":{"Keys":{"sk":{"S":[{"prefix":"E#"}]}}}}`

// TestFilterPattern: the records a pattern lets through are exactly those Lambda's filter
// would; outbox inserts pass, and token items, outbox updates and deletions (TTL's included,
// which DynamoDB writes as REMOVE by the service) never reach the function.
func TestFilterPattern(t *testing.T) {
	t.Parallel()
	rec := func(name, sk string, ttlDelete bool) []byte {
		r := events.DynamoDBEventRecord{EventName: name, EventSource: "aws:dynamodb", Change: events.DynamoDBStreamRecord{
			Keys: map[string]events.DynamoDBAttributeValue{"pk": events.NewStringAttribute("C#1"), "sk": events.NewStringAttribute(sk)},
			NewImage: map[string]events.DynamoDBAttributeValue{"n": events.NewNumberAttribute("5"),
				"tags": events.NewListAttribute([]events.DynamoDBAttributeValue{events.NewStringAttribute("x")})}}}
		if ttlDelete {
			r.UserIdentity = &events.DynamoDBUserIdentity{Type: "Service", PrincipalID: "dynamodb.amazonaws.com"}
		}
		b, _ := json.Marshal(r)
		return b
	}
	for _, c := range []struct {
		name, pattern string
		record        []byte
		want          bool
	}{
		{"outbox insert", outboxFilter, rec("INSERT", "E#00000001", false), true},
		{"outbox update", outboxFilter, rec("MODIFY", "E#00000001", false), false},
		{"outbox deletion", outboxFilter, rec("REMOVE", "E#00000001", false), false},
		{"TTL deletion", outboxFilter, rec("REMOVE", "E#00000001", true), false},
		{"token item insert", outboxFilter, rec("INSERT", "TOKENS", false), false},
		{"token item update", outboxFilter, rec("MODIFY", "TOKENS", false), false},
		{"prefix is not a substring", outboxFilter, rec("INSERT", "XE#1", false), false},
		{"one of several values", `{"eventName":["MODIFY","INSERT"]}`, rec("INSERT", "A", false), true},
		{"numbers by value", `{"dynamodb":{"NewImage":{"n":{"N":["5"]}}}}`, rec("INSERT", "A", false), true},
		{"a list field by any element", `{"dynamodb":{"NewImage":{"tags":{"L":{"S":["x"]}}}}}`, rec("INSERT", "A", false), true},
		{"exists false on a missing field", `{"userIdentity":[{"exists":false}]}`, rec("REMOVE", "A", false), true},
		{"exists false on a TTL deletion", `{"userIdentity":[{"exists":false}]}`, rec("REMOVE", "A", true), false},
		{"exists true", `{"userIdentity":{"type":[{"exists":true}]}}`, rec("REMOVE", "A", true), true},
		{"anything-but", `{"eventName":[{"anything-but":["REMOVE"]}]}`, rec("MODIFY", "A", false), true},
		{"anything-but refuses", `{"eventName":[{"anything-but":"REMOVE"}]}`, rec("REMOVE", "A", false), false},
		{"anything-but needs the field", `{"missing":[{"anything-but":"x"}]}`, rec("REMOVE", "A", false), false},
		{"suffix", `{"dynamodb":{"Keys":{"sk":{"S":[{"suffix":"01"}]}}}}`, rec("INSERT", "E#00000001", false), true},
		{"equals-ignore-case", `{"eventName":[{"equals-ignore-case":"insert"}]}`, rec("INSERT", "A", false), true},
		{"a nested object where a value is", `{"eventName":{"S":["INSERT"]}}`, rec("INSERT", "A", false), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := ParseFilterPattern(c.pattern)
			if err != nil {
				t.Fatal(err)
			}
			got, err := matchesAny([]FilterPattern{p}, c.record)
			if err != nil || got != c.want {
				t.Errorf("match = %v, %v; want %v", got, err, c.want)
			}
		})
	}
	if ok, err := matchesAny(nil, rec("REMOVE", "A", false)); !ok || err != nil {
		t.Errorf("no pattern: %v %v; want every record", ok, err)
	}
}

// TestFilterPatternRefused: a pattern the stack cannot read exactly is an error, never a
// filter that lets everything (or nothing) through.
func TestFilterPatternRefused(t *testing.T) {
	t.Parallel()
	for _, p := range []string{
		`{"eventName":"INSERT"}`,                  // a leaf must be a list
		`{"eventName":[]}`,                        // matches nothing
		`{}`,                                      // matches everything
		`{"n":[{"numeric":[">",1]}]}`,             // not implemented locally
		`{"n":[{"prefix":1}]}`,                    // prefix of a number
		`{"n":[{"prefix":"a","suffix":"b"}]}`,     // two operators in one object
		`{"n":[{"anything-but":{"prefix":"a"}}]}`, // not implemented locally
		`not json`,
	} {
		if _, err := ParseFilterPattern(p); err == nil {
			t.Errorf("ParseFilterPattern(%s) accepted", p)
		}
	}
}
