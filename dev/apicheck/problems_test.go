package apicheck

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestProblemVocabulary: the problem types and actions the document lists are exactly the ones
// shared/httpapi declares (every Type… and Action… constant of problem.go), so a new problem
// type cannot reach an app undocumented, and the document names none the connector lacks.
func TestProblemVocabulary(t *testing.T) {
	t.Parallel()
	consts := declaredConstants(t, filepath.Join("..", "..", "shared", "httpapi", "problem.go"))
	var wantTypes, wantActions []string
	for name, v := range consts {
		switch {
		case strings.HasPrefix(name, "Type"):
			wantTypes = append(wantTypes, v)
		case strings.HasPrefix(name, "Action"):
			wantActions = append(wantActions, v)
		}
	}
	schemas := checker(t).doc.Components.Schemas
	for _, tc := range []struct {
		schema string
		want   []string
	}{{"ProblemType", wantTypes}, {"ProblemAction", wantActions}} {
		ref := schemas[tc.schema]
		if ref == nil || ref.Value == nil {
			t.Fatalf("the document has no %s schema", tc.schema)
		}
		var got []string
		for _, v := range ref.Value.Enum {
			got = append(got, v.(string))
		}
		if diff := cmp.Diff(tc.want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" || len(got) == 0 {
			t.Errorf("%s enum differs from shared/httpapi (-httpapi +document):\n%s", tc.schema, diff)
		}
	}
}

// declaredConstants evaluates the string constants of one Go file (constants that refer to
// others, such as ProblemBase + "…", included).
func declaredConstants(t *testing.T, path string) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Imports are irrelevant to constants: type-check the constant declarations alone.
	var decls []ast.Decl
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
			decls = append(decls, g)
		}
	}
	f.Decls, f.Imports = decls, nil
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{}).Check("httpapi", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for id, obj := range info.Defs {
		if c, ok := obj.(*types.Const); ok && c.Val().Kind() == constant.String {
			out[id.Name] = constant.StringVal(c.Val())
		}
	}
	if !slices.ContainsFunc(mapsKeys(out), func(k string) bool { return strings.HasPrefix(k, "Type") }) {
		t.Fatalf("no Type… constants in %s", path)
	}
	return out
}

func mapsKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
