package attributevalue

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"time"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// Decoder converts attribute values to Go values.
type Decoder struct{}

// NewDecoder returns a Decoder with the SDK's default options: a time.Time decodes from a
// String in RFC 3339 and from a Number in unix seconds, a Number into an interface{} is a
// float64.
func NewDecoder() *Decoder { return &Decoder{} }

// Unmarshal decodes av into out (a non-nil pointer).
func Unmarshal(av types.AttributeValue, out any) error { return NewDecoder().Decode(av, out) }

// UnmarshalMap decodes an item into out (a non-nil pointer to a struct or a map).
func UnmarshalMap(m map[string]types.AttributeValue, out any) error {
	return NewDecoder().Decode(&types.AttributeValueMemberM{Value: m}, out)
}

// UnmarshalListOfMaps decodes items into out (a non-nil pointer to a slice).
func UnmarshalListOfMaps(l []map[string]types.AttributeValue, out any) error {
	items := make([]types.AttributeValue, len(l))
	for i, m := range l {
		items[i] = &types.AttributeValueMemberM{Value: m}
	}
	return NewDecoder().Decode(&types.AttributeValueMemberL{Value: items}, out)
}

// Decode decodes av into out, which must be a non-nil pointer.
func (d *Decoder) Decode(av types.AttributeValue, out any) error {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return &InvalidUnmarshalError{Type: reflect.TypeOf(out)}
	}
	return d.decode(av, v, tag{})
}

func (d *Decoder) decode(av types.AttributeValue, v reflect.Value, ft tag) error {
	if _, null := av.(*types.AttributeValueMemberNULL); av == nil || null {
		v = indirect(v, true)
		if v.IsValid() && v.CanSet() {
			v.Set(reflect.Zero(v.Type()))
		}
		return nil
	}
	v = indirect(v, false)
	switch tv := av.(type) {
	case *types.AttributeValueMemberB:
		return decodeBinary(tv.Value, v)
	case *types.AttributeValueMemberBOOL:
		return decodeBool(tv.Value, v)
	case *types.AttributeValueMemberBS:
		return d.decodeSet(len(tv.Value), v, "binary set", func(i int, e reflect.Value) error { return decodeBinary(tv.Value[i], e) },
			func() any {
				set := make([][]byte, len(tv.Value))
				for i, b := range tv.Value {
					set[i] = append([]byte{}, b...)
				}
				return set
			})
	case *types.AttributeValueMemberL:
		return d.decodeList(tv.Value, v)
	case *types.AttributeValueMemberM:
		return d.decodeMap(tv.Value, v)
	case *types.AttributeValueMemberN:
		return decodeNumber(tv.Value, v, ft)
	case *types.AttributeValueMemberNS:
		return d.decodeSet(len(tv.Value), v, "number set", func(i int, e reflect.Value) error { return decodeNumber(tv.Value[i], e, tag{}) },
			func() any {
				set := make([]float64, len(tv.Value))
				for i, n := range tv.Value {
					f, _ := strconv.ParseFloat(n, 64)
					set[i] = f
				}
				return set
			})
	case *types.AttributeValueMemberS:
		return decodeString(tv.Value, v, ft)
	case *types.AttributeValueMemberSS:
		return d.decodeSet(len(tv.Value), v, "string set", func(i int, e reflect.Value) error { return decodeString(tv.Value[i], e, tag{}) },
			func() any { return append([]string{}, tv.Value...) })
	}
	return fmt.Errorf("unsupported AttributeValue type, %T", av)
}

