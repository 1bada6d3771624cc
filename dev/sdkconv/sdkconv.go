// Package sdkconv converts between the connector's DynamoDB types (shared/awsapi/dynamodb) and
// the SDK's, for tests that compare the two: the same item or input through both, or what a
// previous release (which used the SDK) reads of an item this one wrote.
package sdkconv

import (
	"fmt"
	"reflect"

	sdktypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// ToSDK is av as the SDK's attribute value.
func ToSDK(av types.AttributeValue) sdktypes.AttributeValue {
	switch v := av.(type) {
	case nil:
		return nil
	case *types.AttributeValueMemberS:
		return &sdktypes.AttributeValueMemberS{Value: v.Value}
	case *types.AttributeValueMemberN:
		return &sdktypes.AttributeValueMemberN{Value: v.Value}
	case *types.AttributeValueMemberB:
		return &sdktypes.AttributeValueMemberB{Value: v.Value}
	case *types.AttributeValueMemberBOOL:
		return &sdktypes.AttributeValueMemberBOOL{Value: v.Value}
	case *types.AttributeValueMemberNULL:
		return &sdktypes.AttributeValueMemberNULL{Value: v.Value}
	case *types.AttributeValueMemberSS:
		return &sdktypes.AttributeValueMemberSS{Value: v.Value}
	case *types.AttributeValueMemberNS:
		return &sdktypes.AttributeValueMemberNS{Value: v.Value}
	case *types.AttributeValueMemberBS:
		return &sdktypes.AttributeValueMemberBS{Value: v.Value}
	case *types.AttributeValueMemberL:
		var l []sdktypes.AttributeValue
		if v.Value != nil {
			l = make([]sdktypes.AttributeValue, len(v.Value))
		}
		for i, e := range v.Value {
			l[i] = ToSDK(e)
		}
		return &sdktypes.AttributeValueMemberL{Value: l}
	case *types.AttributeValueMemberM:
		return &sdktypes.AttributeValueMemberM{Value: ItemToSDK(v.Value)}
	case *types.UnknownUnionMember:
		return &sdktypes.UnknownUnionMember{Tag: v.Tag, Value: v.Value}
	}
	panic(fmt.Sprintf("sdkconv: unknown attribute value %T", av))
}

// ItemToSDK is item as the SDK's (nil stays nil).
func ItemToSDK(item map[string]types.AttributeValue) map[string]sdktypes.AttributeValue {
	if item == nil {
		return nil
	}
	out := make(map[string]sdktypes.AttributeValue, len(item))
	for k, v := range item {
		out[k] = ToSDK(v)
	}
	return out
}

// FromSDK is the SDK's av as the connector's.
func FromSDK(av sdktypes.AttributeValue) types.AttributeValue {
	switch v := av.(type) {
	case nil:
		return nil
	case *sdktypes.AttributeValueMemberS:
		return &types.AttributeValueMemberS{Value: v.Value}
	case *sdktypes.AttributeValueMemberN:
		return &types.AttributeValueMemberN{Value: v.Value}
	case *sdktypes.AttributeValueMemberB:
		return &types.AttributeValueMemberB{Value: v.Value}
	case *sdktypes.AttributeValueMemberBOOL:
		return &types.AttributeValueMemberBOOL{Value: v.Value}
	case *sdktypes.AttributeValueMemberNULL:
		return &types.AttributeValueMemberNULL{Value: v.Value}
	case *sdktypes.AttributeValueMemberSS:
		return &types.AttributeValueMemberSS{Value: v.Value}
	case *sdktypes.AttributeValueMemberNS:
		return &types.AttributeValueMemberNS{Value: v.Value}
	case *sdktypes.AttributeValueMemberBS:
		return &types.AttributeValueMemberBS{Value: v.Value}
	case *sdktypes.AttributeValueMemberL:
		var l []types.AttributeValue
		if v.Value != nil {
			l = make([]types.AttributeValue, len(v.Value))
		}
		for i, e := range v.Value {
			l[i] = FromSDK(e)
		}
		return &types.AttributeValueMemberL{Value: l}
	case *sdktypes.AttributeValueMemberM:
		return &types.AttributeValueMemberM{Value: ItemFromSDK(v.Value)}
	case *sdktypes.UnknownUnionMember:
		return &types.UnknownUnionMember{Tag: v.Tag, Value: v.Value}
	}
	panic(fmt.Sprintf("sdkconv: unknown SDK attribute value %T", av))
}

// ItemFromSDK is the SDK's item as the connector's (nil stays nil).
func ItemFromSDK(item map[string]sdktypes.AttributeValue) map[string]types.AttributeValue {
	if item == nil {
		return nil
	}
	out := make(map[string]types.AttributeValue, len(item))
	for k, v := range item {
		out[k] = FromSDK(v)
	}
	return out
}

var (
	avType    = reflect.TypeOf((*types.AttributeValue)(nil)).Elem()
	sdkAVType = reflect.TypeOf((*sdktypes.AttributeValue)(nil)).Elem()
)

// Convert copies src into dst (a pointer) field by field, by name, through pointers, slices and
// maps, converting attribute values either way and strings to string enums: an input of one
// client as the other's. A field dst lacks is an error (so that a comparison cannot miss it);
// a field src lacks stays zero; the SDK outputs' ResultMetadata is left out.
func Convert(dst, src any) error {
	d, v := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src)
	if v.Kind() == reflect.Pointer && d.Kind() != reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	return convert(d, v, "")
}

