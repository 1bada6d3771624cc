// Package attributevalue converts Go values to and from DynamoDB attribute values
// (shared/awsapi/dynamodb/types) by reflection, as the SDK's feature/dynamodb/attributevalue
// does and with its rules, for the struct tags and options the connector's records use:
// `dynamodbav:"name,omitempty"`, "-", ",unixtime", ",string", the set options, time.Time
// through EncoderOptions.EncodeTime (RFC 3339 by default) and OmitEmptyTime, nested structs,
// pointers, slices, maps, []byte, numbers and booleans. It leaves out what the connector does
// not use: the Marshaler and Unmarshaler interfaces and the encoding.Text/BinaryMarshaler
// options. The equivalence with the SDK's package is tested on the connector's records.
package attributevalue

import (
	"reflect"
	"strings"
	"sync"
	"time"
)

// tag is a field's dynamodbav tag.
type tag struct {
	Name                         string
	Ignore                       bool
	OmitEmpty, OmitEmptyElem     bool
	NullEmpty, NullEmptyElem     bool
	AsString                     bool
	AsBinSet, AsNumSet, AsStrSet bool
	AsUnixTime                   bool
}

func parseTag(st reflect.StructTag) tag {
	var t tag
	s, ok := st.Lookup("dynamodbav")
	if !ok || s == "" {
		return t
	}
	parts := strings.Split(s, ",")
	if parts[0] == "-" {
		t.Ignore = true
	} else {
		t.Name = parts[0]
	}
	for _, opt := range parts[1:] {
		switch opt {
		case "omitempty":
			t.OmitEmpty = true
		case "omitemptyelem":
			t.OmitEmptyElem = true
		case "nullempty":
			t.NullEmpty = true
		case "nullemptyelem":
			t.NullEmptyElem = true
		case "string":
			t.AsString = true
		case "binaryset":
			t.AsBinSet = true
		case "numberset":
			t.AsNumSet = true
		case "stringset":
			t.AsStrSet = true
		case "unixtime":
			t.AsUnixTime = true
		}
	}
	return t
}

// field is one attribute of a struct: its name (the tag's, else the Go field's) and where it is.
type field struct {
	tag
	Name    string
	tagged  bool
	Index   []int
	visible bool
}

type structFields struct {
	all    []field
	byName map[string]int
}

// byName finds the field of an attribute: by its exact name, else case-insensitively (as the
// SDK's decoder does).
func (s *structFields) find(name string) (field, bool) {
	if i, ok := s.byName[name]; ok {
		return s.all[i], true
	}
	for _, f := range s.all {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
	}
	return field{}, false
}

var fieldCache sync.Map // reflect.Type → *structFields

// fieldsOf lists t's attributes: its exported fields not tagged "-", and those of its untagged
// embedded structs, a shallower field hiding a deeper one of the same name and, at one depth,
// a tagged field hiding untagged ones (two of the same kind hide each other), as encoding/json
// and the SDK's encoder decide.
func fieldsOf(t reflect.Type) *structFields {
	if c, ok := fieldCache.Load(t); ok {
		return c.(*structFields)
	}
	var found []field
	collect(t, nil, map[reflect.Type]bool{}, &found)
	byName := map[string][]int{}
	for i, f := range found {
		byName[f.Name] = append(byName[f.Name], i)
	}
	for _, idx := range byName {
		if i, ok := dominant(found, idx); ok {
			found[i].visible = true
		}
	}
	s := &structFields{byName: map[string]int{}}
	for _, f := range found {
		if f.visible {
			s.byName[f.Name] = len(s.all)
			s.all = append(s.all, f)
		}
	}
	c, _ := fieldCache.LoadOrStore(t, s)
	return c.(*structFields)
}

func collect(t reflect.Type, index []int, seen map[reflect.Type]bool, out *[]field) {
	if seen[t] {
		return
	}
	seen[t] = true
	defer delete(seen, t)
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() && !sf.Anonymous {
			continue
		}
		ft := parseTag(sf.Tag)
		if ft.Ignore {
			continue
		}
		idx := append(append([]int(nil), index...), i)
		typ := sf.Type
		if typ.Name() == "" && typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if sf.Anonymous && ft.Name == "" && typ.Kind() == reflect.Struct {
			collect(typ, idx, seen, out)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		name := sf.Name
		if ft.Name != "" {
			name = ft.Name
		}
		*out = append(*out, field{tag: ft, Name: name, tagged: ft.Name != "", Index: idx})
	}
}

// dominant picks the field that a name means among found[idx], if one does.
func dominant(found []field, idx []int) (int, bool) {
	depth := -1
	for _, i := range idx {
		if d := len(found[i].Index); depth < 0 || d < depth {
			depth = d
		}
	}
	var shallow, tagged []int
	for _, i := range idx {
		if len(found[i].Index) == depth {
			shallow = append(shallow, i)
			if found[i].tagged {
				tagged = append(tagged, i)
			}
		}
	}
	switch {
	case len(tagged) == 1:
		return tagged[0], true
	case len(tagged) == 0 && len(shallow) == 1:
		return shallow[0], true
	}
	return 0, false
}

var (
	timeType           = reflect.TypeOf(time.Time{})
	byteSliceType      = reflect.TypeOf([]byte(nil))
	byteSliceSliceType = reflect.TypeOf([][]byte(nil))
)
