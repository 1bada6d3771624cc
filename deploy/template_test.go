package deploy

import (
	"encoding/json"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/config"
)

func TestEveryFunctionFolderHasAFunction(t *testing.T) {
	t.Parallel()
	fns := loadTemplate(t).functions(t)
	dirs, err := os.ReadDir("../functions")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, d := range dirs {
		if d.IsDir() {
			want = append(want, strings.ToUpper(d.Name()[:1])+d.Name()[1:]+"Function")
		}
	}
	var got []string
	for name, f := range fns {
		got = append(got, name)
		if f.CodeUri == nil || f.CodeUri.String == nil || *f.CodeUri.String != "." {
			t.Errorf("%s: CodeUri is not \".\"", name)
		}
		if f.AWSCloudFormationMetadata["BuildMethod"] != "makefile" {
			t.Errorf("%s: Metadata.BuildMethod = %v, want makefile (the Makefile's build-%s target)", name, f.AWSCloudFormationMetadata["BuildMethod"], name)
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("functions/ folders vs template functions (-folders +template):\n%s", diff)
	}
}

func TestRoutesWiredAndAuthorized(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	got := map[string]string{}
	var public []string
	for name, f := range tpl.functions(t) {
		for ev, e := range f.Events {
			if e.Type != "HttpApi" {
				continue
			}
			p := e.Properties.HttpApiEvent
			if p == nil || p.Method == nil || p.Path == nil {
				t.Errorf("%s.%s: HttpApi event without Method and Path", name, ev)
				continue
			}
			key := *p.Method + " " + *p.Path
			if prev, dup := got[key]; dup {
				t.Errorf("route %s wired twice (%s and %s)", key, prev, name)
			}
			got[key] = name
			if p.ApiId == nil || *p.ApiId != "Ref:Api" {
				t.Errorf("%s: not on the Api resource", key)
			}
			if p.Auth != nil && p.Auth.Authorizer != nil && *p.Auth.Authorizer == "NONE" {
				public = append(public, key)
			}
		}
	}
	want := map[string]string{}
	for _, r := range routes {
		want[r.key] = r.function
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("routes (-docs/architecture.md +template):\n%s", diff)
	}
	slices.Sort(public)
	if diff := cmp.Diff([]string{"GET /.well-known/jwks.json", "GET /callback", "GET /journeys/{ref}"}, public); diff != "" {
		t.Errorf("unauthenticated routes (-want +got):\n%s", diff)
	}

	var api generic
	tpl.resource(t, "Api", &api)
	def, _ := dig(api.Properties, "Auth", "DefaultAuthorizer").(string)
	jwt := dig(api.Properties, "Auth", "Authorizers", def, "JwtConfiguration")
	if api.Type != "AWS::Serverless::HttpApi" || def == "" || dig(jwt, "issuer") != "Ref:JwtIssuer" || dig(jwt, "audience") != "Ref:JwtAudience" {
		t.Errorf("Api: want an HttpApi whose default authorizer is a JWT authorizer on JwtIssuer/JwtAudience, got %v", api.Properties["Auth"])
	}
}

func TestPoliciesHaveNoWildcards(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	for name := range tpl.functions(t) {
		var fn generic
		tpl.resource(t, name, &fn)
		policies, _ := fn.Properties["Policies"].([]any)
		if len(policies) == 0 {
			t.Errorf("%s: no Policies", name)
		}
		var actions []string
		for _, p := range policies {
			stmts, ok := dig(p, "Statement").([]any)
			if !ok {
				t.Errorf("%s: policy %v is not an inline Statement list (SAM policy templates and managed policies are not allowed)", name, p)
				continue
			}
			for _, s := range stmts {
				for _, a := range list(dig(s, "Action")) {
					actions = append(actions, a)
					if strings.Contains(a, "*") {
						t.Errorf("%s: wildcard action %q", name, a)
					}
					// The sealing pass's Scan: the table alone, in a statement of its own.
					if a == "dynamodb:Scan" && (len(list(dig(s, "Action"))) != 1 || !slices.Equal(list(dig(s, "Resource")), []string{"GetAtt:Table.Arn"})) {
						t.Errorf("%s: Scan in %v on %v; want a statement of its own on the table only", name, dig(s, "Action"), dig(s, "Resource"))
					}
				}
				res := list(dig(s, "Resource"))
				if len(res) == 0 {
					t.Errorf("%s: statement without Resource", name)
				}
				for _, r := range res {
					if wildcard(r) {
						t.Errorf("%s: wildcard resource %q", name, r)
					}
				}
			}
		}
		// The events function publishes what the outbox holds and never reads the secret; only
		// the tokens function scans (the sealing pass).
		if secret := slices.Contains(actions, "secretsmanager:GetSecretValue"); secret == (name == "EventsFunction") ||
			slices.Contains(actions, "dynamodb:Scan") != (name == "TokensFunction") {
			t.Errorf("%s: actions %v; want GetSecretValue on the secret (none for EventsFunction), and Scan (the sealing pass) in the tokens function only", name, actions)
		}
	}
	// No IAM resource of our own may widen that. The one exception is the role EventBridge
	// assumes to call the app's webhook (no function's), pinned by TestWebhook.
	for name, raw := range tpl.Resources {
		var r generic
		_ = json.Unmarshal(raw, &r)
		if strings.HasPrefix(r.Type, "AWS::IAM::") && name != "WebhookRole" {
			t.Errorf("%s: hand-written IAM resource %s; use function Policies", name, r.Type)
		}
	}
}

// wildcard reports a resource that is not scoped to this stack's table or secret. The only *
// allowed is the index suffix of the table's own ARN.
func wildcard(r string) bool {
	if r == "Sub:${Table.Arn}/index/*" {
		return false
	}
	return strings.Contains(r, "*")
}

func list(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

func TestScheduleHasDeadLetterQueue(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	var fn generic
	tpl.resource(t, "TokensFunction", &fn)
	var schedules int
	for name, ev := range dig(fn.Properties, "Events").(map[string]any) {
		if dig(ev, "Type") != "ScheduleV2" {
			t.Errorf("TokensFunction.%s: type %v, want ScheduleV2 (EventBridge Scheduler)", name, dig(ev, "Type"))
			continue
		}
		schedules++
		p := dig(ev, "Properties")
		// SAM names a schedule after its logical id unless told otherwise: a sandbox and a
		// production stack in one account and region would collide on that name.
		if dig(p, "OmitName") != true || dig(p, "Name") != nil {
			t.Errorf("TokensFunction.%s: OmitName %v Name %v; want OmitName: true and no Name (CloudFormation names it per stack)", name, dig(p, "OmitName"), dig(p, "Name"))
		}
		if dig(p, "ScheduleExpression") != "rate(5 minutes)" {
			t.Errorf("schedule expression %v", dig(p, "ScheduleExpression"))
		}
		dlq, _ := dig(p, "DeadLetterConfig", "Arn").(string)
		var q generic
		tpl.resource(t, strings.TrimSuffix(strings.TrimPrefix(dlq, "GetAtt:"), ".Arn"), &q)
		if q.Type != "AWS::SQS::Queue" {
			t.Errorf("dead-letter target %q is not an SQS queue of this stack", dlq)
		}
		if dig(p, "RetryPolicy", "MaximumRetryAttempts") == nil {
			t.Errorf("schedule has no RetryPolicy")
		}
		// The Input the scheduler sends decodes as the function's event type.
		in, _ := dig(p, "Input").(string)
		in = strings.NewReplacer("Sub:", "", "<aws.scheduler.scheduled-time>", "2026-11-25T09:30:00Z").Replace(in)
		var e events.EventBridgeEvent
		if err := decodeStrict([]byte(in), &e); err != nil || e.DetailType != "Scheduled Event" {
			t.Errorf("schedule Input does not decode as a scheduled EventBridgeEvent: %v", err)
		}
	}
	if schedules != 1 {
		t.Errorf("TokensFunction has %d schedules, want 1", schedules)
	}
}

func TestTable(t *testing.T) {
	t.Parallel()
	tb := loadTemplate(t).table(t)
	type key struct{ Name, Type string }
	keys := func(ks []struct{ AttributeName, KeyType string }) []key {
		var out []key
		for _, k := range ks {
			out = append(out, key{k.AttributeName, k.KeyType})
		}
		return out
	}
	if diff := cmp.Diff([]key{{"pk", "HASH"}, {"sk", "RANGE"}}, keys(conv(tb.KeySchema))); diff != "" {
		t.Errorf("table key (-want +got):\n%s", diff)
	}
	gsis := map[string][]key{}
	for _, g := range tb.GlobalSecondaryIndexes {
		gsis[g.IndexName] = keys(conv(g.KeySchema))
	}
	want := map[string][]key{
		"owner":   {{"owner", "HASH"}, {"createdAt", "RANGE"}},
		"refresh": {{"refreshShard", "HASH"}, {"refreshDue", "RANGE"}},
		// Sparse: the consents with a deadline, for GET /consents?actionBefore= (the one index
		// this release adds; deploy/upgrade_test.go checks one per stack update).
		"deadline": {{"owner", "HASH"}, {"actionBy", "RANGE"}},
	}
	if diff := cmp.Diff(want, gsis); diff != "" {
		t.Errorf("GSIs (-want +got):\n%s", diff)
	}
	types := map[string]string{}
	for _, a := range tb.AttributeDefinitions {
		types[a.AttributeName] = a.AttributeType
	}
	if diff := cmp.Diff(map[string]string{"pk": "S", "sk": "S", "owner": "S", "createdAt": "S", "refreshShard": "S", "refreshDue": "N", "actionBy": "N"}, types); diff != "" {
		t.Errorf("attribute types (-want +got):\n%s", diff)
	}
	switch {
	case tb.BillingMode == nil || *tb.BillingMode != "PAY_PER_REQUEST":
		t.Errorf("BillingMode not PAY_PER_REQUEST")
	case tb.TimeToLiveSpecification == nil || !tb.TimeToLiveSpecification.Enabled || tb.TimeToLiveSpecification.AttributeName == nil || *tb.TimeToLiveSpecification.AttributeName != "ttl":
		t.Errorf("TTL on attribute ttl not enabled")
	case tb.PointInTimeRecoverySpecification == nil || tb.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled == nil || !*tb.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled:
		t.Errorf("point-in-time recovery not enabled")
	case tb.SSESpecification == nil || !tb.SSESpecification.SSEEnabled:
		t.Errorf("SSE not enabled")
	}
}

func TestGlobals(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	g := tpl.Globals["Function"]
	for k, want := range map[string]any{
		"Runtime": "provided.al2023", "Handler": "bootstrap", "Tracing": "Active",
		"Architectures": []any{"arm64"}, "LoggingConfig.LogFormat": "JSON",
	} {
		if got := dig(g, strings.Split(k, ".")...); !cmp.Equal(want, got) {
			t.Errorf("Globals.Function.%s = %v, want %v", k, got, want)
		}
	}
	if timeout, _ := g["Timeout"].(float64); timeout < 10 {
		t.Errorf("Globals.Function.Timeout = %v, want at least 10 s (above BANK_HTTP_TIMEOUT)", g["Timeout"])
	}

	// Every variable shared/config reads is set, from a parameter (or the table, or the seal
	// key): in Globals,
	// or on the one function that uses it.
	var names []string
	_, _ = config.Load(func(k string) string { names = append(names, k); return "" })
	vars, _ := dig(g, "Environment", "Variables").(map[string]any)
	perFunction := map[string]string{"EXTRA_NON_WORKING_DAYS": "ConsentsFunction", "SEAL_PASS_ITEMS": "TokensFunction", "RESULT_SIGNING_KEY_ID": "CallbackFunction"}
	for _, n := range names {
		v, _ := vars[n].(string)
		where := "Globals env"
		if fn, ok := perFunction[n]; ok {
			where = fn + " env"
			if _, inGlobals := vars[n]; inGlobals {
				t.Errorf("Globals env sets %s, which only %s reads", n, fn)
			}
			var r map[string]any
			tpl.resource(t, fn, &r)
			v, _ = dig(r, "Properties", "Environment", "Variables", n).(string)
		}
		if n == "RESULT_SIGNING_KEY_ID" && v == "GetAtt:ResultSigningKey.Arn" {
			continue // the template's own key (resultkey_test.go)
		}
		ref, ok := strings.CutPrefix(v, "Ref:")
		if !ok {
			t.Errorf("%s %s = %q, want !Ref to a parameter", where, n, v)
			continue
		}
		if _, isParam := tpl.Parameters[ref]; !isParam && ref != "Table" && ref != "SealKey" {
			t.Errorf("%s %s refers to %q, which is neither a parameter nor the table", where, n, ref)
		}
	}
	if len(vars) != len(names)-len(perFunction) {
		t.Errorf("Globals sets %d variables, shared/config reads %d (%d of them per function)", len(vars), len(names), len(perFunction))
	}
}

func TestParametersAndOutputs(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	if diff := cmp.Diff([]any{"sandbox", "production"}, tpl.Parameters["Environment"]["AllowedValues"]); diff != "" {
		t.Errorf("Environment AllowedValues (-want +got):\n%s", diff)
	}
	// Sandbox hosts (docs/bank-rules.md §Hosts and paths) are the defaults; logs are kept 90 days.
	for p, want := range map[string]any{
		"BankApiBaseUrl":   "https://sandbox-openbanking-retail.apis.co-operativebanktest.co.uk",
		"BankTokenUrl":     "https://sandbox-openbanking-retail.apis.co-operativebanktest.co.uk/apis/oauth/v1/oauth2/token",
		"BankAuthUrlCoop":  "https://sandbox-bank.co-operativebanktest.co.uk/openbanking/coop/oauthRedirect",
		"BankAuthUrlSmile": "https://sandbox-bank.co-operativebanktest.co.uk/openbanking/smile/oauthRedirect",
		"FinancialId":      "",
		"LogRetentionDays": 90.0,
	} {
		if got := tpl.Parameters[p]["Default"]; got != want {
			t.Errorf("parameter %s default %v, want %v", p, got, want)
		}
	}
	if tpl.Parameters["JwtAudience"]["Type"] != "CommaDelimitedList" {
		t.Errorf("JwtAudience is not a CommaDelimitedList")
	}
	for _, o := range []string{"ApiUrl", "CallbackUrl"} {
		if v, _ := tpl.Outputs[o]["Value"].(string); !strings.Contains(v, "${Api}") {
			t.Errorf("output %s = %q, want the Api's URL", o, v)
		}
	}
}

// conv turns goformation's key schema (whichever Go type it uses) into name/type pairs.
func conv(in any) []struct{ AttributeName, KeyType string } {
	b, _ := json.Marshal(in)
	var out []struct{ AttributeName, KeyType string }
	_ = json.Unmarshal(b, &out)
	return out
}
