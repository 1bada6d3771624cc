package consent

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	sdkattributevalue "github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/sdkconv"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// sdkEncoder is the codec's encoder as the previous releases built it, with the SDK's
// attributevalue.
var sdkEncoder = sdkattributevalue.NewEncoder(func(o *sdkattributevalue.EncoderOptions) {
	o.OmitEmptyTime = true
	o.EncodeTime = func(t time.Time) (sdktypes.AttributeValue, error) {
		return &sdktypes.AttributeValueMemberS{Value: t.UTC().Format(timeLayout)}, nil
	}
})

// records are the store's item types, each as a pointer to its zero value.
func records() []any {
	return []any{&Consent{}, &Tokens{}, &AuthSession{}, &Payment{}, &PaymentStatusChange{}, &Reconfirmation{},
		&SharedAccounts{}, &SharedAccount{}, &DueAccount{}, &OutboxEvent{}, &OutboxKey{}, &CreateKey{}, &DueToken{},
		&DuePayment{}, &DueDeadline{}, &PendingExchange{}, &SealMarker{}, &certState{}}
}

// populate sets every exported field of the struct v points to, recursively, to a value that
// is not its zero: strings, numbers, booleans, times (with nanoseconds, not in UTC), []byte,
// slices of two, pointers to populated structs. empty instead sets slices and maps to empty,
// not nil.
func populate(v reflect.Value, seed int, empty bool) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		populate(v.Elem(), seed, empty)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2026, 3, 4, 5, 6, 7, 123456789+seed, time.FixedZone("X", 3600))))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				populate(v.Field(i), seed+i+1, empty)
			}
		}
	case reflect.String:
		v.SetString(fmt.Sprintf("v%d \"ü\"", seed))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(seed*1000 + 7))
	case reflect.Slice:
		if empty {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte{0, byte(seed), 0xff})
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		populate(v.Index(0), seed+100, empty)
		populate(v.Index(1), seed+200, empty)
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
	}
}

// TestCodecAsTheSDKs: the codec's encoder and decoder (shared/awsapi/dynamodb/attributevalue
// with the store's options) encode every record type, zero, populated, and with empty slices,
// into the same attribute values as the SDK's attributevalue with the same options (what the
// previous releases wrote), and decode the SDK's items into the same records as the SDK's
// decoder; a populated record survives encode and decode as the SDK's does.
func TestCodecAsTheSDKs(t *testing.T) {
	eq := cmp.Exporter(func(reflect.Type) bool { return true })
	for _, rec := range records() {
		typ := reflect.TypeOf(rec).Elem()
		for _, variant := range []string{"zero", "populated", "empty slices"} {
			t.Run(typ.Name()+"/"+variant, func(t *testing.T) {
				v := reflect.New(typ)
				if variant != "zero" {
					populate(v.Elem(), 0, variant == "empty slices")
				}
				ours, err := encoder.Encode(v.Interface())
				if err != nil {
					t.Fatal(err)
				}
				sdk, err := sdkEncoder.Encode(v.Interface())
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(sdkconv.FromSDK(sdk), ours); diff != "" {
					t.Errorf("encoded (-SDK +ours):\n%s", diff)
				}
				item := sdk.(*sdktypes.AttributeValueMemberM).Value
				fromSDK, fromOurs := reflect.New(typ), reflect.New(typ)
				if err := sdkattributevalue.UnmarshalMap(item, fromSDK.Interface()); err != nil {
					t.Fatal(err)
				}
				if err := unmarshal(sdkconv.ItemFromSDK(item), fromOurs.Interface()); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(fromSDK.Interface(), fromOurs.Interface(), eq); diff != "" {
					t.Errorf("decoded (-SDK +ours):\n%s", diff)
				}
			})
		}
	}
}

// TestCodecKeepsTheKey: marshal adds the item's key to the encoded record.
func TestCodecKeepsTheKey(t *testing.T) {
	item, err := marshal(&Tokens{ConsentID: "c1"}, "CONSENT#c1", skToken)
	if err != nil {
		t.Fatal(err)
	}
	if pk, _ := item["pk"].(*types.AttributeValueMemberS); pk == nil || pk.Value != "CONSENT#c1" {
		t.Errorf("pk = %#v", item["pk"])
	}
	if sk, _ := item["sk"].(*types.AttributeValueMemberS); sk == nil || sk.Value != skToken {
		t.Errorf("sk = %#v", item["sk"])
	}
}
