package stack

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func loadTestTemplate(t *testing.T) *Template {
	t.Helper()
	tmpl, err := LoadTemplate("testdata/template.yaml", map[string]string{"SessionTtl": "3m"})
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

func TestLoadTemplateFunctions(t *testing.T) {
	tmpl := loadTestTemplate(t)
	f, ok := tmpl.Functions["EchoFunction"]
	if !ok {
		t.Fatalf("functions = %v, want EchoFunction", tmpl.Functions)
	}
	if f.Name != "echo" || f.Timeout != time.Second || f.MemorySize != 256 {
		t.Errorf("echo = name %q timeout %v memory %d, want echo 1s 256", f.Name, f.Timeout, f.MemorySize)
	}
	wantRoutes := []Route{
		{Function: "echo", Method: "ANY", Path: "/admin/{proxy+}", Scopes: []string{"connector/admin"}},
		{Function: "echo", Method: "GET", Path: "/callback", NoAuth: true},
		{Function: "echo", Method: "GET", Path: "/items/{id}"},
		{Function: "echo", Method: "GET", Path: "/{what}", NoAuth: true},
		{Function: "echo", Method: "POST", Path: "/items"},
	}
	if diff := cmp.Diff(wantRoutes, tmpl.Routes()); diff != "" {
		t.Errorf("routes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Schedule{{Function: "echo", Expression: "rate(5 minutes)"}}, f.Schedules); diff != "" {
		t.Errorf("schedules (-want +got):\n%s", diff)
	}
	wantEnv := map[string]any{
		"ENVIRONMENT":           map[string]any{"Ref": "Environment"},
		"TABLE_NAME":            map[string]any{"Ref": "Table"},
		"CREDENTIALS_SECRET_ID": map[string]any{"Ref": "CredentialsSecret"},
		"BANK_API_BASE_URL":     map[string]any{"Ref": "BankApiBaseUrl"},
		"BANK_TOKEN_URL":        map[string]any{"Fn::Sub": "${BankApiBaseUrl}/apis/oauth/v1/oauth2/token"},
		"BANK_AUTH_URL_COOP":    "https://bank.example/openbanking/coop/oauthRedirect",
		"BANK_AUTH_URL_SMILE":   "https://bank.example/openbanking/smile/oauthRedirect",
		"REDIRECT_URI":          map[string]any{"Fn::Sub": "https://${Api}.execute-api.${AWS::Region}.amazonaws.com/callback"},
		"RESULT_URL":            "https://app.example/result",
		"AUTH_SESSION_TTL":      map[string]any{"Ref": "SessionTtl"},
		"FINANCIAL_ID":          map[string]any{"Ref": "FinancialId"},
		"REFRESH_SHARDS":        float64(16), // numbers pass through JSON
		"ECHO_ONLY":             "echo-value",
	}
	if diff := cmp.Diff(wantEnv, f.Environment); diff != "" {
		t.Errorf("environment (-want +got):\n%s", diff)
	}
}

func TestFunctionEnv(t *testing.T) {
	tmpl := loadTestTemplate(t)
	f := tmpl.Functions["EchoFunction"]
	local := map[string]string{}
	for _, name := range contractVars {
		local[name] = "local-" + name
	}
	var warnings []string
	env, err := functionEnv(tmpl, f, local, map[string]string{"FINANCIAL_ID": "override"},
		map[string]string{"AWS_REGION": "eu-west-2"}, func(s string) { warnings = append(warnings, s) })
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, kv := range env {
		k, v, _ := cutEnv(kv)
		got[k] = v
	}
	want := map[string]string{
		"TABLE_NAME":                      "local-TABLE_NAME",
		"BANK_TOKEN_URL":                  "local-BANK_TOKEN_URL",
		"REDIRECT_URI":                    "local-REDIRECT_URI",
		"AUTH_SESSION_TTL":                "3m", // parameter value wins over the Default
		"FINANCIAL_ID":                    "override",
		"REFRESH_SHARDS":                  "16",
		"ECHO_ONLY":                       "echo-value",
		"AWS_REGION":                      "eu-west-2",
		"AWS_LAMBDA_FUNCTION_NAME":        "EchoFunction",
		"AWS_LAMBDA_FUNCTION_TIMEOUT":     "1",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if len(warnings) != 0 {
		t.Errorf("warnings = %v, want none (the template declares every contract variable)", warnings)
	}

	delete(f.Environment, "BANK_API_BASE_URL")
	f.Environment["EXTRA"] = map[string]any{"Fn::GetAtt": []any{"Table", "Arn"}}
	if _, err := functionEnv(tmpl, f, local, nil, nil, func(string) {}); err == nil {
		t.Error("functionEnv with an unresolvable variable: no error")
	}
	delete(f.Environment, "EXTRA")
	if _, err := functionEnv(tmpl, f, local, nil, nil, func(s string) { warnings = append(warnings, s) }); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 {
		t.Errorf("warnings = %v, want one about BANK_API_BASE_URL", warnings)
	}
}

func cutEnv(kv string) (string, string, bool) {
	for i := range kv {
		if kv[i] == '=' {
			return kv[:i], kv[i+1:], true
		}
	}
	return kv, "", false
}

func TestTableInputs(t *testing.T) {
	tmpl := loadTestTemplate(t)
	id, props, err := tmpl.connectorTable()
	if err != nil || id != "Table" {
		t.Fatalf("connectorTable = %q, %v", id, err)
	}
	in, ttl, err := TableInputs("t1", props)
	if err != nil {
		t.Fatal(err)
	}
	key := func(name string, kt types.KeyType) types.KeySchemaElement {
		return types.KeySchemaElement{AttributeName: aws.String(name), KeyType: kt}
	}
	attr := func(name string, at types.ScalarAttributeType) types.AttributeDefinition {
		return types.AttributeDefinition{AttributeName: aws.String(name), AttributeType: at}
	}
	want := &dynamodb.CreateTableInput{
		TableName:   aws.String("t1"),
		BillingMode: types.BillingModePayPerRequest,
		AttributeDefinitions: []types.AttributeDefinition{attr("pk", "S"), attr("sk", "S"), attr("owner", "S"),
			attr("refreshShard", "S"), attr("accessExpiresAt", "N")},
		KeySchema: []types.KeySchemaElement{key("pk", types.KeyTypeHash), key("sk", types.KeyTypeRange)},
		GlobalSecondaryIndexes: []types.GlobalSecondaryIndex{
			{IndexName: aws.String("owner"), KeySchema: []types.KeySchemaElement{key("owner", "HASH"), key("sk", "RANGE")},
				Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll}},
			{IndexName: aws.String("refresh"),
				KeySchema:  []types.KeySchemaElement{key("refreshShard", "HASH"), key("accessExpiresAt", "RANGE")},
				Projection: &types.Projection{ProjectionType: types.ProjectionTypeInclude, NonKeyAttributes: []string{"consentId"}}},
		},
	}
	ignore := cmpopts.IgnoreUnexported(dynamodb.CreateTableInput{}, types.AttributeDefinition{}, types.KeySchemaElement{},
		types.GlobalSecondaryIndex{}, types.Projection{})
	if diff := cmp.Diff(want, in, ignore); diff != "" {
		t.Errorf("CreateTable input (-want +got):\n%s", diff)
	}
	if ttl == nil || aws.ToString(ttl.TimeToLiveSpecification.AttributeName) != "ttl" || aws.ToString(ttl.TableName) != "t1" {
		t.Errorf("UpdateTimeToLive input = %+v, want attribute ttl on t1", ttl)
	}
}

func TestParseTemplateIntrinsics(t *testing.T) {
	src := []byte(`
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Environment:
        Variables:
          A: !GetAtt T.Arn
          B: !Join ["", [a, !Ref X]]
          C: !Sub
            - "${P}-x"
            - P: !Ref Y
          D: 'true'
          E: true
`)
	tmpl, err := ParseTemplate(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"A": map[string]any{"Fn::GetAtt": []any{"T", "Arn"}},
		"B": map[string]any{"Fn::Join": []any{"", []any{"a", map[string]any{"Ref": "X"}}}},
		"C": map[string]any{"Fn::Sub": []any{"${P}-x", map[string]any{"P": map[string]any{"Ref": "Y"}}}},
		"D": "true",
		"E": true,
	}
	if diff := cmp.Diff(want, tmpl.Functions["F"].Environment); diff != "" {
		t.Errorf("environment (-want +got):\n%s", diff)
	}
}

func TestParseRate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"rate(5 minutes)", 5 * time.Minute, true},
		{"rate(1 minute)", time.Minute, true},
		{"rate(2 hours)", 2 * time.Hour, true},
		{"rate(1 day)", 24 * time.Hour, true},
		{"rate(0 minutes)", 0, false},
		{"rate(5 fortnights)", 0, false},
		{"cron(0/5 * * * ? *)", 0, false},
	} {
		got, err := ParseRate(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseRate(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
