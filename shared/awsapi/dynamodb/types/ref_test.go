package types

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The reference: the codec as it was before the single-pass reader and the append writer,
// through encoding/json (its decoding copied as it was; its encoding restated as a function, each
// member as its MarshalJSON was: tagged(kind, json.Marshal(value)), the members of a list or a
// map through json.Marshal again).

func refEncode(av AttributeValue) ([]byte, error) {
	switch v := av.(type) {
	case nil:
		return []byte("null"), nil
	case *AttributeValueMemberB:
		return refTagged("B", v.Value)
	case *AttributeValueMemberBOOL:
		return refTagged("BOOL", v.Value)
	case *AttributeValueMemberBS:
		if v.Value == nil {
			return []byte(`{"BS":[]}`), nil
		}
		return refTagged("BS", v.Value)
	case *AttributeValueMemberL:
		if v.Value == nil {
			return []byte(`{"L":[]}`), nil
		}
		raws := make([]json.RawMessage, len(v.Value))
		for i, e := range v.Value {
			var err error
			if raws[i], err = refNested(e); err != nil {
				return nil, err
			}
		}
		return refTagged("L", raws)
	case *AttributeValueMemberM:
		if v.Value == nil {
			return []byte(`{"M":{}}`), nil
		}
		raws := make(map[string]json.RawMessage, len(v.Value))
		for k, e := range v.Value {
			var err error
			if raws[k], err = refNested(e); err != nil {
				return nil, err
			}
		}
		return refTagged("M", raws)
	case *AttributeValueMemberN:
		return refTagged("N", v.Value)
	case *AttributeValueMemberNS:
		return refTagged("NS", refStringsOrEmpty(v.Value))
	case *AttributeValueMemberNULL:
		return refTagged("NULL", v.Value)
	case *AttributeValueMemberS:
		return refTagged("S", v.Value)
	case *AttributeValueMemberSS:
		return refTagged("SS", refStringsOrEmpty(v.Value))
	case *UnknownUnionMember:
		return refTagged(v.Tag, json.RawMessage(v.Value))
	}
	return nil, fmt.Errorf("reference: no encoding of %T", av)
}

// refNested is a member of a list or map: encoding/json writes a nil one (or a nil pointer) as
// null, and another one's MarshalJSON compacted.
func refNested(av AttributeValue) (json.RawMessage, error) {
	if av == nil || isNilMember(av) {
		return nil, nil // json.Marshal writes a nil RawMessage as null
	}
	return refEncode(av)
}

func isNilMember(av AttributeValue) bool {
	switch v := av.(type) {
	case *AttributeValueMemberB:
		return v == nil
	case *AttributeValueMemberBOOL:
		return v == nil
	case *AttributeValueMemberBS:
		return v == nil
	case *AttributeValueMemberL:
		return v == nil
	case *AttributeValueMemberM:
		return v == nil
	case *AttributeValueMemberN:
		return v == nil
	case *AttributeValueMemberNS:
		return v == nil
	case *AttributeValueMemberNULL:
		return v == nil
	case *AttributeValueMemberS:
		return v == nil
	case *AttributeValueMemberSS:
		return v == nil
	case *UnknownUnionMember:
		return v == nil
	}
	return false
}

func refTagged(tag string, v any) ([]byte, error) {
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

func refStringsOrEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func refDecode(data []byte) (AttributeValue, error) {
	if refIsNull(data) {
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
		return refDecodeMember(tag, raw)
	}
	return nil, nil
}

func refDecodeMember(tag string, raw json.RawMessage) (AttributeValue, error) {
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
			if v.Value[i], err = refDecode(r); err != nil {
				return nil, err
			}
		}
		return v, nil
	case "M":
		m, err := refDecodeItem(raw)
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

func refDecodeItem(data []byte) (map[string]AttributeValue, error) {
	if refIsNull(data) {
		return nil, nil
	}
	var raws map[string]json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, err
	}
	m := make(map[string]AttributeValue, len(raws))
	for k, r := range raws {
		av, err := refDecode(r)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", k, err)
		}
		m[k] = av
	}
	return m, nil
}

func refDecodeItems(data []byte) ([]map[string]AttributeValue, error) {
	if refIsNull(data) {
		return nil, nil
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, err
	}
	items := make([]map[string]AttributeValue, len(raws))
	for i, r := range raws {
		var err error
		if items[i], err = refDecodeItem(r); err != nil {
			return nil, err
		}
	}
	return items, nil
}

func refIsNull(data []byte) bool {
	data = bytes.TrimSpace(data)
	return len(data) == 0 || string(data) == "null"
}