// indirect follows pointers from v, allocating nil ones, to the value to set; for a NULL it
// stops at the first settable pointer (which NULL sets to nil). A non-nil interface holding a
// pointer is followed; another interface is the value to set.
func indirect(v reflect.Value, null bool) reflect.Value {
	for {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			if e := v.Elem(); e.Kind() == reflect.Pointer && !e.IsNil() && (!null || e.Elem().Kind() == reflect.Pointer) {
				v = e
				continue
			}
		}
		if v.Kind() != reflect.Pointer || (null && v.CanSet()) {
			return v
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
}

func decodeBinary(b []byte, v reflect.Value) error {
	switch {
	case v.Kind() == reflect.Interface:
		v.Set(reflect.ValueOf(append(make([]byte, 0, len(b)), b...)))
	case v.Type() == byteSliceType:
		v.Set(reflect.ValueOf(append(make([]byte, 0, len(b)), b...)))
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
		s := reflect.MakeSlice(v.Type(), len(b), len(b))
		for i, c := range b {
			s.Index(i).SetUint(uint64(c))
		}
		v.Set(s)
	case v.Kind() == reflect.Array && v.Type().Elem().Kind() == reflect.Uint8:
		reflect.Copy(v, reflect.ValueOf(b))
	default:
		return &UnmarshalTypeError{Value: "binary", Type: v.Type()}
	}
	return nil
}

func decodeBool(b bool, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Bool, reflect.Interface:
		v.Set(reflect.ValueOf(b).Convert(v.Type()))
		return nil
	}
	return &UnmarshalTypeError{Value: "bool", Type: v.Type()}
}

func decodeNumber(n string, v reflect.Value, ft tag) error {
	switch v.Kind() {
	case reflect.Interface:
		f, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(f))
	case reflect.String:
		v.SetString(n)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(n, 10, 64)
		if err != nil {
			return err
		}
		if v.OverflowInt(i) {
			return &UnmarshalTypeError{Value: fmt.Sprintf("number overflow, %s", n), Type: v.Type()}
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u, err := strconv.ParseUint(n, 10, 64)
		if err != nil {
			return err
		}
		if v.OverflowUint(u) {
			return &UnmarshalTypeError{Value: fmt.Sprintf("number overflow, %s", n), Type: v.Type()}
		}
		v.SetUint(u)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return err
		}
		if v.OverflowFloat(f) {
			return &UnmarshalTypeError{Value: fmt.Sprintf("number overflow, %s", n), Type: v.Type()}
		}
		v.SetFloat(f)
	default:
		if v.Type().ConvertibleTo(timeType) {
			// A Number is unix seconds, tagged unixtime or not (the SDK's default).
			t, err := decodeUnixTime(n)
			if err != nil {
				return err
			}
			v.Set(reflect.ValueOf(t).Convert(v.Type()))
			return nil
		}
		return &UnmarshalTypeError{Value: "number", Type: v.Type()}
	}
	return nil
}

func decodeUnixTime(n string) (time.Time, error) {
	s, err := strconv.ParseInt(n, 10, 64)
	if err != nil {
		return time.Time{}, &UnmarshalError{Err: err, Value: n, Type: timeType}
	}
	return time.Unix(s, 0), nil
}

func decodeString(s string, v reflect.Value, ft tag) error {
	if ft.AsString {
		return decodeNumber(s, v, ft)
	}
	if v.Type().ConvertibleTo(timeType) {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return &UnmarshalError{Err: err, Value: s, Type: timeType}
		}
		v.Set(reflect.ValueOf(t).Convert(v.Type()))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Interface:
		v.Set(reflect.ValueOf(s).Convert(v.Type()))
	default:
		return &UnmarshalTypeError{Value: "string", Type: v.Type()}
	}
	return nil
}

// decodeSet decodes a set of n elements into a slice, an array or an interface (asAny's value).
func (d *Decoder) decodeSet(n int, v reflect.Value, what string, elem func(int, reflect.Value) error, asAny func() any) error {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() || v.Cap() < n {
			v.Set(reflect.MakeSlice(v.Type(), 0, n))
		}
	case reflect.Array:
	case reflect.Interface:
		v.Set(reflect.ValueOf(asAny()))
		return nil
	default:
		return &UnmarshalTypeError{Value: what, Type: v.Type()}
	}
	for i := 0; i < v.Cap() && i < n; i++ {
		if v.Kind() == reflect.Slice {
			v.SetLen(i + 1)
		}
		if err := elem(i, indirect(v.Index(i), false)); err != nil {
			return err
		}
	}
	return nil
}

