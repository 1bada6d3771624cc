package deploy

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// graph is a template's dependency graph as CloudFormation orders it after SAM's transform:
// node → the nodes it needs first. A cycle fails the deploy ("Circular dependency between
// resources"), and no check that reads the template's resources one by one sees it.
type graph map[string]map[string]bool

func (g graph) edge(from, to string) {
	if g[from] == nil {
		g[from] = map[string]bool{}
	}
	g[from][to] = true
}

// dependencyGraph builds the graph of a template in long form (readLongForm). Besides each
// resource's own references (Ref, GetAtt, Sub, DependsOn) it adds the edges SAM's transform
// creates, which the template does not show:
//   - Globals.Function (Globals.HttpApi) is part of every function (HTTP API);
//   - a function's Policies become its role, <Function>Role, which the function needs;
//   - each event becomes resources of its own (a permission, a schedule and its role, ...)
//     that need the function and whatever the event refers to (events → API);
//   - an HttpApi event adds the function's integration to the API's definition, so the API
//     needs the function (API → functions).
func dependencyGraph(tpl map[string]any) graph {
	resources, _ := tpl["Resources"].(map[string]any)
	globals, _ := tpl["Globals"].(map[string]any)
	g := graph{}
	refs := func(from string, vs ...any) {
		for _, v := range vs {
			for _, r := range references(v) {
				if _, ok := resources[r]; ok && r != from {
					g.edge(from, r)
				}
			}
		}
	}
	for id, raw := range resources {
		r, _ := raw.(map[string]any)
		typ, _ := r["Type"].(string)
		props, _ := r["Properties"].(map[string]any)
		if g[id] == nil {
			g[id] = map[string]bool{} // a node without dependencies is still a node
		}
		for _, d := range dependsOn(r["DependsOn"]) {
			g.edge(id, d)
		}
		switch typ {
		case "AWS::Serverless::Function":
			role := id + "Role"
			g.edge(id, role)
			refs(role, props["Policies"], props["EventInvokeConfig"])
			for k, v := range props {
				if k != "Events" && k != "Policies" {
					refs(id, v)
				}
			}
			refs(id, globals["Function"])
			events, _ := props["Events"].(map[string]any)
			for name, raw := range events {
				ev, _ := raw.(map[string]any)
				node := id + ".Events." + name
				g.edge(node, id)
				refs(node, ev["Properties"])
				api := ""
				switch ev["Type"] {
				case "HttpApi":
					api = "ServerlessHttpApi" // SAM's implicit API when no ApiId is given
					if a, ok := refName(dig(ev, "Properties", "ApiId")); ok {
						api = a
					}
				case "Api":
					api = "ServerlessRestApi"
					if a, ok := refName(dig(ev, "Properties", "RestApiId")); ok {
						api = a
					}
				}
				if api != "" {
					g.edge(node, api)
					g.edge(api, id)
				}
			}
		case "AWS::Serverless::HttpApi":
			refs(id, props, globals["HttpApi"])
		case "AWS::Serverless::Api":
			refs(id, props, globals["Api"])
		default:
			refs(id, props)
		}
	}
	return g
}

// cycle returns one dependency cycle as "A → B → A", or "" when there is none.
func (g graph) cycle() string {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(n string) string
	visit = func(n string) string {
		state[n] = onPath
		path = append(path, n)
		deps := make([]string, 0, len(g[n]))
		for d := range g[n] {
			deps = append(deps, d)
		}
		slices.Sort(deps)
		for _, d := range deps {
			switch state[d] {
			case onPath:
				i := slices.Index(path, d)
				return strings.Join(append(slices.Clone(path[i:]), d), " → ")
			case unseen:
				if c := visit(d); c != "" {
					return c
				}
			}
		}
		path = path[:len(path)-1]
		state[n] = done
		return ""
	}
	nodes := make([]string, 0, len(g))
	for n := range g {
		nodes = append(nodes, n)
	}
	slices.Sort(nodes)
	for _, n := range nodes {
		if state[n] == unseen {
			if c := visit(n); c != "" {
				return c
			}
		}
	}
	return ""
}

