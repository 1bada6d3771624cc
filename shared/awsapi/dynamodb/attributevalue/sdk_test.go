package attributevalue_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	sdkattributevalue "github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/sdkconv"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/attributevalue"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

type Inner struct {
	A string `dynamodbav:"a"`
	B *int   `dynamodbav:"b,omitempty"`
}

type Embedded struct {
	E1     string
	Shadow string `dynamodbav:"shadow"`
}

type zoo struct {
	Embedded
	*Inner                                      // untagged embedded pointer: its fields are promoted
	Shadow    string                            `dynamodbav:"shadow"` // shallower: hides Embedded.Shadow
	Plain     string                            // untagged: named by the field
	Skip      string                            `dynamodbav:"-"`
	unexp     string                            //nolint:unused // never encoded
	Str       string                            `dynamodbav:"str,omitempty"`
	EmptyStr  string                            `dynamodbav:"emptyStr"`
	Int       int                               `dynamodbav:"int"`
	Int8      int8                              `dynamodbav:"int8"`
	Uint      uint32                            `dynamodbav:"uint"`
	F32       float32                           `dynamodbav:"f32"`
	F64       float64                           `dynamodbav:"f64"`
	AsString  int                               `dynamodbav:"asString,string"`
	Num       json.Number                       `dynamodbav:"num"`
	Bool      bool                              `dynamodbav:"bool"`
	Bytes     []byte                            `dynamodbav:"bytes"`
	Array     [3]byte                           `dynamodbav:"array"`
	Strs      []string                          `dynamodbav:"strs"`
	SS        []string                          `dynamodbav:"ss,stringset"`
	NS        []int                             `dynamodbav:"ns,numberset"`
	BS        [][]byte                          `dynamodbav:"bs"`
	EmptySet  []string                          `dynamodbav:"emptySet,stringset"`
	Ptr       *Inner                            `dynamodbav:"ptr"`
	NilPtr    *Inner                            `dynamodbav:"nilPtr"`
	NilOmit   *Inner                            `dynamodbav:"nilOmit,omitempty"`
	PtrPtr    **string                          `dynamodbav:"ptrPtr"`
	Map       map[string]int                    `dynamodbav:"map"`
	IntKeys   map[int]string                    `dynamodbav:"intKeys"`
	MapElems  map[string]*Inner                 `dynamodbav:"mapElems,omitemptyelem"`
	List      []Inner                           `dynamodbav:"list"`
	Any       any                               `dynamodbav:"any"`
	AnyMap    map[string]any                    `dynamodbav:"anyMap"`
	Time      time.Time                         `dynamodbav:"time"`
	ZeroTime  time.Time                         `dynamodbav:"zeroTime,omitempty"`
	Unix      time.Time                         `dynamodbav:"unix,unixtime"`
	NullEmpty string                            `dynamodbav:"nullEmpty,nullempty"`
	Items     []map[string]types.AttributeValue `dynamodbav:"-"`
}

func sample() *zoo {
	two := 2
	str := "pp"
	pstr := &str
	return &zoo{
		Embedded: Embedded{E1: "e1", Shadow: "deep"}, Inner: &Inner{A: "promoted", B: &two},
		Shadow: "top", Plain: "plain", Skip: "skip", unexp: "x", Int: -3, Int8: 8, Uint: 9, F32: 1.5, F64: 1e-7, AsString: 42,
		Num: "12.50", Bool: true, Bytes: []byte{1, 2}, Array: [3]byte{7, 8, 9}, Strs: []string{"a", ""}, SS: []string{"x", "y"},
		NS: []int{1, 2}, BS: [][]byte{{1}, {2}}, EmptySet: []string{}, Ptr: &Inner{A: "p"}, PtrPtr: &pstr,
		Map: map[string]int{"one": 1}, IntKeys: map[int]string{5: "five"}, MapElems: map[string]*Inner{"nil": nil, "set": {A: "s"}},
		List: []Inner{{A: "l1"}, {A: "l2", B: &two}}, Any: map[string]any{"k": []any{"v", 1.5, true, nil}}, AnyMap: map[string]any{"n": 3.0},
		Time: time.Date(2026, 1, 2, 3, 4, 5, 600, time.FixedZone("Y", -7200)), Unix: time.Unix(1700000000, 5),
	}
}

var all = cmp.Exporter(func(reflect.Type) bool { return true })

