package deploy

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/table"
	"github.com/coop-ob/connector/shared/consent"
)

// TestTableMatchesStore keeps template.yaml's table and dev/table's definition (which
// tests and the local stack create) one and the same: keys, attribute types, indexes and projections.
func TestTableMatchesStore(t *testing.T) {
	t.Parallel()
	tb := loadTemplate(t).table(t)
	def := table.Definition("x")

	type index struct {
		Keys       []string
		Projection string
		NonKey     []string
	}
	got := map[string]index{}
	for _, g := range tb.GlobalSecondaryIndexes {
		var ix index
		for _, k := range conv(g.KeySchema) {
			ix.Keys = append(ix.Keys, k.AttributeName+"/"+k.KeyType)
		}
		if g.Projection != nil {
			ix.Projection = aws.ToString(g.Projection.ProjectionType)
			ix.NonKey = g.Projection.NonKeyAttributes
		}
		got[g.IndexName] = ix
	}
	want := map[string]index{}
	for _, g := range def.GlobalSecondaryIndexes {
		var ix index
		for _, k := range g.KeySchema {
			ix.Keys = append(ix.Keys, aws.ToString(k.AttributeName)+"/"+string(k.KeyType))
		}
		ix.Projection = string(g.Projection.ProjectionType)
		ix.NonKey = g.Projection.NonKeyAttributes
		want[aws.ToString(g.IndexName)] = ix
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("template.yaml GSIs differ from table.Definition (-store +template):\n%s", diff)
	}

	gotAttrs := map[string]string{}
	for _, a := range tb.AttributeDefinitions {
		gotAttrs[a.AttributeName] = a.AttributeType
	}
	wantAttrs := map[string]string{}
	for _, a := range def.AttributeDefinitions {
		wantAttrs[aws.ToString(a.AttributeName)] = string(a.AttributeType)
	}
	if diff := cmp.Diff(wantAttrs, gotAttrs); diff != "" {
		t.Errorf("attribute definitions differ (-store +template):\n%s", diff)
	}
	if tb.TimeToLiveSpecification == nil || aws.ToString(tb.TimeToLiveSpecification.AttributeName) != consent.TTLAttribute {
		t.Errorf("template TTL attribute is not %q", consent.TTLAttribute)
	}
}
