package stack

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// fromYAML turns a YAML node into plain Go values (map[string]any, []any, string, int, float64,
// bool, nil), writing CloudFormation's short-form intrinsics in their long form, as
// CloudFormation itself does: `!Ref X` → {"Ref": "X"}, `!GetAtt A.B` → {"Fn::GetAtt": ["A","B"]},
// `!Sub s` → {"Fn::Sub": s}, any other `!Name v` → {"Fn::Name": v}.
func fromYAML(n *yaml.Node) (any, error) {
	v, err := plainYAML(n)
	if err != nil {
		return nil, err
	}
	tag := n.Tag
	if !strings.HasPrefix(tag, "!") || strings.HasPrefix(tag, "!!") {
		return v, nil
	}
	name := strings.TrimPrefix(tag, "!")
	switch name {
	case "Ref", "Condition":
		return map[string]any{name: v}, nil
	case "GetAtt":
		if s, ok := v.(string); ok {
			resource, attr, _ := strings.Cut(s, ".")
			return map[string]any{"Fn::GetAtt": []any{resource, attr}}, nil
		}
	}
	return map[string]any{"Fn::" + name: v}, nil
}

func plainYAML(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return fromYAML(n.Content[0])
	case yaml.AliasNode:
		return fromYAML(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := fromYAML(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := fromYAML(c)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	case yaml.ScalarNode:
		return scalarYAML(n)
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node kind %v", n.Line, n.Kind)
}

// scalarYAML decodes a scalar by its resolved type; a scalar under a custom tag (!Ref Name)
// is a string.
func scalarYAML(n *yaml.Node) (any, error) {
	switch n.Tag {
	case "!!int", "!!float", "!!bool", "!!null":
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("line %d: %w", n.Line, err)
		}
		return v, nil
	}
	return n.Value, nil
}

// literal returns v as a string when it is a plain scalar or a Ref to a parameter whose value
// is known (from overrides, then the parameter's Default).
func (t *Template) literal(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int:
		return strconv.Itoa(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	case map[string]any:
		ref, ok := x["Ref"].(string)
		if !ok || len(x) != 1 {
			return "", false
		}
		if s, ok := t.ParameterValues[ref]; ok {
			return s, true
		}
		p, ok := t.Parameters[ref]
		if !ok || p.Default == nil {
			return "", false
		}
		return t.literal(p.Default)
	}
	return "", false
}

// refName returns X for {"Ref": "X"}.
func refName(v any) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		return "", false
	}
	s, ok := m["Ref"].(string)
	return s, ok
}

// pseudoParameters are the local values of CloudFormation's pseudo parameters.
var pseudoParameters = map[string]string{
	"AWS::AccountId": localAccountID,
	"AWS::Region":    localRegion,
	"AWS::Partition": "aws",
	"AWS::StackName": "connector-local",
	"AWS::URLSuffix": "amazonaws.com",
}

// resolve returns v as a string: a literal, a Ref to a known parameter, or a one-argument
// Fn::Sub whose ${Name}s are pseudo parameters or known parameters.
func (t *Template) resolve(v any) (string, error) {
	if s, ok := t.literal(v); ok {
		return s, nil
	}
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		return "", fmt.Errorf("%v: no local value", v)
	}
	sub, ok := m["Fn::Sub"].(string)
	if !ok {
		return "", fmt.Errorf("%v: no local value", v)
	}
	var b strings.Builder
	for {
		i := strings.Index(sub, "${")
		if i < 0 {
			b.WriteString(sub)
			return b.String(), nil
		}
		j := strings.IndexByte(sub[i:], '}')
		if j < 0 {
			return "", fmt.Errorf("Fn::Sub %q: unclosed ${", sub)
		}
		name := sub[i+2 : i+j]
		b.WriteString(sub[:i])
		switch val, ok := pseudoParameters[name]; {
		case strings.HasPrefix(name, "!"): // ${!Literal} is written as ${Literal}
			b.WriteString("${" + name[1:] + "}")
		case ok:
			b.WriteString(val)
		default:
			val, ok := t.literal(map[string]any{"Ref": name})
			if !ok {
				return "", fmt.Errorf("Fn::Sub: no local value for ${%s}", name)
			}
			b.WriteString(val)
		}
		sub = sub[i+j+1:]
	}
}
