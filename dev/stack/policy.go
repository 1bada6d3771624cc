package stack

import (
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
)

// Policy is what a function's template Policies grant, as far as the local IAM front
// (iam.go) checks them: the actions, and whether those actions reach the table's indexes.
// Resources are otherwise not told apart: the connector's functions touch one table and one
// secret, so an action granted anywhere is granted on them.
type Policy struct {
	// Actions are the Allow statements' actions as written (dynamodb:GetItem,
	// secretsmanager:GetSecretValue), sorted and distinct. IAM's wildcards (* and ?) match.
	Actions []string
	// Index is set when some statement's Resource names the table's indexes (a resource
	// containing "/index/", such as !Sub "${Table.Arn}/index/*", or "*"): only then may a
	// Query or Scan use an IndexName.
	Index bool
}

// Allows reports whether the policy grants action (dynamodb:Query), on an index when index is
// set. IAM compares actions case-insensitively.
func (p Policy) Allows(action string, index bool) bool {
	if index && !p.Index {
		return false
	}
	action = strings.ToLower(action)
	for _, a := range p.Actions {
		if ok, _ := path.Match(strings.ToLower(a), action); ok {
			return true
		}
	}
	return false
}

type rawStatement struct {
	Effect   string
	Action   any
	Resource any
}

// parsePolicies reads a function's SAM Policies. Only inline policy documents (a list of
// {Statement: [...]}) are understood, as the deploy tests require of template.yaml: a managed
// policy name or a SAM policy template is an error, so nothing is granted by accident. A Deny
// statement is an error too: the front only models grants.
func parsePolicies(raw json.RawMessage) (Policy, error) {
	var p Policy
	if len(raw) == 0 || string(raw) == "null" {
		return p, nil
	}
	var docs []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &docs); err != nil {
		var one map[string]json.RawMessage
		if json.Unmarshal(raw, &one) != nil {
			return p, errors.New("policies: want a list of inline policy documents (Statement lists)")
		}
		docs = []map[string]json.RawMessage{one}
	}
	seen := map[string]bool{}
	for i, doc := range docs {
		st, ok := doc["Statement"]
		for k := range doc {
			ok = ok && (k == "Statement" || k == "Version")
		}
		if !ok {
			return p, fmt.Errorf("policies[%d]: only inline Statement lists are read locally", i)
		}
		var statements []rawStatement
		if err := json.Unmarshal(st, &statements); err != nil {
			return p, fmt.Errorf("policies[%d]: Statement: %w", i, err)
		}
		for j, s := range statements {
			if s.Effect != "Allow" {
				return p, fmt.Errorf("policies[%d].Statement[%d]: Effect %q: only Allow is modelled locally", i, j, s.Effect)
			}
			for _, a := range stringsIn(s.Action) {
				if !seen[a] {
					seen[a] = true
					p.Actions = append(p.Actions, a)
				}
			}
			for _, r := range stringsIn(s.Resource) {
				p.Index = p.Index || r == "*" || strings.Contains(r, "/index/")
			}
		}
	}
	sort.Strings(p.Actions)
	return p, nil
}

// stringsIn returns every string inside v: v itself, a list's items, an intrinsic's arguments
// ({"Fn::Sub": "${Table.Arn}/index/*"} gives "${Table.Arn}/index/*").
func stringsIn(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, stringsIn(e)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, e := range x {
			out = append(out, stringsIn(e)...)
		}
		return out
	}
	return nil
}