func (d *Decoder) decodeList(l []types.AttributeValue, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() || v.Cap() < len(l) {
			v.Set(reflect.MakeSlice(v.Type(), 0, len(l)))
		}
	case reflect.Array:
	case reflect.Interface:
		s := make([]any, len(l))
		for i, av := range l {
			if err := d.decode(av, reflect.ValueOf(&s[i]).Elem(), tag{}); err != nil {
				return err
			}
		}
		v.Set(reflect.ValueOf(s))
		return nil
	default:
		return &UnmarshalTypeError{Value: "list", Type: v.Type()}
	}
	for i := 0; i < v.Cap() && i < len(l); i++ {
		if v.Kind() == reflect.Slice {
			v.SetLen(i + 1)
		}
		if err := d.decode(l[i], v.Index(i), tag{}); err != nil {
			return err
		}
	}
	return nil
}

func (d *Decoder) decodeMap(m map[string]types.AttributeValue, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Struct:
		fields := fieldsOf(v.Type())
		for k, av := range m {
			f, ok := fields.find(k)
			if !ok {
				continue
			}
			if err := d.decode(av, settableField(v, f.Index), f.tag); err != nil {
				return err
			}
		}
		return nil
	case reflect.Interface:
		out := make(map[string]any, len(m))
		for k, av := range m {
			var e any
			if err := d.decode(av, reflect.ValueOf(&e).Elem(), tag{}); err != nil {
				return err
			}
			out[k] = e
		}
		v.Set(reflect.ValueOf(out))
		return nil
	case reflect.Map:
	default:
		return &UnmarshalTypeError{Value: "map", Type: v.Type()}
	}
	kt, et := v.Type().Key(), v.Type().Elem()
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	for k, av := range m {
		key := reflect.New(kt).Elem()
		if err := decodeMapKey(k, key); err != nil {
			return &UnmarshalTypeError{Value: fmt.Sprintf("map key %q", k), Type: kt, Err: err}
		}
		e := reflect.New(et).Elem()
		if err := d.decode(av, e, tag{}); err != nil {
			return err
		}
		v.SetMapIndex(key, e)
	}
	return nil
}

var textUnmarshalerType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()

func decodeMapKey(s string, key reflect.Value) error {
	if reflect.PointerTo(key.Type()).Implements(textUnmarshalerType) {
		return key.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
	}
	switch key.Kind() {
	case reflect.String:
		key.SetString(s)
		return nil
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return err
		}
		key.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return decodeNumber(s, key, tag{})
	}
	return fmt.Errorf("map key must be string, number, bool, or TextUnmarshaler")
}

// settableField follows index through embedded structs, allocating nil embedded pointers.
func settableField(v reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// UnmarshalTypeError is an attribute value of a kind the Go value cannot hold (a Binary into a
// string field, say).
type UnmarshalTypeError struct {
	Value string
	Type  reflect.Type
	Err   error
}

func (e *UnmarshalTypeError) Unwrap() error { return e.Err }

func (e *UnmarshalTypeError) Error() string {
	return fmt.Sprintf("unmarshal failed, cannot unmarshal %s into Go value type %s", e.Value, e.Type.String())
}

// UnmarshalError is a value that cannot be parsed (a time that is not RFC 3339, say).
type UnmarshalError struct {
	Err   error
	Value string
	Type  reflect.Type
}

func (e *UnmarshalError) Unwrap() error { return e.Err }

func (e *UnmarshalError) Error() string {
	return fmt.Sprintf("unmarshal failed, cannot unmarshal %q into %s, %v", e.Value, e.Type.String(), e.Err)
}

// InvalidUnmarshalError is a Decode into something other than a non-nil pointer.
type InvalidUnmarshalError struct{ Type reflect.Type }

func (e *InvalidUnmarshalError) Error() string {
	switch {
	case e.Type == nil:
		return "unmarshal failed, cannot unmarshal to nil value"
	case e.Type.Kind() != reflect.Pointer:
		return "unmarshal failed, cannot unmarshal to non-pointer value, got " + e.Type.String()
	}
	return "unmarshal failed, cannot unmarshal to nil value, " + e.Type.String()
}
