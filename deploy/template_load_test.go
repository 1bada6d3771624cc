package deploy

import (
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/awslabs/goformation/v7/cloudformation/dynamodb"
	"github.com/awslabs/goformation/v7/cloudformation/serverless"
	"github.com/awslabs/goformation/v7/intrinsics"
)

// route is one route of docs/architecture.md §Routes and the function that serves it.
type route struct {
	key      string // API Gateway route key, "METHOD /path"
	function string // logical id
}

var routes = []route{
	{"POST /consents", "ConsentsFunction"},
	{"GET /consents", "ConsentsFunction"},
	{"GET /consents/{id}", "ConsentsFunction"},
	{"DELETE /consents/{id}", "ConsentsFunction"},
	{"POST /consents/{id}/authorize", "ConsentsFunction"},
	{"POST /consents/{id}/reconfirm", "ConsentsFunction"},
	{"GET /callback", "CallbackFunction"},
	{"GET /journeys/{ref}", "CallbackFunction"},
	{"GET /.well-known/jwks.json", "CallbackFunction"},
	{"GET /consents/{id}/accounts", "ProxyFunction"},
	{"GET /consents/{id}/accounts/{accountId}", "ProxyFunction"},
	{"GET /consents/{id}/accounts/{accountId}/balances", "ProxyFunction"},
	{"GET /consents/{id}/accounts/{accountId}/transactions", "ProxyFunction"},
	{"GET /consents/{id}/accounts/{accountId}/direct-debits", "ProxyFunction"},
	{"GET /consents/{id}/accounts/{accountId}/standing-orders", "ProxyFunction"},
	{"GET /consents/{id}/accounts/{accountId}/scheduled-payments", "ProxyFunction"},
	{"POST /consents/{id}/payments", "ProxyFunction"},
	{"GET /consents/{id}/payments/{paymentId}", "ProxyFunction"},
	{"GET /consents/{id}/funds-confirmation", "ProxyFunction"},
	{"POST /consents/{id}/funds-confirmations", "ProxyFunction"},
}

// template is template.yaml after goformation's intrinsics processing, with !Ref X rendered as
// "Ref:X", !GetAtt X.Y as "GetAtt:X.Y", !Sub S as "Sub:S" and !If [c, a, b] as `If:["c",a,b]`
// (arguments already rendered) so that tests can see what refers to what (goformation would
// otherwise resolve a Ref to the parameter's default and an If to one branch).
type template struct {
	Parameters map[string]map[string]any
	Globals    map[string]map[string]any
	Resources  map[string]json.RawMessage
	Outputs    map[string]map[string]any
}

// loadTemplate returns template.yaml, processed once: goformation's intrinsics processor keeps
// global state and is not safe for concurrent use by parallel tests.
func loadTemplate(t *testing.T) template {
	t.Helper()
	tpl, err := processed()
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

var processed = sync.OnceValues(func() (template, error) {
	data, err := os.ReadFile("../template.yaml")
	if err != nil {
		return template{}, err
	}
	tag := func(prefix string) intrinsics.IntrinsicHandler {
		return func(_ string, input any, _ any) any {
			if s, ok := input.(string); ok {
				return prefix + s
			}
			b, _ := json.Marshal(input)
			return prefix + string(b)
		}
	}
	out, err := intrinsics.ProcessYAML(data, &intrinsics.ProcessorOptions{IntrinsicHandlerOverrides: map[string]intrinsics.IntrinsicHandler{
		"Ref": tag("Ref:"), "Fn::GetAtt": tag("GetAtt:"), "Fn::Sub": tag("Sub:"), "Fn::If": tag("If:"),
	}})
	if err != nil {
		return template{}, fmt.Errorf("goformation cannot process template.yaml: %w", err)
	}
	var tpl template
	err = json.Unmarshal(out, &tpl)
	return tpl, err
})

// resource decodes one resource into v (generic or a goformation type).
func (tpl template) resource(t *testing.T, name string, v any) {
	t.Helper()
	raw, ok := tpl.Resources[name]
	if !ok {
		t.Fatalf("template has no resource %s", name)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("resource %s: %v", name, err)
	}
}

// functions returns every AWS::Serverless::Function, decoded by goformation.
func (tpl template) functions(t *testing.T) map[string]*serverless.Function {
	t.Helper()
	out := map[string]*serverless.Function{}
	for name, raw := range tpl.Resources {
		var head struct{ Type string }
		if err := json.Unmarshal(raw, &head); err != nil {
			t.Fatal(err)
		}
		if head.Type == "AWS::Serverless::Function" {
			f := &serverless.Function{}
			if err := json.Unmarshal(withoutNewerProperties(t, raw), f); err != nil {
				t.Fatalf("resource %s: %v", name, err)
			}
			out[name] = f
		}
	}
	return out
}

// newerFunctionProperties are AWS::Serverless::Function properties that goformation's schema
// predates (its decoder refuses unknown fields). Tests read them from the generic resource.
var newerFunctionProperties = []string{"LoggingConfig"}

// withoutNewerProperties returns a function resource without newerFunctionProperties.
func withoutNewerProperties(t *testing.T, raw json.RawMessage) []byte {
	t.Helper()
	var r map[string]any
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	if props, ok := r["Properties"].(map[string]any); ok {
		for _, k := range newerFunctionProperties {
			delete(props, k)
		}
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (tpl template) table(t *testing.T) *dynamodb.Table {
	t.Helper()
	tb := &dynamodb.Table{}
	tpl.resource(t, "Table", tb)
	return tb
}

// generic is a resource as plain JSON.
type generic struct {
	Type       string
	Properties map[string]any
}

// dig follows keys through nested maps; nil when a key is absent.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
