package deploy

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// previousTemplate is the template of the previous release: the one every deployed stack runs.
// Replace it with template.yaml when cutting a release.
const previousTemplate = "testdata/previous-template.yaml"

// safeIndexChange is how to reshape an index without breaking an upgrade.
const safeIndexChange = "to change an index, add a new one (another IndexName) beside the old one in one release, " +
	"read both until the old one drains (or backfill the new one), and remove the old one in a later release"

// upgradeProblems returns what CloudFormation or DynamoDB would refuse (or do destructively) when
// a stack built from previous is updated to next, as far as DynamoDB tables go:
//   - a table of previous missing from next: renamed (a new logical id or TableName) or deleted,
//     it is a new, empty table and the old one is orphaned (Retain) or lost;
//   - a changed key schema or local secondary indexes: replacement, a new empty table;
//   - a global secondary index whose key schema or projection changed: DynamoDB cannot change
//     either in place;
//   - more than one global secondary index created or deleted: DynamoDB takes one such change
//     per table update, and CloudFormation fails the update (and rolls back) on the second.
func upgradeProblems(previous, next map[string]any) []string {
	var out []string
	tables := func(tpl map[string]any) map[string]map[string]any {
		res, _ := tpl["Resources"].(map[string]any)
		m := map[string]map[string]any{}
		for id, raw := range res {
			r, _ := raw.(map[string]any)
			if r["Type"] == "AWS::DynamoDB::Table" {
				p, _ := r["Properties"].(map[string]any)
				m[id] = p
			}
		}
		return m
	}
	nextTables := tables(next)
	ids := sortedKeys(tables(previous))
	for _, id := range ids {
		old := tables(previous)[id]
		cur, ok := nextTables[id]
		if !ok {
			out = append(out, fmt.Sprintf("table %s: gone (renamed or deleted); a deployed stack would get a new, empty table. "+
				"Keep its logical id and TableName", id))
			continue
		}
		if !same(old["TableName"], cur["TableName"]) {
			out = append(out, fmt.Sprintf("table %s: TableName changed (%s → %s): CloudFormation replaces the table with a new, empty one",
				id, show(old["TableName"]), show(cur["TableName"])))
		}
		if !same(keySchema(old["KeySchema"]), keySchema(cur["KeySchema"])) {
			out = append(out, fmt.Sprintf("table %s: key schema changed: CloudFormation replaces the table with a new, empty one", id))
		}
		if !same(indexes(old["LocalSecondaryIndexes"]), indexes(cur["LocalSecondaryIndexes"])) {
			out = append(out, fmt.Sprintf("table %s: local secondary indexes changed: they exist only from the table's creation, "+
				"so CloudFormation replaces the table", id))
		}
		was, is := indexes(old["GlobalSecondaryIndexes"]), indexes(cur["GlobalSecondaryIndexes"])
		var created, deleted []string
		for _, name := range sortedKeys(was) {
			now, ok := is[name]
			if !ok {
				deleted = append(deleted, name)
				continue
			}
			if !same(was[name].keys, now.keys) {
				out = append(out, fmt.Sprintf("table %s: index %s: key schema changed, which DynamoDB cannot do in place; %s", id, name, safeIndexChange))
			}
			if !same(was[name].projection, now.projection) {
				out = append(out, fmt.Sprintf("table %s: index %s: projection changed, which DynamoDB cannot do in place; %s", id, name, safeIndexChange))
			}
		}
		for _, name := range sortedKeys(is) {
			if _, ok := was[name]; !ok {
				created = append(created, name)
			}
		}
		if len(created)+len(deleted) > 1 {
			out = append(out, fmt.Sprintf("table %s: one update creates %v and deletes %v; DynamoDB takes one index created or deleted per update, "+
				"so spread them over releases (%s)", id, created, deleted, safeIndexChange))
		}
	}
	return out
}

// index is a secondary index as far as upgrades go.
type index struct {
	keys       []string // name/type in order
	projection string   // type, then the non-key attributes sorted
}

