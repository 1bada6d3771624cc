package stack

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRealTemplate reads the repository's template.yaml: everything the stack needs from it
// must be there and resolvable locally.
func TestRealTemplate(t *testing.T) {
	tmpl, err := LoadTemplate("../../template.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range tmpl.sortedFunctions() {
		names = append(names, f.Name)
	}
	if want := makefileFunctions(t); !slices.Equal(names, want) {
		t.Errorf("functions = %v, want the Makefile's %v", names, want)
	}
	rt := newRouter(tmpl.Routes())
	for _, c := range []struct{ method, path, function string }{
		{"POST", "/consents", "consents"},
		{"GET", "/consents/abc", "consents"},
		{"GET", "/callback", "callback"},
		{"GET", "/journeys/Zk3vX9kL2mN8rT4wZ7yB1cF6hJ0sD5gAqW2eR4tY6uI", "callback"},
		{"GET", "/.well-known/jwks.json", "callback"},
		{"GET", "/consents/abc/accounts/1001/balances", "proxy"},
	} {
		r, _, ok := rt.match(c.method, c.path)
		if !ok || r.Function != c.function {
			t.Errorf("%s %s → %q (ok=%v), want %s", c.method, c.path, r.Function, ok, c.function)
		}
		if r.NoAuth != (r.Function == "callback") {
			t.Errorf("%s %s: NoAuth = %v; only the callback function's routes go without the JWT authorizer", c.method, c.path, r.NoAuth)
		}
	}
	tokens := tmpl.Functions["TokensFunction"]
	if tokens == nil || len(tokens.Schedules) != 1 {
		t.Fatalf("TokensFunction schedules = %+v, want one", tokens)
	}
	if every, err := ParseRate(tokens.Schedules[0].Expression); err != nil || every != 5*time.Minute {
		t.Errorf("schedule %q = %v, %v; want 5m", tokens.Schedules[0].Expression, every, err)
	}
	if p := string(tokens.Schedules[0].payload(time.Now())); !strings.Contains(p, `"detail-type":"Scheduled Event"`) ||
		strings.Contains(p, "<aws.scheduler") || strings.Contains(p, "${") {
		t.Errorf("scheduled payload = %s", p)
	}
	_, props, err := tmpl.connectorTable()
	if err != nil {
		t.Fatal(err)
	}
	in, ttl, err := TableInputs("t", props)
	var gsis []string
	for _, g := range in.GlobalSecondaryIndexes {
		gsis = append(gsis, *g.IndexName)
	}
	if err != nil || strings.Join(gsis, ",") != "owner,refresh,deadline" || ttl == nil {
		t.Errorf("table: GSIs %v, TTL %v, err %v; want owner, refresh and deadline with TTL", gsis, ttl, err)
	}
	local := map[string]string{}
	for _, name := range contractVars {
		local[name] = "x"
	}
	// The refresh queue, read by the tokens function through an event source mapping; its URL
	// is a local value (the queue the stack creates).
	if q := tmpl.Queues["RefreshQueue"]; q.DeadLetterQueue != "RefreshDLQ" || q.MaxReceiveCount != 5 {
		t.Errorf("RefreshQueue %+v; want a redrive to RefreshDLQ after 5 receives", q)
	}
	if len(tmpl.Mappings) != 1 || tmpl.Mappings[0] != (Mapping{LogicalID: "RefreshQueueMapping", Queue: "RefreshQueue",
		Function: "TokensFunction", BatchSize: 10, MaxConcurrency: 4, ReportBatchItemFailures: true}) {
		t.Errorf("mappings %+v", tmpl.Mappings)
	}
	local["REFRESH_QUEUE_URL"] = "x"
	local["SEAL_KEY_ID"] = "x" // the key the stack creates in kumo for the template's SealKey
	// The result signing key, which the stack creates in kumo (keys.go).
	if k := tmpl.Keys["ResultSigningKey"]; k.KeySpec != "ECC_NIST_P256" || k.KeyUsage != "SIGN_VERIFY" {
		t.Errorf("ResultSigningKey %+v; want an ECC_NIST_P256 signing key", k)
	}
	local["RESULT_SIGNING_KEY_ID"] = "x"
	// Variables naming an event bus get the bus the stack creates.
	buses := map[string]localBus{}
	for id := range tmpl.EventBuses {
		buses[id] = localBus{name: "x", arn: "x"}
	}
	for _, f := range tmpl.sortedFunctions() {
		fl := maps.Clone(local)
		maps.Copy(fl, busValues(f, buses))
		if _, err := functionEnv(tmpl, f, fl, nil, nil, func(w string) { t.Error(w) }); err != nil {
			t.Error(err)
		}
	}
	// A stream event source mapping reads the connector table's stream (so the table has one),
	// invokes a template function and sends its discards to a template queue.
	var tableProps struct {
		StreamSpecification *struct{ StreamViewType string }
	}
	_ = json.Unmarshal(props, &tableProps)
	table, _, _ := tmpl.connectorTable()
	for _, m := range tmpl.StreamMappings {
		if m.Table != table || tableProps.StreamSpecification == nil || tmpl.Functions[m.Function] == nil {
			t.Errorf("stream mapping %+v: want the connector table's stream (StreamSpecification set) and a template function", m)
		}
		if _, ok := tmpl.Queues[m.OnFailure]; m.OnFailure != "" && !ok {
			t.Errorf("stream mapping %s: on-failure destination %s is not a template queue", m.LogicalID, m.OnFailure)
		}
	}
}

// makefileFunctions is the Makefile's FUNCTIONS list, sorted: the functions make build-local
// builds and SAM's build-<LogicalId> targets cover.
func makefileFunctions(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	for l := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(l, "FUNCTIONS :="); ok {
			names := strings.Fields(v)
			slices.Sort(names)
			return names
		}
	}
	t.Fatal("the Makefile has no FUNCTIONS := line")
	return nil
}
