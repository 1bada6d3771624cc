package stack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// FilterPattern is one pattern of an event source mapping's FilterCriteria, in the subset of
// Lambda's (EventBridge's) filter syntax the local stack implements: nested objects, and at a
// leaf a list of alternatives, each an exact value (string, number, true, false, null) or an
// operator object: {"prefix": "E#"}, {"suffix": "x"}, {"equals-ignore-case": "x"},
// {"exists": true|false}, {"anything-but": value or [values]}. Any other operator is refused
// when the template is read, so nothing is let through by a pattern the stack misreads.
//
// A record matches when every field the pattern names matches: an object field by the
// pattern's nested object, a leaf field by any of its alternatives (a list field by any of its
// elements; a list of objects by any of its objects). A field the record lacks matches only
// {"exists": false}.
type FilterPattern struct {
	Source string
	tree   map[string]any
}

// ParseFilterPattern reads a pattern's JSON.
func ParseFilterPattern(src string) (FilterPattern, error) {
	d := json.NewDecoder(strings.NewReader(src))
	d.UseNumber()
	var tree map[string]any
	if err := d.Decode(&tree); err != nil {
		return FilterPattern{}, fmt.Errorf("pattern %s: %w", src, err)
	}
	if err := checkPattern(tree, ""); err != nil {
		return FilterPattern{}, fmt.Errorf("pattern %s: %w", src, err)
	}
	return FilterPattern{Source: src, tree: tree}, nil
}

func checkPattern(tree map[string]any, path string) error {
	if len(tree) == 0 {
		return fmt.Errorf("%s: an empty object matches nothing useful", cmpPath(path))
	}
	for k, v := range tree {
		p := path + "." + k
		switch x := v.(type) {
		case map[string]any:
			if err := checkPattern(x, p); err != nil {
				return err
			}
		case []any:
			if len(x) == 0 {
				return fmt.Errorf("%s: an empty list matches nothing", p)
			}
			for _, alt := range x {
				if op, ok := alt.(map[string]any); ok {
					if err := checkOperator(op, p); err != nil {
						return err
					}
				}
			}
		default:
			return fmt.Errorf("%s: a leaf must be a list of alternatives, not %v", p, v)
		}
	}
	return nil
}

func checkOperator(op map[string]any, path string) error {
	if len(op) != 1 {
		return fmt.Errorf("%s: an operator object has one key, not %v", path, op)
	}
	for name, arg := range op {
		switch name {
		case "prefix", "suffix", "equals-ignore-case":
			if _, ok := arg.(string); !ok {
				return fmt.Errorf("%s: %s wants a string", path, name)
			}
		case "exists":
			if _, ok := arg.(bool); !ok {
				return fmt.Errorf("%s: exists wants true or false", path)
			}
		case "anything-but":
			if _, ok := arg.(map[string]any); ok {
				return fmt.Errorf("%s: anything-but with an operator is not implemented locally", path)
			}
		default:
			return fmt.Errorf("%s: operator %q is not implemented locally", path, name)
		}
	}
	return nil
}

func cmpPath(p string) string {
	if p == "" {
		return "pattern"
	}
	return p
}

// Match reports whether a record (its JSON decoded into maps, lists and scalars, numbers as
// json.Number or float64) matches the pattern.
func (f FilterPattern) Match(record map[string]any) bool { return matchObject(f.tree, record) }

func matchObject(pattern, value map[string]any) bool {
	for k, pv := range pattern {
		v, present := value[k]
		switch p := pv.(type) {
		case map[string]any:
			if !present || !matchNested(p, v) {
				return false
			}
		case []any:
			if !matchLeaf(p, v, present) {
				return false
			}
		}
	}
	return true
}

// matchNested matches an object field, or a list field by any of its objects.
func matchNested(pattern map[string]any, v any) bool {
	switch x := v.(type) {
	case map[string]any:
		return matchObject(pattern, x)
	case []any:
		for _, e := range x {
			if sub, ok := e.(map[string]any); ok && matchObject(pattern, sub) {
				return true
			}
		}
	}
	return false
}

func matchLeaf(alts []any, v any, present bool) bool {
	values := []any{v}
	if list, ok := v.([]any); ok {
		values = list
	}
	for _, alt := range alts {
		if op, ok := alt.(map[string]any); ok {
			if e, ok := op["exists"].(bool); ok {
				if e == present {
					return true
				}
				continue
			}
		}
		if !present {
			continue
		}
		for _, val := range values {
			if matchAlternative(alt, val) {
				return true
			}
		}
	}
	return false
}

func matchAlternative(alt, v any) bool {
	op, ok := alt.(map[string]any)
	if !ok {
		return sameScalar(alt, v)
	}
	s, isString := v.(string)
	for name, arg := range op {
		switch name {
		case "prefix":
			return isString && strings.HasPrefix(s, arg.(string))
		case "suffix":
			return isString && strings.HasSuffix(s, arg.(string))
		case "equals-ignore-case":
			return isString && strings.EqualFold(s, arg.(string))
		case "anything-but":
			excluded := []any{arg}
			if list, ok := arg.([]any); ok {
				excluded = list
			}
			for _, e := range excluded {
				if sameScalar(e, v) {
					return false
				}
			}
			_, isObject := v.(map[string]any)
			return !isObject
		}
	}
	return false
}

// sameScalar compares a pattern's literal with a record's value; numbers by value.
func sameScalar(a, b any) bool {
	if fa, ok := number(a); ok {
		fb, ok := number(b)
		return ok && fa == fb
	}
	switch a.(type) {
	case map[string]any, []any:
		return false
	}
	return a == b
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64:
		return x, true
	}
	return 0, false
}

// matchesAny reports whether a record matches one of the patterns; with none, every record
// matches. The record is given as the JSON Lambda would send for it.
func matchesAny(patterns []FilterPattern, recordJSON []byte) (bool, error) {
	if len(patterns) == 0 {
		return true, nil
	}
	d := json.NewDecoder(bytes.NewReader(recordJSON))
	d.UseNumber()
	var rec map[string]any
	if err := d.Decode(&rec); err != nil {
		return false, err
	}
	for _, p := range patterns {
		if p.Match(rec) {
			return true, nil
		}
	}
	return false, nil
}
