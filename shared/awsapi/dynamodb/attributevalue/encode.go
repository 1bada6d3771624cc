package attributevalue

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"time"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// EncoderOptions adjust an Encoder, as the SDK's.
type EncoderOptions struct {
	// NullEmptySets encodes an empty set (a binaryset, numberset or stringset field, or a
	// [][]byte) as NULL, not as an empty set DynamoDB would refuse; true by default.
	NullEmptySets bool
	// EncodeTime encodes a time.Time not tagged unixtime; RFC 3339 with nanoseconds by default.
	EncodeTime func(time.Time) (types.AttributeValue, error)
	// OmitEmptyTime leaves out a zero time.Time tagged omitempty (otherwise encoded as the zero
	// time, for the SDK's omitempty does not see a struct as empty).
	OmitEmptyTime bool
}

// Encoder converts Go values to attribute values.
type Encoder struct {
	options EncoderOptions
}

// NewEncoder returns an Encoder with the defaults changed by optFns.
func NewEncoder(optFns ...func(*EncoderOptions)) *Encoder {
	o := EncoderOptions{NullEmptySets: true, EncodeTime: defaultEncodeTime}
	for _, fn := range optFns {
		fn(&o)
	}
	if o.EncodeTime == nil {
		o.EncodeTime = defaultEncodeTime
	}
	return &Encoder{options: o}
}

// Marshal encodes in with the default options.
func Marshal(in any) (types.AttributeValue, error) { return NewEncoder().Encode(in) }

// MarshalMap encodes in (a struct or a map) as an item with the default options.
func MarshalMap(in any) (map[string]types.AttributeValue, error) {
	av, err := NewEncoder().Encode(in)
	m, ok := av.(*types.AttributeValueMemberM)
	if err != nil || !ok {
		return map[string]types.AttributeValue{}, err
	}
	return m.Value, nil
}

// Encode converts in to an attribute value (a struct to a Map); nil is NULL.
func (e *Encoder) Encode(in any) (types.AttributeValue, error) {
	return e.encode(reflect.ValueOf(in), tag{})
}

func (e *Encoder) encode(v reflect.Value, ft tag) (types.AttributeValue, error) {
	if ft.Ignore {
		return nil, nil
	}
	if isZero(v) {
		if ft.OmitEmpty && ft.NullEmpty {
			return nil, &InvalidMarshalError{msg: "unable to encode AttributeValue for zero value field with incompatible struct tags, omitempty and nullempty"}
		}
		if ft.OmitEmpty {
			return nil, nil
		}
		if isNullableZero(v) || ft.NullEmpty {
			return null(), nil
		}
	}
	if k := v.Kind(); k == reflect.Interface || k == reflect.Pointer {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Invalid:
		if ft.OmitEmpty {
			return nil, nil
		}
		return null(), nil
	case reflect.Struct:
		return e.encodeStruct(v, ft)
	case reflect.Map:
		return e.encodeMap(v, ft)
	case reflect.Slice, reflect.Array:
		return e.encodeSlice(v, ft)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return nil, nil
	case reflect.Pointer:
		if el := v.Elem(); el.IsValid() {
			return e.encode(el, ft)
		}
		if ft.OmitEmpty && ft.OmitEmptyElem {
			return nil, nil
		}
		return null(), nil
	}
	return encodeScalar(v, ft), nil
}

func (e *Encoder) encodeStruct(v reflect.Value, ft tag) (types.AttributeValue, error) {
	if v.Type().ConvertibleTo(timeType) {
		t := v.Convert(timeType).Interface().(time.Time)
		if e.options.OmitEmptyTime && ft.OmitEmpty && t.IsZero() {
			return nil, nil
		}
		if ft.AsUnixTime {
			return &types.AttributeValueMemberN{Value: strconv.FormatInt(t.Unix(), 10)}, nil
		}
		return e.options.EncodeTime(t)
	}
	m := &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{}}
	for _, f := range fieldsOf(v.Type()).all {
		if f.Name == "" {
			return nil, &InvalidMarshalError{msg: "map key cannot be empty"}
		}
		fv, ok := fieldByIndex(v, f.Index)
		if !ok {
			continue
		}
		av, err := e.encode(fv, f.tag)
		if err != nil {
			return nil, err
		}
		if av != nil {
			m.Value[f.Name] = av
		}
	}
	return m, nil
}

// fieldByIndex follows index through embedded structs; false through a nil embedded pointer.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

func (e *Encoder) encodeMap(v reflect.Value, ft tag) (types.AttributeValue, error) {
	m := &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{}}
	elemTag := tag{OmitEmpty: ft.OmitEmptyElem, OmitEmptyElem: ft.OmitEmptyElem, NullEmpty: ft.NullEmptyElem}
	iter := v.MapRange()
	for iter.Next() {
		key, err := mapKey(iter.Key())
		if err != nil {
			return nil, err
		}
		av, err := e.encode(iter.Value(), elemTag)
		if err != nil {
			return nil, err
		}
		if av != nil {
			m.Value[key] = av
		}
	}
	return m, nil
}