func convert(dst, src reflect.Value, path string) error {
	switch {
	case dst.Type() == sdkAVType && src.Type() == avType:
		if !src.IsNil() {
			dst.Set(reflect.ValueOf(ToSDK(src.Interface().(types.AttributeValue))))
		}
		return nil
	case dst.Type() == avType && src.Type() == sdkAVType:
		if !src.IsNil() {
			dst.Set(reflect.ValueOf(FromSDK(src.Interface().(sdktypes.AttributeValue))))
		}
		return nil
	}
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return nil
		}
		if dst.Kind() != reflect.Pointer {
			return fmt.Errorf("%s: pointer into %s", path, dst.Type())
		}
		dst.Set(reflect.New(dst.Type().Elem()))
		return convert(dst.Elem(), src.Elem(), path)
	case reflect.Struct:
		if dst.Kind() != reflect.Struct {
			return fmt.Errorf("%s: struct into %s", path, dst.Type())
		}
		for i := 0; i < src.NumField(); i++ {
			f := src.Type().Field(i)
			if !f.IsExported() || f.Name == "ResultMetadata" { // the SDK's middleware metadata
				continue
			}
			df := dst.FieldByName(f.Name)
			if !df.IsValid() {
				if src.Field(i).IsZero() {
					continue
				}
				return fmt.Errorf("%s.%s: no such field in %s", path, f.Name, dst.Type())
			}
			if err := convert(df, src.Field(i), path+"."+f.Name); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		if src.IsNil() {
			return nil
		}
		if dst.Kind() != reflect.Slice {
			return fmt.Errorf("%s: slice into %s", path, dst.Type())
		}
		dst.Set(reflect.MakeSlice(dst.Type(), src.Len(), src.Len()))
		for i := 0; i < src.Len(); i++ {
			if err := convert(dst.Index(i), src.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		if src.IsNil() {
			return nil
		}
		if dst.Kind() != reflect.Map {
			return fmt.Errorf("%s: map into %s", path, dst.Type())
		}
		dst.Set(reflect.MakeMapWithSize(dst.Type(), src.Len()))
		iter := src.MapRange()
		for iter.Next() {
			k := reflect.New(dst.Type().Key()).Elem()
			if err := convert(k, iter.Key(), path); err != nil {
				return err
			}
			v := reflect.New(dst.Type().Elem()).Elem()
			if err := convert(v, iter.Value(), fmt.Sprintf("%s[%v]", path, iter.Key())); err != nil {
				return err
			}
			dst.SetMapIndex(k, v)
		}
		return nil
	}
	if !src.Type().ConvertibleTo(dst.Type()) || src.Kind() != dst.Kind() {
		return fmt.Errorf("%s: %s into %s", path, src.Type(), dst.Type())
	}
	dst.Set(src.Convert(dst.Type()))
	return nil
}
