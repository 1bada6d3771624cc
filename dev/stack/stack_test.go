package stack

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

// startTestStack runs the stack on testdata/template.yaml with the echo function.
func startTestStack(t *testing.T, o Options) *Stack {
	t.Helper()
	o.Root = "testdata"
	o.FunctionsDir = testFunctionsDir
	o.EmulatorPath = testEmulator
	s, err := Start(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func call(t *testing.T, s *Stack, method, path, token string, body io.Reader, header http.Header) reply {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, s.APIURL()+path, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{resp.StatusCode, resp.Header, b}
}

func echoed(t *testing.T, r reply) events.APIGatewayV2HTTPRequest {
	t.Helper()
	if r.status != http.StatusCreated {
		t.Fatalf("status %d %s, want 201 from the echo function", r.status, r.body)
	}
	var ev events.APIGatewayV2HTTPRequest
	if err := json.Unmarshal(r.body, &ev); err != nil {
		t.Fatalf("echo body: %v: %s", err, r.body)
	}
	return ev
}

func TestStack(t *testing.T) {
	s := startTestStack(t, Options{})
	token, err := s.IssueToken("demo-user", time.Hour)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("event", func(t *testing.T) {
		r := call(t, s, "GET", "/items/42?x=1&x=2&y=z", token, nil, http.Header{"Cookie": {"a=1; b=2"}, "X-Test": {"v"}})
		ev := echoed(t, r)
		if ev.Version != "2.0" || ev.RouteKey != "GET /items/{id}" || ev.RawPath != "/items/42" ||
			ev.RawQueryString != "x=1&x=2&y=z" || ev.PathParameters["id"] != "42" ||
			ev.QueryStringParameters["x"] != "1,2" || !slices.Equal(ev.Cookies, []string{"a=1", "b=2"}) ||
			ev.Headers["x-test"] != "v" || ev.RequestContext.Stage != "$default" || ev.RequestContext.HTTP.Method != "GET" {
			t.Errorf("event = %+v", ev)
		}
		if a := ev.RequestContext.Authorizer; a == nil || a.JWT == nil || a.JWT.Claims["sub"] != "demo-user" {
			t.Errorf("authorizer = %+v, want the JWT claims with sub demo-user", a)
		}
		if r.header.Get("X-Echo") != "yes" || !slices.Equal(r.header.Values("X-Multi"), []string{"a", "b"}) ||
			len(r.header.Values("Set-Cookie")) != 2 || r.header.Get("Apigw-Requestid") != ev.RequestContext.RequestID {
			t.Errorf("response headers = %v", r.header)
		}
	})

	t.Run("binary body", func(t *testing.T) {
		raw := []byte{0, 1, 2, 0xff}
		ev := echoed(t, call(t, s, "POST", "/items", token, strings.NewReader(string(raw)),
			http.Header{"Content-Type": {"application/octet-stream"}}))
		got, err := base64.StdEncoding.DecodeString(ev.Body)
		if !ev.IsBase64Encoded || err != nil || string(got) != string(raw) {
			t.Errorf("body %q base64 %v, want %v encoded", ev.Body, ev.IsBase64Encoded, raw)
		}
	})

	t.Run("unauthorized", func(t *testing.T) {
		now := time.Now()
		valid := map[string]any{"iss": s.Issuer(), "aud": s.Audience()[0], "sub": "u", "exp": now.Add(time.Hour).Unix()}
		with := func(k string, v any) string {
			c := map[string]any{}
			for key, val := range valid {
				c[key] = val
			}
			c[k] = v
			tok, err := s.SignToken(c)
			if err != nil {
				t.Fatal(err)
			}
			return tok
		}
		for name, tok := range map[string]string{
			"missing":        "",
			"garbage":        "abc.def.ghi",
			"expired":        with("exp", now.Add(-time.Minute).Unix()),
			"wrong issuer":   with("iss", "https://elsewhere/"),
			"wrong audience": with("aud", "someone-else"),
		} {
			r := call(t, s, "GET", "/items/1", tok, nil, nil)
			if r.status != http.StatusUnauthorized || string(r.body) != `{"message":"Unauthorized"}` {
				t.Errorf("%s: %d %s, want 401 Unauthorized", name, r.status, r.body)
			}
		}
	})

	t.Run("route without authorizer", func(t *testing.T) {
		ev := echoed(t, call(t, s, "GET", "/callback?code=c1&state=s1", "", nil, nil))
		if ev.RequestContext.Authorizer != nil || ev.QueryStringParameters["state"] != "s1" {
			t.Errorf("authorizer %+v query %v, want none and state=s1", ev.RequestContext.Authorizer, ev.QueryStringParameters)
		}
	})

	t.Run("scopes", func(t *testing.T) {
		ev := echoed(t, call(t, s, "DELETE", "/admin/a/b", token, nil, nil))
		if ev.RouteKey != "ANY /admin/{proxy+}" || ev.PathParameters["proxy"] != "a/b" {
			t.Errorf("route %q params %v", ev.RouteKey, ev.PathParameters)
		}
		noScope, _ := s.SignToken(map[string]any{"iss": s.Issuer(), "aud": s.Audience()[0], "exp": time.Now().Add(time.Hour).Unix()})
		if r := call(t, s, "GET", "/admin/x", noScope, nil, nil); r.status != http.StatusForbidden {
			t.Errorf("token without the route's scope: %d %s, want 403", r.status, r.body)
		}
	})

	t.Run("not found", func(t *testing.T) {
		for _, c := range [][2]string{{"GET", "/nothing/here/at/all"}, {"PUT", "/items/1"}, {"GET", "/"}} {
			r := call(t, s, c[0], c[1], token, nil, nil)
			if r.status != http.StatusNotFound || string(r.body) != `{"message":"Not Found"}` {
				t.Errorf("%s %s: %d %s, want 404 Not Found", c[0], c[1], r.status, r.body)
			}
		}
	})

	t.Run("function errors", func(t *testing.T) {
		for path, want := range map[string]reply{
			"/error": {status: 502, body: []byte(`{"message":"Internal Server Error"}`)},
			"/panic": {status: 502, body: []byte(`{"message":"Internal Server Error"}`)},
			"/sleep": {status: 504, body: []byte(`{"message":"Gateway Timeout"}`)},
		} {
			r := call(t, s, "GET", path, "", nil, nil)
			if r.status != want.status || string(r.body) != string(want.body) {
				t.Errorf("%s: %d %s, want %d %s", path, r.status, r.body, want.status, want.body)
			}
			// The emulator restarts the runtime: the function answers again.
			echoed(t, call(t, s, "GET", "/items/after"+strings.TrimPrefix(path, "/"), token, nil, nil))
		}
	})

	t.Run("concurrent requests are queued", func(t *testing.T) {
		var wg sync.WaitGroup
		replies := make([]reply, 5)
		for i := range replies {
			wg.Go(func() {
				req, _ := http.NewRequest("GET", fmt.Sprintf("%s/items/c%d", s.APIURL(), i), nil)
				req.Header.Set("Authorization", "Bearer "+token)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					return
				}
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				replies[i] = reply{resp.StatusCode, resp.Header, b}
			})
		}
		wg.Wait()
		for i, r := range replies {
			var ev events.APIGatewayV2HTTPRequest
			if r.status != http.StatusCreated || json.Unmarshal(r.body, &ev) != nil || ev.PathParameters["id"] != fmt.Sprintf("c%d", i) {
				t.Errorf("request %d: %d %s", i, r.status, r.body)
			}
		}
		if e := s.emulators["echo"]; !alive(e.pid()) {
			t.Error("the emulator died")
		}
		echoed(t, call(t, s, "GET", "/items/after", token, nil, nil))
	})

	t.Run("environment", func(t *testing.T) {
		r := call(t, s, "GET", "/env", "", nil, nil)
		var env map[string]string
		if r.status != http.StatusOK || json.Unmarshal(r.body, &env) != nil {
			t.Fatalf("/env: %d %s", r.status, r.body)
		}
		want := map[string]string{
			"ENVIRONMENT": "sandbox", "TABLE_NAME": s.TableName(), "CREDENTIALS_SECRET_ID": s.SecretName(),
			"BANK_API_BASE_URL": s.Bank().APIURL(), "BANK_TOKEN_URL": s.Bank().TokenURL(),
			"BANK_AUTH_URL_COOP": s.Bank().AuthURL("coop"), "BANK_AUTH_URL_SMILE": s.Bank().AuthURL("smile"),
			"REDIRECT_URI": s.APIURL() + "/callback", "RESULT_URL": s.ResultURL(),
			"AUTH_SESSION_TTL": "10m", "ECHO_ONLY": "echo-value", "REFRESH_SHARDS": "16",
			"AWS_REGION": "eu-west-2", "AWS_ENDPOINT_URL_DYNAMODB": s.IAMEndpoint(),
			"AWS_ENDPOINT_URL_SECRETS_MANAGER": s.IAMEndpoint(), "AWS_ACCESS_KEY_ID": "local-echo",
			"AWS_LAMBDA_FUNCTION_TIMEOUT": "1",
			"AWS_LAMBDA_FUNCTION_NAME":    "EchoFunction",
		}
		for k, v := range want {
			if env[k] != v {
				t.Errorf("%s = %q, want %q", k, env[k], v)
			}
		}
		if home := os.Getenv("HOME"); home != "" && env["HOME"] == home {
			t.Error("the developer's environment (HOME) reached the function")
		}
	})

	t.Run("result page", func(t *testing.T) {
		r := call(t, s, "GET", "/result?status=authorised&consentId=abc%3Cx", "", nil, nil)
		if r.status != http.StatusOK || !strings.Contains(string(r.body), "authorised") ||
			!strings.Contains(string(r.body), "abc&lt;x") {
			t.Errorf("/result: %d %s", r.status, r.body)
		}
	})

	t.Run("table and secret", func(t *testing.T) {
		creds := credentials.NewStaticCredentialsProvider("local", "local", "")
		db := dynamodb.New(dynamodb.Options{Region: "eu-west-2", BaseEndpoint: aws.String(s.AWSEndpoint()),
			Credentials: creds, DisableValidateResponseChecksum: true})
		desc, err := db.DescribeTable(t.Context(), &dynamodb.DescribeTableInput{TableName: aws.String(s.TableName())})
		if err != nil {
			t.Fatal(err)
		}
		var gsis []string
		for _, g := range desc.Table.GlobalSecondaryIndexes {
			gsis = append(gsis, aws.ToString(g.IndexName))
		}
		slices.Sort(gsis)
		if !slices.Equal(gsis, []string{"owner", "refresh"}) {
			t.Errorf("GSIs = %v, want owner and refresh", gsis)
		}
		ttl, err := db.DescribeTimeToLive(t.Context(), &dynamodb.DescribeTimeToLiveInput{TableName: aws.String(s.TableName())})
		if err != nil {
			t.Fatal(err)
		}
		if d := ttl.TimeToLiveDescription; d == nil || aws.ToString(d.AttributeName) != "ttl" ||
			d.TimeToLiveStatus != types.TimeToLiveStatusEnabled {
			t.Errorf("TTL = %+v, want enabled on ttl", d)
		}
		sm := secretsmanager.New(secretsmanager.Options{Region: "eu-west-2", BaseEndpoint: aws.String(s.AWSEndpoint()),
			Credentials: creds})
		sec, err := sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String(s.SecretName())})
		if err != nil {
			t.Fatal(err)
		}
		if aws.ToString(sec.SecretString) != string(s.Bank().SecretJSON()) {
			t.Error("the secret is not the bank's SecretJSON")
		}
	})

	t.Run("iam front", func(t *testing.T) {
		// The echo function's template grants nothing: with its key, every call is denied.
		_, err := dynamoAs("local-echo", s.IAMEndpoint()).DescribeTable(t.Context(),
			&dynamodb.DescribeTableInput{TableName: aws.String(s.TableName())})
		wantAccessDenied(t, err, "EchoFunction", "dynamodb:DescribeTable")
		if got := s.AccessDenied(); !slices.Equal(got, []string{"echo dynamodb:DescribeTable"}) {
			t.Errorf("AccessDenied = %v", got)
		}
		if got := s.AWSCalls()["echo"]; !slices.Equal(got, []string{"dynamodb:DescribeTable"}) {
			t.Errorf("AWSCalls[echo] = %v", got)
		}
		if got := s.AWSRequests("echo"); !slices.Equal(got, []string{"dynamodb:DescribeTable"}) {
			t.Errorf("AWSRequests(echo) = %v, want the one request", got)
		}
		waitForLog(t, s, "iam| DENIED echo dynamodb:DescribeTable on arn:aws:dynamodb:eu-west-2:000000000000:table/"+s.TableName())
		// Anyone else passes through to kumo.
		if _, err := dynamoAs("local", s.IAMEndpoint()).DescribeTable(t.Context(),
			&dynamodb.DescribeTableInput{TableName: aws.String(s.TableName())}); err != nil {
			t.Errorf("DescribeTable by the stack's key through the front: %v", err)
		}
	})

	t.Run("schedule", func(t *testing.T) {
		if err := s.TickSchedule(t.Context()); err != nil {
			t.Fatal(err)
		}
		waitForLog(t, s, "echo| echofn-invoked event Scheduled Event")
		answer, err := s.Invoke(t.Context(), "EchoFunction", []byte(`{"detail-type":"direct"}`))
		if err != nil || !strings.Contains(string(answer), `"detail-type":"direct"`) {
			t.Errorf("Invoke = %s, %v", answer, err)
		}
		if _, err := s.Invoke(t.Context(), "nope", []byte(`{}`)); err == nil {
			t.Error("Invoke of an unknown function: no error")
		}
	})

	t.Run("logs", func(t *testing.T) {
		secret := "code-that-must-not-be-logged"
		echoed(t, call(t, s, "GET", "/callback?code="+secret, "", nil, nil))
		waitForLog(t, s, "echo| echofn-invoked stdout /callback")
		waitForLog(t, s, "echo| echofn-invoked stderr /callback")
		logs := s.Logs()
		var access bool
		for _, l := range logs {
			if strings.Contains(l, secret) || strings.Contains(l, token) {
				t.Errorf("a log line holds a secret: %s", l)
			}
			access = access || (strings.HasPrefix(l, "stack| ") && strings.Contains(l, `"routeKey":"GET /callback"`))
		}
		if !access {
			t.Error("no access log line for GET /callback")
		}
	})
}

// waitForLog waits until line is collected: a function's output goes through the emulator's
// pipes and may arrive after the emulator's answer.
func waitForLog(t *testing.T, s *Stack, line string) {
	t.Helper()
	giveUp := time.After(30 * time.Second) // a bound for a broken stack, not a timing goal
	for !slices.Contains(s.Logs(), line) {
		select {
		case <-giveUp:
			t.Fatalf("logs never had %q", line)
		case <-time.After(10 * time.Millisecond):
		}
	}
}
