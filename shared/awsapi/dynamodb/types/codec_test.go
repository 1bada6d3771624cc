package types

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// decodeCorpus is attribute values' wire forms, valid and not: every kind, null and empty
// members, members of the wrong JSON type, escapes, unicode and invalid UTF-8, unknown kinds,
// repeated keys, whitespace, and broken JSON.
var decodeCorpus = []string{
	`{"S":"x"}`, `{"S":""}`, `{"S":null}`, `{"N":"-1.5e3"}`, `{"N":"123456789012345678901234567890.123456789"}`,
	`{"N":null}`, `{"B":"AAH/"}`, `{"B":""}`, `{"B":null}`, `{"B":"AA\nH/"}`, `{"B":"AA\u0041/"}`, `{"B":"AAH"}`,
	`{"B":"not base64!"}`, `{"B":"\u00e9"}`, `{"B":[1,2,255]}`, `{"B":[]}`, `{"B":[null,0]}`, `{"B":[256]}`,
	`{"B":[-0]}`, `{"B":[1.0]}`, `{"B":[1e2]}`, `{"B":["1"]}`, `{"B":[[1]]}`, `{"B":1}`, `{"B":true}`, `{"B":{}}`,
	`{"BOOL":true}`, `{"BOOL":false}`, `{"BOOL":null}`, `{"BOOL":"x"}`, `{"BOOL":1}`, `{"NULL":true}`, `{"NULL":[]}`,
	`{"SS":["a","b"]}`, `{"SS":[]}`, `{"SS":null}`, `{"SS":["a",null]}`, `{"SS":[1]}`, `{"SS":"a"}`, `{"SS":{}}`,
	`{"NS":["1","2"]}`, `{"NS":[true]}`, `{"BS":["AQ==","Ag=="]}`, `{"BS":[]}`, `{"BS":null}`, `{"BS":[null,"",[7]]}`,
	`{"BS":["!"]}`, `{"BS":"AQ=="}`, `{"L":[{"S":"a"},{"L":[]}]}`, `{"L":[]}`, `{"L":null}`, `{"L":[null]}`,
	`{"L":[1]}`, `{"L":["x"]}`, `{"L":{}}`, `{"L":[{}]}`, `{"L":[{"S":1}]}`,
	`{"M":{"k":{"M":{}},"n":{"N":"1"}}}`, `{"M":{}}`, `{"M":null}`, `{"M":[]}`, `{"M":{"k":null}}`, `{"M":{"k":1}}`,
	`{"M":{"a":{"L":[{"M":{"b":{"L":[{"M":{"c":{"SS":["d"]}}}]}}}]}}}`,
	`{"NEW":{"x":[1]}}`, `{"NEW":null}`, `{"NEW":"s"}`, `{"NEW": { "x" : [ 1 , "\u00e9" ] } }`, `{"":1}`,
	`{"S":"\"\\\/\b\f\n\r\t\u00e9\u2028"}`, `{"S":"\ud83d\ude00"}`, `{"S":"\ud83d"}`, `{"S":"\ude00x"}`,
	"{\"S\":\"\xff\xfe\"}", "{\"S\":\"caf\xc3\xa9 \xe2\x82\"}", "{\"S\":\"\xed\xa0\x80\"}", `{"S":"é😀<>&"}`,
	"{\"S\":\"a\x01\"}", "{\"S\":\"a\x7f\"}", `{"\u0053":"escaped tag"}`, "{\"S\xff\":\"x\"}",
	`{"S":"a","S":"b"}`, `{"S":1,"S":"b"}`, `{"S":"a","S":1}`, `{"S":"a","N":"1"}`, `{"S":"a","N":"1","S":"b"}`,
	`{"S":"a","S":"b","N":"1"}`, `{}`, `null`, ``, `  `, " \t\n\r{ \"S\" :\t\"x\" }\n ", "\v null", "\u00a0null",
	`"S"`, `1`, `true`, `[]`, `[{"S":"x"}]`,
	`{"S":"x"`, `{"S":"x"}}`, `{"S":"x"} x`, `{"S":"x",}`, `{"S" "x"}`, `{S:"x"}`, `{"S":'x'}`, `{"S":"x\q"}`,
	`{"S":"\u12"}`, `{"S":"\u12g4"}`, "{\"S\":\"a\nb\"}", `{"S":nul}`, `{"S":nulll}`, `{"NEW":01}`, `{"NEW":-}`,
	`{"NEW":1.}`, `{"NEW":1e}`, `{"NEW":.5}`, `{"NEW":-0.5e+10}`, `{"NEW":[1,]}`, `{"NEW":[,1]}`, `{"NEW":tru}`,
	`{"NEW":{"a":1,"a":{"b":[]}}}`, "\xef\xbb\xbf{\"S\":\"x\"}", `{"S":"x"}null`,
}

