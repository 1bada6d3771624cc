package types

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// The wire form is decoded in one pass by a small recursive-descent reader that builds the
// attribute values as it goes, with encoding/json's results: the same JSON accepted (its
// grammar, whitespace and nesting limit), null members leaving a value's zero ("S":null is
// ""), a []byte read from base64 text or from an array of bytes, strings with escapes or
// invalid UTF-8 unquoted by encoding/json itself, and a repeated key's last value winning.
//
// A syntax error stops the reader (r.err); a value of the wrong kind is an error returned
// with the value, after the reader has gone past it, since a later member of the same key
// may replace it.

// maxDepth is encoding/json's nesting limit.
const maxDepth = 10000

type reader struct {
	data  []byte
	pos   int
	depth int
	err   error
}

var errKind = errors.New("attribute value: wrong JSON type")

// UnmarshalAttributeValueJSON decodes one attribute value's wire form; null is nil.
func UnmarshalAttributeValueJSON(data []byte) (AttributeValue, error) {
	if isNull(data) {
		return nil, nil
	}
	r := reader{data: data}
	av, err := r.value()
	return av, r.end(err)
}

// UnmarshalItemJSON decodes an item (a map of attribute values); null or absent is nil.
func UnmarshalItemJSON(data []byte) (map[string]AttributeValue, error) {
	if isNull(data) {
		return nil, nil
	}
	r := reader{data: data}
	m, err := r.item()
	if err = r.end(err); err != nil {
		return nil, err
	}
	return m, nil
}

// UnmarshalItemsJSON decodes a list of items; null or absent is nil.
func UnmarshalItemsJSON(data []byte) ([]map[string]AttributeValue, error) {
	if isNull(data) {
		return nil, nil
	}
	r := reader{data: data}
	items, err := r.items()
	if err = r.end(err); err != nil {
		return nil, err
	}
	return items, nil
}

func isNull(data []byte) bool {
	data = bytes.TrimSpace(data)
	return len(data) == 0 || string(data) == "null"
}

// end checks that nothing but whitespace follows the value; a syntax error comes first.
func (r *reader) end(err error) error {
	r.ws()
	if r.pos < len(r.data) {
		r.fail("after top-level value")
	}
	if r.err != nil {
		return r.err
	}
	return err
}

// value reads an attribute value: null, or an object of one member named by its kind.
func (r *reader) value() (AttributeValue, error) {
	if null, err := r.opening('{'); null || err != nil {
		return nil, err
	}
	var tag []byte
	var av AttributeValue
	var err error
	n := 0
	if r.enter('{') {
		for {
			key := r.key()
			switch {
			case n == 0:
				n, tag = 1, key
				av, err = r.member(key)
			case n == 1 && string(key) == string(tag):
				av, err = r.member(key) // a repeated key: the last one counts
			default:
				n = 2
				r.skip()
			}
			if !r.more('}') {
				break
			}
		}
	}
	switch n {
	case 0:
		return nil, errors.New("attribute value: no member, want 1")
	case 2:
		return nil, errors.New("attribute value: several members, want 1")
	}
	return av, err
}

// member reads the value of an attribute value's member tag.
func (r *reader) member(tag []byte) (AttributeValue, error) {
	switch string(tag) {
	case "S":
		s, err := r.str()
		return &AttributeValueMemberS{Value: s}, err
	case "N":
		s, err := r.str()
		return &AttributeValueMemberN{Value: s}, err
	case "B":
		b, err := r.bytes()
		return &AttributeValueMemberB{Value: b}, err
	case "BOOL":
		b, err := r.bool()
		return &AttributeValueMemberBOOL{Value: b}, err
	case "NULL":
		b, err := r.bool()
		return &AttributeValueMemberNULL{Value: b}, err
	case "SS":
		s, err := r.strs()
		return &AttributeValueMemberSS{Value: s}, err
	case "NS":
		s, err := r.strs()
		return &AttributeValueMemberNS{Value: s}, err
	case "BS":
		b, err := r.bytesList()
		return &AttributeValueMemberBS{Value: b}, err
	case "L":
		l, err := r.list()
		return &AttributeValueMemberL{Value: l}, err
	case "M":
		m, err := r.item()
		if m == nil {
			m = map[string]AttributeValue{}
		}
		return &AttributeValueMemberM{Value: m}, err
	}
	r.ws()
	start := r.pos
	r.skip()
	return &UnknownUnionMember{Tag: string(tag), Value: append([]byte(nil), r.data[start:r.pos]...)}, nil
}