func indexes(v any) map[string]index {
	out := map[string]index{}
	list, _ := v.([]any)
	for _, raw := range list {
		ix, _ := raw.(map[string]any)
		name := show(ix["IndexName"])
		p, _ := ix["Projection"].(map[string]any)
		var nonKey []string
		for _, a := range asList(p["NonKeyAttributes"]) {
			nonKey = append(nonKey, show(a))
		}
		slices.Sort(nonKey)
		out[name] = index{keys: keySchema(ix["KeySchema"]), projection: show(p["ProjectionType"]) + " " + strings.Join(nonKey, ",")}
	}
	return out
}

func keySchema(v any) []string {
	var out []string
	for _, raw := range asList(v) {
		k, _ := raw.(map[string]any)
		out = append(out, show(k["AttributeName"])+"/"+show(k["KeyType"]))
	}
	return out
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// show renders a value (a literal or an intrinsic) for comparison and messages.
func show(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func same(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestUpgradeFromPreviousRelease: a stack deployed from the previous release's template
// updates to template.yaml.
func TestUpgradeFromPreviousRelease(t *testing.T) {
	t.Parallel()
	previous := readLongForm(t, previousTemplate)
	next := readLongForm(t, "../template.yaml")
	for _, p := range upgradeProblems(previous, next) {
		t.Errorf("%s → template.yaml: %s", previousTemplate, p)
	}
}

// TestUpgradeProblems: each change an existing stack cannot take is refused, with the safe way.
func TestUpgradeProblems(t *testing.T) {
	t.Parallel()
	const owner = `
        - IndexName: owner
          KeySchema:
            - {AttributeName: owner, KeyType: HASH}
            - {AttributeName: createdAt, KeyType: RANGE}
          Projection: {ProjectionType: ALL}
`
	base := readLongForm(t, "../template.yaml")
	src := func(t *testing.T, from, to string) map[string]any {
		t.Helper()
		b := mustRead(t, "../template.yaml")
		if strings.Count(b, from) != 1 {
			t.Fatalf("template.yaml does not hold %q exactly once", from)
		}
		return parseLongForm(t, []byte(strings.Replace(b, from, to, 1)))
	}
	newIndex := func(name string) string {
		return "        - IndexName: " + name + "\n          KeySchema:\n            - {AttributeName: owner, KeyType: HASH}\n          Projection: {ProjectionType: KEYS_ONLY}\n"
	}
	for _, c := range []struct {
		name, from, to string
		want           string // in the problem; "" for none
	}{
		{"nothing changed", owner, owner, ""},
		{"one index added", owner, owner + newIndex("owner2"), ""},
		{"one index removed", owner, "\n", ""},
		{"two indexes added", owner, owner + newIndex("a") + newIndex("b"), "one index created or deleted per update"},
		{"an index replaced under another name", owner, "\n" + newIndex("owner2"), "one index created or deleted per update"},
		{"an index's key changed", "            - {AttributeName: createdAt, KeyType: RANGE}\n", "", "index owner: key schema changed"},
		{"an index's projection changed", "          Projection: {ProjectionType: ALL}\n", "          Projection: {ProjectionType: KEYS_ONLY}\n", "index owner: projection changed"},
		{"an included attribute added", "NonKeyAttributes: [consentId,", "NonKeyAttributes: [extra, consentId,", "index refresh: projection changed"},
		{"the table's key changed", "        - {AttributeName: sk, KeyType: RANGE}\n      GlobalSecondaryIndexes:", "      GlobalSecondaryIndexes:", "key schema changed: CloudFormation replaces the table"},
		{"the table renamed", "\n  Table:\n    Type: AWS::DynamoDB::Table", "\n  ConsentTable:\n    Type: AWS::DynamoDB::Table", "table Table: gone"},
		{"a TableName set", "      BillingMode: PAY_PER_REQUEST\n", "      BillingMode: PAY_PER_REQUEST\n      TableName: consents\n", "TableName changed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := upgradeProblems(base, src(t, c.from, c.to))
			if c.want == "" {
				if len(got) > 0 {
					t.Errorf("refused a safe change: %v", got)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0], c.want) {
				t.Fatalf("problems %q, want one containing %q", got, c.want)
			}
			if strings.Contains(c.want, "index") && !strings.Contains(got[0], safeIndexChange) {
				t.Errorf("problem %q does not name the safe way", got[0])
			}
		})
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