// subName matches ${Name} and ${Name.Attribute} in an Fn::Sub string (not ${!Literal}).
var subName = regexp.MustCompile(`\$\{([A-Za-z0-9:]+)(?:\.[A-Za-z0-9.]+)?\}`)

// references returns every logical id v refers to through Ref, Fn::GetAtt and Fn::Sub (a
// Sub's own variables excepted), at any depth.
func references(v any) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, arg := range x {
			switch k {
			case "Ref":
				if s, ok := arg.(string); ok {
					out = append(out, s)
				}
			case "Fn::GetAtt":
				switch a := arg.(type) {
				case string:
					res, _, _ := strings.Cut(a, ".")
					out = append(out, res)
				case []any:
					if len(a) > 0 {
						if s, ok := a[0].(string); ok {
							out = append(out, s)
						}
					}
				}
			case "Fn::Sub":
				s, vars := arg, map[string]any{}
				if a, ok := arg.([]any); ok && len(a) == 2 {
					s = a[0]
					vars, _ = a[1].(map[string]any)
					out = append(out, references(a[1])...)
				}
				str, _ := s.(string)
				for _, m := range subName.FindAllStringSubmatch(str, -1) {
					if _, own := vars[m[1]]; !own {
						out = append(out, m[1])
					}
				}
			default:
				out = append(out, references(arg)...)
			}
		}
	case []any:
		for _, e := range x {
			out = append(out, references(e)...)
		}
	}
	return out
}

func dependsOn(v any) []string {
	switch d := v.(type) {
	case string:
		return []string{d}
	case []any:
		var out []string
		for _, e := range d {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
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

// TestNoDependencyCycle: template.yaml deploys without a circular dependency.
func TestNoDependencyCycle(t *testing.T) {
	t.Parallel()
	g := dependencyGraph(readLongForm(t, "../template.yaml"))
	if c := g.cycle(); c != "" {
		t.Fatalf("template.yaml has a dependency cycle, which CloudFormation refuses: %s", c)
	}
	// The implicit edges are there: the API needs every function it routes to.
	for _, r := range routes {
		if !g["Api"][r.function] {
			t.Errorf("graph: Api does not need %s (route %s)", r.function, r.key)
		}
	}
}

// TestCycleDetected: the graph sees the cycles SAM's implicit edges make, which a
// reference-by-reference reading of the template misses.
func TestCycleDetected(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, from, to string
		cycle          bool
	}{
		{"the API's URL in every function's environment (Globals)",
			"        REDIRECT_URI: !Ref RedirectUri\n",
			"        REDIRECT_URI: !Sub \"https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/callback\"\n", true},
		{"the API's endpoint in one function's environment",
			"          RESULT_SIGNING_KEY_ID: !GetAtt ResultSigningKey.Arn\n",
			"          RESULT_SIGNING_KEY_ID: !GetAtt ResultSigningKey.Arn\n          API_URL: !GetAtt Api.ApiEndpoint\n", true},
		{"the API in a function's policy (its role)",
			"              Resource: !GetAtt ResultSigningKey.Arn\n      Environment:\n",
			"              Resource: [!GetAtt ResultSigningKey.Arn, !Sub \"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*\"]\n      Environment:\n", true},
		{"a function in the API's own properties",
			"      Description: The connector's API for the app (docs/architecture.md).\n",
			"      Description: !Sub \"The connector's API; tokens by ${TokensFunction}\"\n", false},
		{"the API's URL in an output", "", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			src := string(b)
			if c.from != "" {
				if strings.Count(src, c.from) != 1 {
					t.Fatalf("template.yaml does not hold %q exactly once", c.from)
				}
				src = strings.Replace(src, c.from, c.to, 1)
			}
			got := dependencyGraph(parseLongForm(t, []byte(src))).cycle()
			if (got != "") != c.cycle {
				t.Errorf("cycle %q, want a cycle: %v", got, c.cycle)
			}
			if c.cycle && !strings.Contains(got, "Api") {
				t.Errorf("cycle %q does not go through Api", got)
			}
		})
	}
}