// item reads an object of attribute values (null is nil).
func (r *reader) item() (map[string]AttributeValue, error) {
	if null, err := r.opening('{'); null || err != nil {
		return nil, err
	}
	m := map[string]AttributeValue{}
	var bad map[string]error // the attributes whose (last) value is in error
	if r.enter('{') {
		for {
			k := string(r.key())
			av, err := r.value()
			m[k] = av
			if err != nil {
				if bad == nil {
					bad = map[string]error{}
				}
				bad[k] = err
			} else if bad != nil {
				delete(bad, k)
			}
			if !r.more('}') {
				break
			}
		}
	}
	for k, err := range bad {
		return nil, fmt.Errorf("attribute %s: %w", k, err)
	}
	return m, nil
}

// items reads an array of items (null is nil).
func (r *reader) items() ([]map[string]AttributeValue, error) { return array(r, nil, r.item) }

// list reads an L's array (null is an empty list).
func (r *reader) list() ([]AttributeValue, error) { return array(r, []AttributeValue{}, r.value) }

// str reads a string (null is "").
func (r *reader) str() (string, error) {
	switch r.peek() {
	case 'n':
		r.literal("null")
		return "", nil
	case '"':
		raw, plain := r.strSpan()
		if plain {
			return string(raw), nil
		}
		return unquote(raw), nil
	}
	r.skip()
	return "", errKind
}

// strs reads an array of strings (null is nil).
func (r *reader) strs() ([]string, error) { return array(r, nil, r.str) }

// bytes reads a []byte as encoding/json does: base64 text, or an array of numbers (null is
// nil).
func (r *reader) bytes() ([]byte, error) {
	switch r.peek() {
	case 'n':
		r.literal("null")
		return nil, nil
	case '"':
		raw, plain := r.strSpan()
		if !plain {
			raw = []byte(unquote(raw))
		}
		b := make([]byte, base64.StdEncoding.DecodedLen(len(raw)))
		n, err := base64.StdEncoding.Decode(b, raw)
		if err != nil {
			return nil, err
		}
		return b[:n], nil
	case '[':
	default:
		r.skip()
		return nil, errKind
	}
	b := []byte{}
	var first error
	if r.enter('[') {
		for {
			var c uint64
			switch r.peek() {
			case 'n':
				r.literal("null")
			case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
				start := r.pos
				r.skip()
				var err error
				if c, err = strconv.ParseUint(string(r.data[start:r.pos]), 10, 8); err != nil {
					first = firstErr(first, errKind)
				}
			default:
				r.skip()
				first = firstErr(first, errKind)
			}
			b = append(b, byte(c))
			if !r.more(']') {
				break
			}
		}
	}
	return b, first
}

// bytesList reads an array of []byte (null is nil).
func (r *reader) bytesList() ([][]byte, error) { return array(r, nil, r.bytes) }

// opening reads a null (null is true) or checks that the next value opens with delim; any other
// value is skipped and reported as errKind.
func (r *reader) opening(delim byte) (null bool, err error) {
	switch r.peek() {
	case 'n':
		r.literal("null")
		return true, nil
	case delim:
		return false, nil
	}
	r.skip()
	return false, errKind
}

// array reads a JSON array, each element with elem, as encoding/json reads it into a slice:
// null is onNull, [] an empty non-nil slice, and an element in error still takes its place
// (the first error is returned once the array is read).
func array[T any](r *reader, onNull []T, elem func() (T, error)) ([]T, error) {
	null, err := r.opening('[')
	if null {
		return onNull, nil
	}
	if err != nil {
		return nil, err
	}
	out := []T{}
	var first error
	if r.enter('[') {
		for {
			v, err := elem()
			out = append(out, v)
			first = firstErr(first, err)
			if !r.more(']') {
				break
			}
		}
	}
	return out, first
}

// bool reads true or false (null is false).
func (r *reader) bool() (bool, error) {
	switch r.peek() {
	case 'n':
		r.literal("null")
		return false, nil
	case 't':
		r.literal("true")
		return true, nil
	case 'f':
		r.literal("false")
		return false, nil
	}
	r.skip()
	return false, errKind
}

// firstErr keeps the first error.
func firstErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// unquote is encoding/json's reading of a string with escapes or invalid UTF-8 (raw is its
// text between the quotes, already checked).
func unquote(raw []byte) string {
	var s string
	q := make([]byte, 0, len(raw)+2)
	q = append(append(append(q, '"'), raw...), '"')
	_ = json.Unmarshal(q, &s)
	return s
}