func mapKey(k reflect.Value) (string, error) {
	var s string
	if tm, ok := k.Interface().(encoding.TextMarshaler); ok {
		b, err := tm.MarshalText()
		if err != nil {
			return "", fmt.Errorf("failed to marshal text, %w", err)
		}
		s = string(b)
	} else {
		switch k.Kind() {
		case reflect.Bool, reflect.String,
			reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
			reflect.Float32, reflect.Float64:
			s = fmt.Sprint(k.Interface())
		default:
			return "", &InvalidMarshalError{msg: "map key type not supported, must be string, number, bool, or TextMarshaler"}
		}
	}
	if s == "" {
		return "", &InvalidMarshalError{msg: "map key cannot be empty"}
	}
	return s, nil
}

func (e *Encoder) encodeSlice(v reflect.Value, ft tag) (types.AttributeValue, error) {
	if v.Type().Elem().Kind() == reflect.Uint8 {
		b := reflect.MakeSlice(byteSliceType, v.Len(), v.Len())
		reflect.Copy(b, v)
		return &types.AttributeValueMemberB{Value: append([]byte{}, b.Bytes()...)}, nil
	}
	set := ft.AsBinSet || v.Type() == byteSliceSliceType || ft.AsNumSet || ft.AsStrSet
	if set && v.Len() == 0 && e.options.NullEmptySets {
		return null(), nil
	}
	elemTag := tag{OmitEmpty: ft.OmitEmptyElem, OmitEmptyElem: ft.OmitEmptyElem, NullEmpty: ft.NullEmptyElem}
	elems := make([]types.AttributeValue, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		av, err := e.encode(v.Index(i), elemTag)
		if err != nil {
			return nil, err
		}
		if av != nil {
			elems = append(elems, av)
		}
	}
	switch {
	case ft.AsBinSet || v.Type() == byteSliceSliceType:
		bs := &types.AttributeValueMemberBS{Value: make([][]byte, 0, len(elems))}
		for _, av := range elems {
			b, ok := av.(*types.AttributeValueMemberB)
			if !ok || b.Value == nil {
				return nil, &InvalidMarshalError{msg: "binary set must only contain non-nil byte slices"}
			}
			bs.Value = append(bs.Value, b.Value)
		}
		return bs, nil
	case ft.AsNumSet:
		ns := &types.AttributeValueMemberNS{Value: make([]string, 0, len(elems))}
		for _, av := range elems {
			n, ok := av.(*types.AttributeValueMemberN)
			if !ok {
				return nil, &InvalidMarshalError{msg: "number set must only contain non-nil string numbers"}
			}
			ns.Value = append(ns.Value, n.Value)
		}
		return ns, nil
	case ft.AsStrSet:
		ss := &types.AttributeValueMemberSS{Value: make([]string, 0, len(elems))}
		for _, av := range elems {
			s, ok := av.(*types.AttributeValueMemberS)
			if !ok {
				return nil, &InvalidMarshalError{msg: "string set must only contain non-nil strings"}
			}
			ss.Value = append(ss.Value, s.Value)
		}
		return ss, nil
	}
	return &types.AttributeValueMemberL{Value: elems}, nil
}

// isNumberType: a string type with the methods of json.Number or attributevalue.Number is a
// Number.
func isNumberType(v reflect.Value) bool {
	type numberer interface {
		Float64() (float64, error)
		Int64() (int64, error)
		String() string
	}
	if v.Kind() != reflect.String || !v.CanInterface() {
		return false
	}
	_, ok := v.Interface().(numberer)
	return ok
}

// encodeScalar encodes a bool, string or number (nil for another kind, which is left out).
func encodeScalar(v reflect.Value, ft tag) types.AttributeValue {
	if isNumberType(v) {
		if ft.AsString {
			return &types.AttributeValueMemberS{Value: v.String()}
		}
		return &types.AttributeValueMemberN{Value: v.String()}
	}
	var n string
	switch v.Kind() {
	case reflect.Bool:
		return &types.AttributeValueMemberBOOL{Value: v.Bool()}
	case reflect.String:
		return &types.AttributeValueMemberS{Value: v.String()}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n = strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n = strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32:
		n = strconv.FormatFloat(v.Float(), 'f', -1, 32)
	case reflect.Float64:
		n = strconv.FormatFloat(v.Float(), 'f', -1, 64)
	default:
		return nil
	}
	if ft.AsString {
		return &types.AttributeValueMemberS{Value: n}
	}
	return &types.AttributeValueMemberN{Value: n}
}

func null() types.AttributeValue { return &types.AttributeValueMemberNULL{Value: true} }

// isZero is the SDK's emptiness for omitempty: a struct (a time.Time included) is never empty.
func isZero(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Invalid:
		return true
	case reflect.Array:
		return v.Len() == 0
	case reflect.Map, reflect.Slice, reflect.Interface, reflect.Pointer:
		return v.IsNil()
	case reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	}
	return false
}

func isNullableZero(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Invalid:
		return true
	case reflect.Map, reflect.Slice, reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

func defaultEncodeTime(t time.Time) (types.AttributeValue, error) {
	return &types.AttributeValueMemberS{Value: t.Format(time.RFC3339Nano)}, nil
}

// InvalidMarshalError is a value that cannot be encoded.
type InvalidMarshalError struct{ msg string }

func (e *InvalidMarshalError) Error() string { return "marshal failed, " + e.msg }