// TestEncodeDecodeAsTheSDKs: for a value using every rule this package keeps (names from tags
// or fields, "-", omitempty, promoted fields of embedded structs and their shadowing, numbers
// of each kind, ",string", json.Number, []byte and byte arrays, lists, the set options and
// [][]byte, an empty set as NULL, nil and double pointers, maps with string and int keys,
// omitemptyelem, interfaces, times in RFC 3339 and unix seconds, nullempty), encoding gives
// the SDK's attribute values, and decoding the SDK's item gives what the SDK's decoder gives.
func TestEncodeDecodeAsTheSDKs(t *testing.T) {
	for name, v := range map[string]*zoo{"sample": sample(), "zero": {}} {
		t.Run(name, func(t *testing.T) {
			ours, err := attributevalue.NewEncoder().Encode(v)
			if err != nil {
				t.Fatal(err)
			}
			sdk, err := sdkattributevalue.NewEncoder().Encode(v)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(sdkconv.FromSDK(sdk), ours); diff != "" {
				t.Errorf("encoded (-SDK +ours):\n%s", diff)
			}
			var fromSDK, fromOurs zoo
			if err := sdkattributevalue.Unmarshal(sdk, &fromSDK); err != nil {
				t.Fatal(err)
			}
			if err := attributevalue.Unmarshal(ours, &fromOurs); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(fromSDK, fromOurs, all); diff != "" {
				t.Errorf("decoded (-SDK +ours):\n%s", diff)
			}
		})
	}
}

// TestDecodeMismatchesAsTheSDKs: an attribute of a kind the field cannot hold is an
// UnmarshalTypeError naming the same kind and type as the SDK's (how a previous release meets a
// sealed, binary, token); a NULL clears a pointer; attribute names match fields
// case-insensitively when no name matches exactly; a time that is not RFC 3339 is an
// UnmarshalError.
func TestDecodeMismatchesAsTheSDKs(t *testing.T) {
	type rec struct {
		Token string    `dynamodbav:"token"`
		Count int       `dynamodbav:"count"`
		Ptr   *Inner    `dynamodbav:"ptr"`
		Named string    `dynamodbav:"namedAttr"`
		When  time.Time `dynamodbav:"when"`
	}
	cases := map[string]map[string]types.AttributeValue{
		"binary into string": {"token": &types.AttributeValueMemberB{Value: []byte{1}}},
		"string into int":    {"count": &types.AttributeValueMemberS{Value: "1"}},
		"list into struct":   {"ptr": &types.AttributeValueMemberL{}},
		"overflow":           {"count": &types.AttributeValueMemberN{Value: "99999999999999999999"}},
		"null pointer":       {"ptr": &types.AttributeValueMemberNULL{Value: true}},
		"case-insensitive":   {"NAMEDATTR": &types.AttributeValueMemberS{Value: "x"}},
		"bad time":           {"when": &types.AttributeValueMemberS{Value: "yesterday"}},
		"unix time as N":     {"when": &types.AttributeValueMemberN{Value: "1700000000"}},
	}
	for name, item := range cases {
		t.Run(name, func(t *testing.T) {
			ours, sdk := rec{Ptr: &Inner{A: "before"}}, rec{Ptr: &Inner{A: "before"}}
			err := attributevalue.UnmarshalMap(item, &ours)
			serr := sdkattributevalue.UnmarshalMap(sdkconv.ItemToSDK(item), &sdk)
			if diff := cmp.Diff(sdk, ours, all); diff != "" {
				t.Errorf("decoded (-SDK +ours):\n%s", diff)
			}
			if (err == nil) != (serr == nil) {
				t.Fatalf("errors: ours %v, SDK %v", err, serr)
			}
			if err == nil {
				return
			}
			if err.Error() != serr.Error() {
				t.Errorf("error %q, SDK %q", err, serr)
			}
			var te *attributevalue.UnmarshalTypeError
			var ste *sdkattributevalue.UnmarshalTypeError
			if errors.As(err, &te) != errors.As(serr, &ste) {
				t.Errorf("UnmarshalTypeError: ours %v, SDK %v", err, serr)
			}
		})
	}
}

// TestMarshalMapAndLists: MarshalMap and UnmarshalListOfMaps, as the SDK's.
func TestMarshalMapAndLists(t *testing.T) {
	v := Inner{A: "x"}
	m, err := attributevalue.MarshalMap(v)
	if err != nil {
		t.Fatal(err)
	}
	sm, _ := sdkattributevalue.MarshalMap(v)
	if diff := cmp.Diff(sdkconv.ItemFromSDK(sm), m); diff != "" {
		t.Errorf("MarshalMap (-SDK +ours):\n%s", diff)
	}
	var got, want []Inner
	if err := attributevalue.UnmarshalListOfMaps([]map[string]types.AttributeValue{m, m}, &got); err != nil {
		t.Fatal(err)
	}
	_ = sdkattributevalue.UnmarshalListOfMaps([]map[string]sdktypes.AttributeValue{sm, sm}, &want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("UnmarshalListOfMaps (-SDK +ours):\n%s", diff)
	}
}
