package types

import (
	"encoding/json"
	"slices"
)

// AnswerField is one member of an answer decoded by UnmarshalAnswerJSON: its exact name and
// where it goes (see UnmarshalAnswerJSON).
type AnswerField struct {
	Name string
	Dst  any
}

// UnmarshalAnswerJSON decodes an answer in one pass when it is plain: data is one JSON object
// whose members are each named once, exactly, by one of fields. A field's Dst is a
// *map[string]AttributeValue (an item), a *[]map[string]AttributeValue (a list of items), a
// *map[string][]map[string]AttributeValue (lists of items by table), or another pointer,
// decoded by encoding/json. It reports false for any other answer (another or a repeated
// member, an error), leaving the destinations in any state: the caller then decodes it through
// encoding/json, whose results on a plain answer are these.
func UnmarshalAnswerJSON(data []byte, fields ...AnswerField) bool {
	r := reader{data: data}
	var seen uint64
	if !r.enter('{') {
		return r.end(nil) == nil
	}
	for {
		key := r.key()
		i := slices.IndexFunc(fields, func(f AnswerField) bool { return f.Name == string(key) })
		if i < 0 || i >= 64 || seen&(1<<i) != 0 {
			return false
		}
		seen |= 1 << i
		var err error
		switch dst := fields[i].Dst.(type) {
		case *map[string]AttributeValue:
			*dst, err = r.item()
		case *[]map[string]AttributeValue:
			*dst, err = r.items()
		case *map[string][]map[string]AttributeValue:
			*dst, err = r.tables()
		default:
			r.ws()
			start := r.pos
			r.skip()
			if r.err == nil {
				err = json.Unmarshal(r.data[start:r.pos], dst)
			}
		}
		if err != nil || r.err != nil {
			return false
		}
		if !r.more('}') {
			break
		}
	}
	return r.end(nil) == nil
}

// tables reads lists of items by table (null is nil); a repeated table is an error.
func (r *reader) tables() (map[string][]map[string]AttributeValue, error) {
	switch r.peek() {
	case 'n':
		r.literal("null")
		return nil, nil
	case '{':
	default:
		r.skip()
		return nil, errKind
	}
	m := map[string][]map[string]AttributeValue{}
	if r.enter('{') {
		for {
			k := string(r.key())
			if _, ok := m[k]; ok {
				return nil, errKind
			}
			items, err := r.items()
			if err != nil {
				return nil, err
			}
			m[k] = items
			if !r.more('}') {
				break
			}
		}
	}
	return m, nil
}