// itemCorpus is items' and lists of items' wire forms beyond the values above.
var itemCorpus = []string{
	`{}`, `{"a":{"S":"x"},"b":null}`, `{"a":{"S":1},"a":{"S":"x"}}`, `{"a":{"S":"x"},"a":{"S":1}}`,
	`{"a":{"S":"x","N":"1"},"a":{"S":"y"}}`, `{"a":{"S":1},"b":{"S":1}}`, `{"a":1}`, `[]`, `[null]`, `[{}]`,
	`[{"a":{"S":"x"}},null,{}]`, `[{"a":{"S":1}}]`, `[1]`, `{"a":{"S":"x"}`, `{"é\u00e9":{"N":"1"}}`, `"x"`,
}

func TestDecodeAgainstReference(t *testing.T) {
	for _, v := range decodeCorpus {
		checkDecode(t, v)
		// The same value inside an item, a list of items, a list and a map.
		checkDecode(t, `{"a":`+v+`}`)
		checkDecode(t, `[{"a":{"S":"x"}},{"a":`+v+`}]`)
		checkDecode(t, `{"L":[{"S":"x"},`+v+`]}`)
		checkDecode(t, `{"M":{"k":`+v+`,"z":{"N":"1"}}}`)
	}
	for _, v := range itemCorpus {
		checkDecode(t, v)
	}
	// encoding/json's nesting limit: 10,000 arrays and objects (the reference is too slow at
	// that depth: whether encoding/json takes the JSON is its verdict, the leaf being null).
	for _, depth := range []int{9999, 10000, 10001} {
		lists := (depth - 1) / 2 // an item, then {"L":[ per level
		deep := `{"a":` + strings.Repeat(`{"L":[`, lists) + `null` + strings.Repeat(`]}`, lists) + `}`
		if depth%2 == 0 {
			deep = `[` + deep + `]`
		}
		_, err := UnmarshalItemsJSON([]byte(deep))
		if depth%2 == 1 {
			_, err = UnmarshalItemJSON([]byte(deep))
		}
		if (err == nil) != json.Valid([]byte(deep)) || (err == nil) != (depth <= 10000) {
			t.Errorf("depth %d: error %v", depth, err)
		}
	}
}

// checkDecode decodes data as an attribute value, an item and a list of items, and checks
// that the results (the value, or whether it is an error) and their encodings are the
// reference's.
func checkDecode(t testing.TB, data string) {
	t.Helper()
	same := func(entry string, want, got any, wantErr, gotErr error) bool {
		t.Helper()
		if (wantErr != nil) != (gotErr != nil) {
			t.Errorf("%s(%q): error %v, reference's %v", entry, data, gotErr, wantErr)
			return false
		}
		if wantErr == nil {
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s(%q) (-reference +new):\n%s", entry, data, diff)
				return false
			}
		}
		return wantErr == nil
	}
	wantV, wantErr := refDecode([]byte(data))
	gotV, gotErr := UnmarshalAttributeValueJSON([]byte(data))
	if same("UnmarshalAttributeValueJSON", wantV, gotV, wantErr, gotErr) {
		checkEncode(t, gotV)
	}
	wantI, wantErr := refDecodeItem([]byte(data))
	gotI, gotErr := UnmarshalItemJSON([]byte(data))
	if same("UnmarshalItemJSON", wantI, gotI, wantErr, gotErr) {
		checkEncode(t, &AttributeValueMemberM{Value: gotI})
	}
	wantL, wantErr := refDecodeItems([]byte(data))
	gotL, gotErr := UnmarshalItemsJSON([]byte(data))
	same("UnmarshalItemsJSON", wantL, gotL, wantErr, gotErr)
}

// checkEncode checks that av encodes as the reference encodes it (or fails as it does), by
// its MarshalJSON and, for a map, inside a request encoded by encoding/json.
func checkEncode(t testing.TB, av AttributeValue) {
	t.Helper()
	want, wantErr := refEncode(av)
	got, gotErr := []byte("null"), error(nil)
	if m, ok := av.(json.Marshaler); ok {
		got, gotErr = m.MarshalJSON()
	}
	if (wantErr != nil) != (gotErr != nil) || string(got) != string(want) {
		t.Errorf("encoding %#v:\n got %s (%v)\nwant %s (%v)", av, got, gotErr, want, wantErr)
		return
	}
	if m, ok := av.(*AttributeValueMemberM); ok && m.Value != nil && wantErr == nil {
		wantReq, err1 := json.Marshal(map[string]any{"Item": json.RawMessage(want[len(`{"M":`) : len(want)-1])})
		gotReq, err2 := json.Marshal(struct{ Item map[string]AttributeValue }{m.Value})
		if err1 != nil || err2 != nil || string(gotReq) != string(wantReq) {
			t.Errorf("request with item %#v:\n got %s (%v)\nwant %s (%v)", m.Value, gotReq, err2, wantReq, err1)
		}
	}
}

