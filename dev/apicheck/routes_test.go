package apicheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/coop-ob/connector/dev/stack"
)

// TestRoutesMatchTemplate: the document has exactly the routes template.yaml gives the HTTP
// API, and the public ones (no JWT authorizer) are exactly those whose security is empty.
func TestRoutesMatchTemplate(t *testing.T) {
	t.Parallel()
	tmpl, err := stack.LoadTemplate("../../template.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	var wantRoutes, wantPublic []string
	for _, fn := range tmpl.Functions {
		for _, r := range fn.Routes {
			wantRoutes = append(wantRoutes, r.Key())
			if r.NoAuth {
				wantPublic = append(wantPublic, r.Key())
			}
		}
	}
	var gotRoutes, gotPublic []string
	for path, item := range checker(t).doc.Paths.Map() {
		for method, op := range item.Operations() {
			gotRoutes = append(gotRoutes, method+" "+path)
			if op.Security != nil && len(*op.Security) == 0 {
				gotPublic = append(gotPublic, method+" "+path)
			}
		}
	}
	sorted := cmpopts.SortSlices(func(a, b string) bool { return a < b })
	if diff := cmp.Diff(wantRoutes, gotRoutes, sorted); diff != "" || len(gotRoutes) == 0 {
		t.Errorf("routes (-template.yaml +openapi.yaml):\n%s", diff)
	}
	if diff := cmp.Diff(wantPublic, gotPublic, sorted); diff != "" {
		t.Errorf("public routes (-template.yaml +openapi.yaml):\n%s", diff)
	}
}
