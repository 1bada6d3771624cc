package types

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The wire form is written by appending to a buffer, without reflection, byte for byte as
// encoding/json writes it: strings escaped as its default (HTML-safe) escaping does, []byte as
// standard base64 text, a nil value (or nil member) as null, map keys sorted.

// MarshalJSON encodes {"B":"<base64>"} (nil as null, as the SDK's client sends it).
func (v *AttributeValueMemberB) MarshalJSON() ([]byte, error) { return appendValue(nil, v) }

// MarshalJSON encodes {"BOOL":b}.
func (v *AttributeValueMemberBOOL) MarshalJSON() ([]byte, error) { return appendValue(nil, v) }

// MarshalJSON encodes {"BS":[...]} (nil as [], a nil member as null, as the SDK's client).
func (v *AttributeValueMemberBS) MarshalJSON() ([]byte, error) { return appendValue(nil, v) }

// MarshalJSON encodes {"L":[...]} (nil as [], as the SDK's client).
func (v *AttributeValueMemberL) MarshalJSON() ([]byte, error) { return appendValue(nil, v) }

// MarshalJSON encodes {"M":{...}} (nil as {}, as the SDK's client).
func (v *AttributeValueMemberM) MarshalJSON() ([]byte, error) { return appendValue(nil, v) }

// MarshalJSON encodes {"N":"<number>"}.
func (v *AttributeValueMemberN) MarshalJSON() ([]byte, error) { return appendValue(nil, v) }

// MarshalJSON encodes {"NS":[...]} (nil as []).
func (v *AttributeValueMemberNS) MarshalJSON() ([]byte, error) { return appendValue(nil, v) }

// MarshalJSON encodes {"NULL":b}.
func (v *AttributeValueMemberNULL) MarshalJSON() ([]byte, error) { return appendValue(nil, v) }

// MarshalJSON encodes {"S":"x"}.
func (v *AttributeValueMemberS) MarshalJSON() ([]byte, error) { return appendValue(nil, v) }

// MarshalJSON encodes {"SS":[...]} (nil as []).
func (v *AttributeValueMemberSS) MarshalJSON() ([]byte, error) { return appendValue(nil, v) }

// MarshalJSON encodes the value as it was answered.
func (v *UnknownUnionMember) MarshalJSON() ([]byte, error) {
	raw, err := json.Marshal(json.RawMessage(v.Value))
	if err != nil {
		return nil, err
	}
	return append(append(append(append([]byte(`{"`), v.Tag...), `":`...), raw...), '}'), nil
}

// appendValue appends av's wire form (null for nil).
func appendValue(b []byte, av AttributeValue) ([]byte, error) {
	switch v := av.(type) {
	case *AttributeValueMemberS:
		if v != nil {
			return append(appendString(append(b, `{"S":`...), v.Value), '}'), nil
		}
	case *AttributeValueMemberN:
		if v != nil {
			return append(appendString(append(b, `{"N":`...), v.Value), '}'), nil
		}
	case *AttributeValueMemberB:
		if v != nil {
			return append(appendBytes(append(b, `{"B":`...), v.Value), '}'), nil
		}
	case *AttributeValueMemberBOOL:
		if v != nil {
			return append(strconv.AppendBool(append(b, `{"BOOL":`...), v.Value), '}'), nil
		}
	case *AttributeValueMemberNULL:
		if v != nil {
			return append(strconv.AppendBool(append(b, `{"NULL":`...), v.Value), '}'), nil
		}
	case *AttributeValueMemberSS:
		if v != nil {
			return append(appendStrings(append(b, `{"SS":`...), v.Value), '}'), nil
		}
	case *AttributeValueMemberNS:
		if v != nil {
			return append(appendStrings(append(b, `{"NS":`...), v.Value), '}'), nil
		}
	case *AttributeValueMemberBS:
		if v != nil {
			b = append(b, `{"BS":[`...)
			for i, e := range v.Value {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendBytes(b, e)
			}
			return append(b, "]}"...), nil
		}
	case *AttributeValueMemberL:
		if v != nil {
			b = append(b, `{"L":[`...)
			for i, e := range v.Value {
				if i > 0 {
					b = append(b, ',')
				}
				var err error
				if b, err = appendValue(b, e); err != nil {
					return nil, err
				}
			}
			return append(b, "]}"...), nil
		}
	case *AttributeValueMemberM:
		if v != nil {
			b, err := appendItem(append(b, `{"M":`...), v.Value)
			if err != nil {
				return nil, err
			}
			return append(b, '}'), nil
		}
	case nil:
	default: // UnknownUnionMember, or a type of another package: as encoding/json writes it
		raw, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		return append(b, raw...), nil
	}
	return append(b, "null"...), nil
}

// appendItem appends an item's wire form, its keys sorted ({} for nil).
func appendItem(b []byte, item map[string]AttributeValue) ([]byte, error) {
	var buf [64]string
	keys := buf[:0]
	for k := range item {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(appendString(b, k), ':')
		var err error
		if b, err = appendValue(b, item[k]); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// appendStrings appends an array of strings ([] for nil).
func appendStrings(b []byte, s []string) []byte {
	b = append(b, '[')
	for i, e := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, e)
	}
	return append(b, ']')
}

// appendBytes appends base64 text (null for nil).
func appendBytes(b, v []byte) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	return append(base64.StdEncoding.AppendEncode(append(b, '"'), v), '"')
}

const hexDigits = "0123456789abcdef"

// appendString appends s quoted as encoding/json quotes it by default: ", \ and control
// characters escaped (\b \f \n \r \t short), <, > and & as \u003c \u003e \u0026, U+2028 and
// U+2029 escaped, invalid UTF-8 as \ufffd.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(b, s[start:]...), '"')
}
