package tree

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// consentPkg owns a consent's lifecycle fields: its transitions table (consent.Apply) is the
// only code that writes them.
const consentPkg = module + "/shared/consent"

// guarded are the consent.Consent fields only consent.Apply writes.
var guarded = []string{"Status", "BankStatus", "LastAction", "LastError"}

// TestOnlyConsentSetsStatus: no code outside shared/consent (the functions, shared/..., dev/...;
// tests aside) assigns a consent.Consent's Status, BankStatus, LastAction or LastError, sets one
// in a composite literal or takes its address. A consent changes status through the transitions
// table (consent.Apply), so the table in docs/lifecycle.md is the whole story.
func TestOnlyConsentSetsStatus(t *testing.T) {
	t.Parallel()
	bad := consentWrites(t, "./...")
	if len(bad) > 0 {
		t.Errorf("consent lifecycle fields written outside shared/consent (use consent.Apply):\n%s", strings.Join(bad, "\n"))
	}
}

// TestConsentWritesFound: the check of TestOnlyConsentSetsStatus reports exactly the lines of
// testdata/setstatus marked "// want": assignments (plain, multiple, compound, through
// parentheses, an index or an embedded field), composite literals and a field's address, and
// none of the reads, copies and other types' fields beside them.
func TestConsentWritesFound(t *testing.T) {
	t.Parallel()
	const fixture = "testdata/setstatus/setstatus.go"
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i, line := range strings.Split(string(src), "\n") {
		if strings.HasSuffix(line, "// want") {
			want = append(want, fmt.Sprintf("tree/%s:%d", fixture, i+1))
		}
	}
	var got []string
	for _, b := range consentWrites(t, "./tree/testdata/setstatus") {
		got = append(got, b[:strings.LastIndex(b, ": ")])
	}
	if !slices.Equal(got, want) || len(want) < 10 {
		t.Errorf("reported %d writes:\n%s\nwant %d:\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
}

// consentWrites loads the packages of patterns (from the repository root, without tests) and
// returns every write of a guarded field outside shared/consent as "file:line: what", sorted.
func consentWrites(t *testing.T, patterns ...string) []string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{Dir: root, Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
		packages.NeedTypes | packages.NeedTypesInfo}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatalf("load %v: %v", patterns, err)
	}
	var bad []string
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
		if p.PkgPath == consentPkg {
			continue
		}
		for _, f := range p.Syntax {
			name := p.Fset.File(f.Pos()).Name()
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			report := func(pos token.Pos, what string) {
				rel, _ := filepath.Rel(root, p.Fset.Position(pos).Filename)
				bad = append(bad, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), p.Fset.Position(pos).Line, what))
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					for _, lhs := range n.Lhs {
						if field := guardedField(p.TypesInfo, lhs); field != "" {
							report(lhs.Pos(), "assigns "+field)
						}
					}
				case *ast.UnaryExpr:
					if field := guardedField(p.TypesInfo, n.X); n.Op == token.AND && field != "" {
						report(n.Pos(), "takes the address of "+field)
					}
				case *ast.CompositeLit:
					if !isConsent(p.TypesInfo.TypeOf(n)) {
						break
					}
					for _, el := range n.Elts {
						kv, ok := el.(*ast.KeyValueExpr)
						if !ok {
							report(el.Pos(), "sets every field (unkeyed literal)")
							break
						}
						if id, ok := kv.Key.(*ast.Ident); ok && slices.Contains(guarded, id.Name) {
							report(kv.Pos(), "sets "+id.Name+" in a literal")
						}
					}
				}
				return true
			})
		}
	}
	slices.Sort(bad)
	return bad
}

// guardedField is the name of the guarded consent.Consent field e selects ("" if e is not one).
func guardedField(info *types.Info, e ast.Expr) string {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || !slices.Contains(guarded, sel.Sel.Name) {
		return ""
	}
	// The struct that declares the field: follow the embedded fields the selection goes through.
	owner := s.Recv()
	for _, i := range s.Index()[:len(s.Index())-1] {
		owner = deref(owner).Underlying().(*types.Struct).Field(i).Type()
	}
	if !isConsent(owner) {
		return ""
	}
	return sel.Sel.Name
}

// isConsent reports whether t is consent.Consent or a pointer to it.
func isConsent(t types.Type) bool {
	n, ok := deref(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == consentPkg && n.Obj().Name() == "Consent"
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return types.Unalias(t)
}
