package types

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAttributeValueJSON: each kind's wire form decodes to its member and encodes back to the
// same JSON; a value with no member, two members or a member of the wrong JSON type is an error.
func TestAttributeValueJSON(t *testing.T) {
	for wire, want := range map[string]AttributeValue{
		`{"S":"x"}`:                          &AttributeValueMemberS{Value: "x"},
		`{"N":"-1.5e3"}`:                     &AttributeValueMemberN{Value: "-1.5e3"},
		`{"B":"AAH/"}`:                       &AttributeValueMemberB{Value: []byte{0, 1, 0xff}},
		`{"BOOL":true}`:                      &AttributeValueMemberBOOL{Value: true},
		`{"NULL":true}`:                      &AttributeValueMemberNULL{Value: true},
		`{"SS":["a","b"]}`:                   &AttributeValueMemberSS{Value: []string{"a", "b"}},
		`{"NS":["1","2"]}`:                   &AttributeValueMemberNS{Value: []string{"1", "2"}},
		`{"BS":["AQ==","Ag=="]}`:             &AttributeValueMemberBS{Value: [][]byte{{1}, {2}}},
		`{"L":[{"S":"a"},{"L":[]}]}`:         &AttributeValueMemberL{Value: []AttributeValue{&AttributeValueMemberS{Value: "a"}, &AttributeValueMemberL{Value: []AttributeValue{}}}},
		`{"M":{"k":{"M":{}},"n":{"N":"1"}}}`: &AttributeValueMemberM{Value: map[string]AttributeValue{"k": &AttributeValueMemberM{Value: map[string]AttributeValue{}}, "n": &AttributeValueMemberN{Value: "1"}}},
		`{"NEW":{"x":[1]}}`:                  &UnknownUnionMember{Tag: "NEW", Value: []byte(`{"x":[1]}`)},
	} {
		got, err := UnmarshalAttributeValueJSON([]byte(wire))
		if err != nil {
			t.Fatalf("%s: %v", wire, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s decoded (-want +got):\n%s", wire, diff)
		}
		back, err := json.Marshal(got)
		if err != nil || string(back) != wire {
			t.Errorf("%s encoded back as %s (%v)", wire, back, err)
		}
	}
	for _, bad := range []string{`{}`, `{"S":"a","N":"1"}`, `{"S":1}`, `{"B":"not base64!"}`, `{"L":{}}`, `{"M":[]}`, `"S"`} {
		if _, err := UnmarshalAttributeValueJSON([]byte(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
	if av, err := UnmarshalAttributeValueJSON([]byte(`null`)); av != nil || err != nil {
		t.Errorf("null: %v %v, want nil", av, err)
	}
}

// TestModelledFieldsJSON: the structures holding attribute values decode them (a cancellation
// reason's item, unprocessed keys, item collection keys).
func TestModelledFieldsJSON(t *testing.T) {
	var r CancellationReason
	if err := json.Unmarshal([]byte(`{"Code":"ConditionalCheckFailed","Message":"m","Item":{"pk":{"S":"a"}}}`), &r); err != nil {
		t.Fatal(err)
	}
	if r.Code == nil || *r.Code != "ConditionalCheckFailed" || r.Message == nil || r.Item["pk"].(*AttributeValueMemberS).Value != "a" {
		t.Errorf("reason %+v", r)
	}
	var k KeysAndAttributes
	if err := json.Unmarshal([]byte(`{"Keys":[{"pk":{"S":"a"}}],"ConsistentRead":true,"ProjectionExpression":"pk"}`), &k); err != nil {
		t.Fatal(err)
	}
	if len(k.Keys) != 1 || k.ConsistentRead == nil || !*k.ConsistentRead || *k.ProjectionExpression != "pk" {
		t.Errorf("keys %+v", k)
	}
	var m ItemCollectionMetrics
	if err := json.Unmarshal([]byte(`{"ItemCollectionKey":{"pk":{"S":"a"}},"SizeEstimateRangeGB":[0,1]}`), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.ItemCollectionKey) != 1 || len(m.SizeEstimateRangeGB) != 2 {
		t.Errorf("metrics %+v", m)
	}
}