// The syntax: whitespace, literals, numbers, strings, and any value (skip).

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("invalid JSON at offset %d: %s", r.pos, what)
	}
	r.pos = len(r.data) // everything after reads as the end
}

func (r *reader) ws() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// peek skips whitespace and returns the next byte (0 at the end).
func (r *reader) peek() byte {
	r.ws()
	if r.pos < len(r.data) {
		return r.data[r.pos]
	}
	return 0
}

func (r *reader) literal(lit string) {
	if len(r.data)-r.pos < len(lit) || string(r.data[r.pos:r.pos+len(lit)]) != lit {
		r.fail("bad literal")
		return
	}
	r.pos += len(lit)
}

// enter reads an object's or array's opening byte and reports whether a member follows (else
// it has read the closing byte too).
func (r *reader) enter(open byte) bool {
	if r.peek() != open {
		r.fail("want " + string(open))
		return false
	}
	r.pos++
	if r.depth++; r.depth > maxDepth {
		r.fail("exceeded max depth")
		return false
	}
	if c := r.peek(); c == '}' && open == '{' || c == ']' && open == '[' {
		r.pos++
		r.depth--
		return false
	}
	return true
}

// more reads the comma before another member, or the closing byte.
func (r *reader) more(end byte) bool {
	switch r.peek() {
	case ',':
		r.pos++
		return true
	case end:
		r.pos++
		r.depth--
		return false
	}
	r.fail("want , or " + string(end))
	return false
}

// key reads an object member's key and its colon; the key is unquoted (and may alias data).
func (r *reader) key() []byte {
	if r.peek() != '"' {
		r.fail("want a key")
		return nil
	}
	raw, plain := r.strSpan()
	if r.peek() != ':' {
		r.fail("want :")
		return nil
	}
	r.pos++
	if !plain {
		return []byte(unquote(raw))
	}
	return raw
}

// strSpan reads a string (at its opening quote) and returns the text between its quotes;
// plain when that text is the string itself (no escape, valid UTF-8).
func (r *reader) strSpan() (raw []byte, plain bool) {
	start := r.pos + 1
	i, esc, high := start, false, false
	for i < len(r.data) {
		c := r.data[i]
		switch {
		case c == '"':
			r.pos = i + 1
			raw = r.data[start:i]
			return raw, !esc && (!high || utf8.Valid(raw))
		case c == '\\':
			esc = true
			i++
			if i >= len(r.data) {
				break
			}
			switch r.data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if len(r.data)-i < 5 || !isHex(r.data[i+1]) || !isHex(r.data[i+2]) || !isHex(r.data[i+3]) || !isHex(r.data[i+4]) {
					r.pos = i
					r.fail("bad \\u escape")
					return nil, true
				}
				i += 4
			default:
				r.pos = i
				r.fail("bad escape")
				return nil, true
			}
		case c < 0x20:
			r.pos = i
			r.fail("control character in string")
			return nil, true
		case c >= utf8.RuneSelf:
			high = true
		}
		i++
	}
	r.fail("unterminated string")
	return nil, true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// number reads a number's text: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (r *reader) number() {
	d := r.data
	i := r.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && '1' <= d[i] && d[i] <= '9':
		i = digits(d, i)
	default:
		r.pos = i
		r.fail("bad number")
		return
	}
	if i < len(d) && d[i] == '.' {
		if j := digits(d, i+1); j > i+1 {
			i = j
		} else {
			r.pos = j
			r.fail("bad number")
			return
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if j := digits(d, i); j > i {
			i = j
		} else {
			r.pos = j
			r.fail("bad number")
			return
		}
	}
	r.pos = i
}

func digits(d []byte, i int) int {
	for i < len(d) && '0' <= d[i] && d[i] <= '9' {
		i++
	}
	return i
}

// skip reads any value, checking its syntax.
func (r *reader) skip() {
	switch c := r.peek(); c {
	case '{':
		if r.enter('{') {
			for {
				r.key()
				r.skip()
				if !r.more('}') {
					break
				}
			}
		}
	case '[':
		if r.enter('[') {
			for {
				r.skip()
				if !r.more(']') {
					break
				}
			}
		}
	case '"':
		r.strSpan()
	case 't':
		r.literal("true")
	case 'f':
		r.literal("false")
	case 'n':
		r.literal("null")
	default:
		if c == '-' || '0' <= c && c <= '9' {
			r.number()
			return
		}
		r.fail("want a value")
	}
}
