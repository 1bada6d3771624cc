package table_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/table"
	"github.com/coop-ob/connector/shared/consent"
)

// TestNamesAreTheStores: the table this package creates has the index and attribute names the
// store queries (spelled out here so that shared/consent's tests can import this package).
func TestNamesAreTheStores(t *testing.T) {
	pairs := map[string][2]string{
		"owner index":    {table.OwnerIndex, consent.OwnerIndex},
		"refresh index":  {table.RefreshIndex, consent.RefreshIndex},
		"deadline index": {table.DeadlineIndex, consent.DeadlineIndex},
		"ttl attribute":  {table.TTLAttribute, consent.TTLAttribute},
	}
	for name, p := range pairs {
		if p[0] != p[1] {
			t.Errorf("%s: table %q, store %q", name, p[0], p[1])
		}
	}
	if diff := cmp.Diff(consent.RefreshIndexAttributes(), table.RefreshIndexAttributes()); diff != "" {
		t.Errorf("refresh index attributes (-store +table):\n%s", diff)
	}
	def := table.Definition("x")
	if got := len(def.GlobalSecondaryIndexes); got != 3 { // owner, refresh, deadline
		t.Fatalf("GSIs = %d, want 3", got)
	}
	if def.GlobalSecondaryIndexes[1].Projection.ProjectionType != "INCLUDE" {
		t.Errorf("refresh index projection = %s, want INCLUDE", def.GlobalSecondaryIndexes[1].Projection.ProjectionType)
	}
}
