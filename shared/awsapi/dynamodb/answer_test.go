package dynamodb

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type answer interface {
	DecodeAnswer([]byte) bool
}

// TestDecodeAnswerAsEncodingJSON: an output decodes a plain answer in one pass exactly as
// encoding/json and its UnmarshalJSON decode it, and leaves any other answer to them (a
// member named in another case, a repeated or unknown member, an error, not an object).
func TestDecodeAnswerAsEncodingJSON(t *testing.T) {
	item := `{"pk":{"S":"a"},"n":{"N":"1"},"l":{"L":[{"M":{"b":{"B":"AAH/"}}},null]}}`
	cc := `{"CapacityUnits":1.5,"TableName":"t","Table":{"ReadCapacityUnits":0.5}}`
	cases := []struct {
		plain bool // decoded in one pass
		body  string
		out   func() answer
	}{
		{true, `{}`, func() answer { return &GetItemOutput{} }},
		{true, `{"Item":` + item + `}`, func() answer { return &GetItemOutput{} }},
		{true, ` { "Item" : null , "ConsumedCapacity" : ` + cc + ` } `, func() answer { return &GetItemOutput{} }},
		{false, `{"item":` + item + `}`, func() answer { return &GetItemOutput{} }},
		{false, `{"Item":` + item + `,"Item":{}}`, func() answer { return &GetItemOutput{} }},
		{false, `{"Item":` + item + `,"Other":1}`, func() answer { return &GetItemOutput{} }},
		{false, `{"Item":{"pk":{"S":1}}}`, func() answer { return &GetItemOutput{} }},
		{false, `{"ConsumedCapacity":{"CapacityUnits":"x"}}`, func() answer { return &GetItemOutput{} }},
		{false, `null`, func() answer { return &GetItemOutput{} }},
		{false, `{"Item":{}} x`, func() answer { return &GetItemOutput{} }},
		{true, `{"Responses":{"t":[` + item + `,` + item + `],"u":[],"v":null},"UnprocessedKeys":{"t":{"Keys":[{"pk":{"S":"b"}}],"ConsistentRead":true}},"ConsumedCapacity":[` + cc + `]}`, func() answer { return &BatchGetItemOutput{} }},
		{true, `{"Responses":{},"UnprocessedKeys":{}}`, func() answer { return &BatchGetItemOutput{} }},
		{false, `{"Responses":{"t":[],"t":[` + item + `]}}`, func() answer { return &BatchGetItemOutput{} }},
		{false, `{"Responses":{"t":{}}}`, func() answer { return &BatchGetItemOutput{} }},
		{false, `{"Responses":[]}`, func() answer { return &BatchGetItemOutput{} }},
		{true, `{"Count":2,"Items":[` + item + `,{}],"LastEvaluatedKey":{"pk":{"S":"a"}},"ScannedCount":3}`, func() answer { return &QueryOutput{} }},
		{true, `{"Count":0,"Items":[],"ScannedCount":0}`, func() answer { return &ScanOutput{} }},
		{false, `{"Count":1.5,"Items":[]}`, func() answer { return &QueryOutput{} }},
		{false, `{"count":1,"Items":[]}`, func() answer { return &ScanOutput{} }},
		{true, `{"Attributes":` + item + `,"ItemCollectionMetrics":{"ItemCollectionKey":{"pk":{"S":"a"}},"SizeEstimateRangeGB":[0,1]}}`, func() answer { return &PutItemOutput{} }},
		{true, `{"Attributes":` + item + `}`, func() answer { return &UpdateItemOutput{} }},
		{true, `{}`, func() answer { return &DeleteItemOutput{} }},
		{false, `{"Attributes":[]}`, func() answer { return &DeleteItemOutput{} }},
	}
	for _, c := range cases {
		fast, slow := c.out(), c.out()
		ok := fast.DecodeAnswer([]byte(c.body))
		if ok != c.plain {
			t.Errorf("%T %s: one pass %v, want %v", fast, c.body, ok, c.plain)
		}
		if ok {
			checkAnswer(t, []byte(c.body), fast, slow)
		}
	}
}

// checkAnswer checks that encoding/json decodes data into slow as fast has it.
func checkAnswer(t *testing.T, data []byte, fast, slow answer) {
	t.Helper()
	if err := json.Unmarshal(data, slow); err != nil {
		t.Errorf("%T %s: one pass, but encoding/json: %v", fast, data, err)
	} else if diff := cmp.Diff(slow, fast); diff != "" {
		t.Errorf("%T %s (-encoding/json +one pass):\n%s", fast, data, diff)
	}
}

// FuzzDecodeAnswer: what an output decodes in one pass, encoding/json decodes the same. Run
// with go test -run '^$' -fuzz FuzzDecodeAnswer -fuzztime 30s ./shared/awsapi/dynamodb/
func FuzzDecodeAnswer(f *testing.F) {
	for _, s := range []string{`{"Item":{"a":{"S":"x"}}}`, `{"Responses":{"t":[{"a":{"N":"1"}}]},"UnprocessedKeys":{}}`,
		`{"Count":1,"Items":[{"a":{"L":[]}}],"ScannedCount":1,"LastEvaluatedKey":{"a":{"S":"x"}}}`,
		`{"Attributes":{"a":{"M":{}}},"ConsumedCapacity":{"CapacityUnits":1}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, out := range []func() answer{
			func() answer { return &GetItemOutput{} }, func() answer { return &BatchGetItemOutput{} },
			func() answer { return &QueryOutput{} }, func() answer { return &PutItemOutput{} },
		} {
			if fast := out(); fast.DecodeAnswer(data) {
				checkAnswer(t, data, fast, out())
			}
		}
	})
}