// TestEncodeAgainstReference: values built in Go (not decoded) encode as the reference
// encodes them: every byte of a string, invalid UTF-8, the separators, nil and empty members,
// nil pointers in lists and maps, unknown kinds (compacted, or an error when not JSON).
func TestEncodeAgainstReference(t *testing.T) {
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
	}
	strs := []string{"", "plain", all.String(), "\u2028\u2029 é 😀 \ufffd", "\xed\xa0\x80 \xc3", "<a href=\"x\">&amp;</a>", "\\\"/"}
	values := []AttributeValue{
		nil, &AttributeValueMemberB{}, &AttributeValueMemberB{Value: []byte{}}, &AttributeValueMemberB{Value: []byte(all.String())},
		&AttributeValueMemberBOOL{}, &AttributeValueMemberBOOL{Value: true}, &AttributeValueMemberNULL{Value: true},
		&AttributeValueMemberBS{}, &AttributeValueMemberBS{Value: [][]byte{}}, &AttributeValueMemberBS{Value: [][]byte{nil, {}, {0xfb, 0xff}}},
		&AttributeValueMemberSS{}, &AttributeValueMemberSS{Value: []string{}}, &AttributeValueMemberSS{Value: strs},
		&AttributeValueMemberNS{}, &AttributeValueMemberNS{Value: []string{"1", "-2.5e10"}},
		&AttributeValueMemberL{}, &AttributeValueMemberL{Value: []AttributeValue{}},
		&AttributeValueMemberL{Value: []AttributeValue{nil, (*AttributeValueMemberS)(nil), (*AttributeValueMemberM)(nil), &AttributeValueMemberL{}}},
		&AttributeValueMemberM{}, &AttributeValueMemberM{Value: map[string]AttributeValue{}},
		&AttributeValueMemberM{Value: map[string]AttributeValue{"z": nil, "a": (*AttributeValueMemberB)(nil), "<&>": &AttributeValueMemberM{}, "\xff": &AttributeValueMemberN{Value: "1"}, "é": &AttributeValueMemberS{Value: "x"}, "": &AttributeValueMemberL{}}},
		&UnknownUnionMember{Tag: "NEW", Value: []byte(` { "x" : [1, "<>"] } `)}, &UnknownUnionMember{Tag: "NEW"},
		&UnknownUnionMember{Tag: "NEW", Value: []byte(`{"x":`)},
		&AttributeValueMemberM{Value: map[string]AttributeValue{"u": &UnknownUnionMember{Tag: "NEW", Value: []byte(`[1, 2]`)}}},
		&AttributeValueMemberM{Value: map[string]AttributeValue{"u": &UnknownUnionMember{Tag: "NEW", Value: []byte(`{"x":`)}}},
		&AttributeValueMemberL{Value: []AttributeValue{&UnknownUnionMember{Tag: `a"b`, Value: []byte(`1`)}}},
	}
	for _, s := range strs {
		values = append(values, &AttributeValueMemberS{Value: s}, &AttributeValueMemberN{Value: s},
			&AttributeValueMemberM{Value: map[string]AttributeValue{s: &AttributeValueMemberS{Value: s}}})
	}
	values = append(values, &AttributeValueMemberL{Value: values}, &AttributeValueMemberM{Value: map[string]AttributeValue{"all": &AttributeValueMemberL{Value: values}}})
	for _, av := range values {
		checkEncode(t, av)
	}
}

// FuzzDecodeAgainstReference: any input decodes as the reference decodes it, and what decodes
// encodes as the reference encodes it. Run with
// go test -run '^$' -fuzz FuzzDecodeAgainstReference -fuzztime 30s ./shared/awsapi/dynamodb/types/
func FuzzDecodeAgainstReference(f *testing.F) {
	for _, v := range decodeCorpus {
		f.Add([]byte(v))
		f.Add([]byte(`{"a":` + v + `}`))
	}
	for _, v := range itemCorpus {
		f.Add([]byte(v))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecode(t, string(data))
	})
}
