package types

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The AWS JSON wire form of an attribute value is an object with one member named by its kind:
// {"S":"x"}, {"N":"1"}, {"B":"<base64>"}, {"BOOL":true}, {"NULL":true}, {"L":[...]},
// {"M":{...}}, {"SS":[...]}, {"NS":[...]}, {"BS":[...]}. Each member type encodes itself
// (MarshalJSON); decoding goes through UnmarshalAttributeValueJSON and the item helpers, since
// encoding/json cannot pick an interface's dynamic type.

func tagged(tag string, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(tag)+len(b)+5)
	out = append(out, `{"`...)
	out = append(out, tag...)
	out = append(out, `":`...)
	out = append(out, b...)
	return append(out, '}'), nil
}

// MarshalJSON encodes {"B":"<base64>"} (nil as null, as the SDK's client sends it).
func (v *AttributeValueMemberB) MarshalJSON() ([]byte, error) { return tagged("B", v.Value) }

// MarshalJSON encodes {"BOOL":b}.
func (v *AttributeValueMemberBOOL) MarshalJSON() ([]byte, error) { return tagged("BOOL", v.Value) }

// MarshalJSON encodes {"BS":[...]} (nil as [], a nil member as null, as the SDK's client).
func (v *AttributeValueMemberBS) MarshalJSON() ([]byte, error) {
	if v.Value == nil {
		return []byte(`{"BS":[]}`), nil
	}
	return tagged("BS", v.Value)
}

// MarshalJSON encodes {"L":[...]} (nil as [], as the SDK's client).
func (v *AttributeValueMemberL) MarshalJSON() ([]byte, error) {
	if v.Value == nil {
		return []byte(`{"L":[]}`), nil
	}
	return tagged("L", v.Value)
}

// MarshalJSON encodes {"M":{...}} (nil as {}, as the SDK's client).
func (v *AttributeValueMemberM) MarshalJSON() ([]byte, error) {
	if v.Value == nil {
		return []byte(`{"M":{}}`), nil
	}
	return tagged("M", v.Value)
}

// MarshalJSON encodes {"N":"<number>"}.
func (v *AttributeValueMemberN) MarshalJSON() ([]byte, error) { return tagged("N", v.Value) }

// MarshalJSON encodes {"NS":[...]}.
func (v *AttributeValueMemberNS) MarshalJSON() ([]byte, error) {
	return tagged("NS", stringsOrEmpty(v.Value))
}

// MarshalJSON encodes {"NULL":b}.
func (v *AttributeValueMemberNULL) MarshalJSON() ([]byte, error) { return tagged("NULL", v.Value) }

// MarshalJSON encodes {"S":"x"}.
func (v *AttributeValueMemberS) MarshalJSON() ([]byte, error) { return tagged("S", v.Value) }

// MarshalJSON encodes {"SS":[...]}.
func (v *AttributeValueMemberSS) MarshalJSON() ([]byte, error) {
	return tagged("SS", stringsOrEmpty(v.Value))
}

// MarshalJSON encodes the value as it was answered.
func (v *UnknownUnionMember) MarshalJSON() ([]byte, error) {
	return tagged(v.Tag, json.RawMessage(v.Value))
}

func stringsOrEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// UnmarshalAttributeValueJSON decodes one attribute value's wire form; null is nil.
func UnmarshalAttributeValueJSON(data []byte) (AttributeValue, error) {
	if isNull(data) {
		return nil, nil
	}
	var union map[string]json.RawMessage
	if err := json.Unmarshal(data, &union); err != nil {
		return nil, err
	}
	if len(union) != 1 {
		return nil, fmt.Errorf("attribute value: %d members, want 1", len(union))
	}
	for tag, raw := range union {
		return decodeMember(tag, raw)
	}
	return nil, nil
}

func decodeMember(tag string, raw json.RawMessage) (AttributeValue, error) {
	var err error
	switch tag {
	case "S":
		v := &AttributeValueMemberS{}
		err = json.Unmarshal(raw, &v.Value)
		return v, err
	case "N":
		v := &AttributeValueMemberN{}
		err = json.Unmarshal(raw, &v.Value)
		return v, err
	case "B":
		v := &AttributeValueMemberB{}
		err = json.Unmarshal(raw, &v.Value)
		return v, err
	case "BOOL":
		v := &AttributeValueMemberBOOL{}
		err = json.Unmarshal(raw, &v.Value)
		return v, err
	case "NULL":
		v := &AttributeValueMemberNULL{}
		err = json.Unmarshal(raw, &v.Value)
		return v, err
	case "SS":
		v := &AttributeValueMemberSS{}
		err = json.Unmarshal(raw, &v.Value)
		return v, err
	case "NS":
		v := &AttributeValueMemberNS{}
		err = json.Unmarshal(raw, &v.Value)
		return v, err
	case "BS":
		v := &AttributeValueMemberBS{}
		err = json.Unmarshal(raw, &v.Value)
		return v, err
	case "L":
		var raws []json.RawMessage
		if err := json.Unmarshal(raw, &raws); err != nil {
			return nil, err
		}
		v := &AttributeValueMemberL{Value: make([]AttributeValue, len(raws))}
		for i, r := range raws {
			if v.Value[i], err = UnmarshalAttributeValueJSON(r); err != nil {
				return nil, err
			}
		}
		return v, nil
	case "M":
		m, err := UnmarshalItemJSON(raw)
		if err != nil {
			return nil, err
		}
		if m == nil {
			m = map[string]AttributeValue{}
		}
		return &AttributeValueMemberM{Value: m}, nil
	}
	return &UnknownUnionMember{Tag: tag, Value: append([]byte(nil), raw...)}, nil
}

// UnmarshalItemJSON decodes an item (a map of attribute values); null or absent is nil.
func UnmarshalItemJSON(data []byte) (map[string]AttributeValue, error) {
	if isNull(data) {
		return nil, nil
	}
	var raws map[string]json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, err
	}
	m := make(map[string]AttributeValue, len(raws))
	for k, r := range raws {
		av, err := UnmarshalAttributeValueJSON(r)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", k, err)
		}
		m[k] = av
	}
	return m, nil
}

// UnmarshalItemsJSON decodes a list of items; null or absent is nil.
func UnmarshalItemsJSON(data []byte) ([]map[string]AttributeValue, error) {
	if isNull(data) {
		return nil, nil
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, err
	}
	items := make([]map[string]AttributeValue, len(raws))
	for i, r := range raws {
		var err error
		if items[i], err = UnmarshalItemJSON(r); err != nil {
			return nil, err
		}
	}
	return items, nil
}

func isNull(data []byte) bool {
	data = bytes.TrimSpace(data)
	return len(data) == 0 || string(data) == "null"
}
