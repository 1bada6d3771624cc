package stack

import (
	"encoding/base64"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"
)

func TestBuildEvent(t *testing.T) {
	now := time.Date(2026, 11, 25, 8, 30, 0, 0, time.UTC)
	route := Route{Function: "echo", Method: "GET", Path: "/items/{id}"}
	r := httptest.NewRequest("GET", "http://127.0.0.1:3000/items/a%2Fb?x=1&x=2&y=%C3%A9&z", nil)
	r.RemoteAddr = "127.0.0.7:5555"
	r.Header.Set("User-Agent", "test-agent")
	r.Header.Add("X-Multi", "a")
	r.Header.Add("X-Multi", "b")
	r.Header.Add("Cookie", "s=1; t=2")
	r.Header.Add("Cookie", "u=3")
	claims := map[string]string{"sub": "demo-user"}
	ev, err := buildEvent(r, route, map[string]string{"id": "a/b"}, claims, []string{"s1"}, "req-1", now)
	if err != nil {
		t.Fatal(err)
	}
	want := &events.APIGatewayV2HTTPRequest{
		Version:        "2.0",
		RouteKey:       "GET /items/{id}",
		RawPath:        "/items/a%2Fb",
		RawQueryString: "x=1&x=2&y=%C3%A9&z",
		Cookies:        []string{"s=1", "t=2", "u=3"},
		Headers: map[string]string{
			"user-agent": "test-agent", "x-multi": "a,b", "host": "127.0.0.1:3000",
			"x-forwarded-for": "127.0.0.7", "x-forwarded-proto": "http", "x-forwarded-port": "3000",
		},
		QueryStringParameters: map[string]string{"x": "1,2", "y": "é", "z": ""},
		PathParameters:        map[string]string{"id": "a/b"},
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RouteKey: "GET /items/{id}", AccountID: localAccountID, Stage: "$default", RequestID: "req-1",
			APIID: localAPIID, DomainName: "127.0.0.1", DomainPrefix: "127",
			Time: "25/Nov/2026:08:30:00 +0000", TimeEpoch: now.UnixMilli(),
			HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{
				Method: "GET", Path: "/items/a/b", Protocol: "HTTP/1.1", SourceIP: "127.0.0.7", UserAgent: "test-agent"},
			Authorizer: &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
				JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: claims, Scopes: []string{"s1"}}},
		},
	}
	if diff := cmp.Diff(want, ev); diff != "" {
		t.Errorf("event (-want +got):\n%s", diff)
	}
}

func TestBuildEventBody(t *testing.T) {
	route := Route{Function: "echo", Method: "POST", Path: "/items", NoAuth: true}
	for _, tc := range []struct {
		contentType string
		body        string
		wantBody    string
		wantBase64  bool
	}{
		{"application/json", `{"a":1}`, `{"a":1}`, false},
		{"application/json; charset=utf-8", `{"a":1}`, `{"a":1}`, false},
		{"text/plain", "hello", "hello", false},
		{"application/problem+json", `{}`, `{}`, false},
		{"application/octet-stream", "\x00\x01\xff", base64.StdEncoding.EncodeToString([]byte("\x00\x01\xff")), true},
		{"application/x-www-form-urlencoded", "a=1", base64.StdEncoding.EncodeToString([]byte("a=1")), true},
		{"", "raw", base64.StdEncoding.EncodeToString([]byte("raw")), true},
		{"application/json", "", "", false},
	} {
		r := httptest.NewRequest("POST", "/items", strings.NewReader(tc.body))
		if tc.contentType != "" {
			r.Header.Set("Content-Type", tc.contentType)
		}
		ev, err := buildEvent(r, route, nil, nil, nil, "id", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if ev.Body != tc.wantBody || ev.IsBase64Encoded != tc.wantBase64 {
			t.Errorf("%q %q: body %q base64 %v; want %q %v", tc.contentType, tc.body, ev.Body, ev.IsBase64Encoded,
				tc.wantBody, tc.wantBase64)
		}
		if ev.RequestContext.Authorizer != nil || ev.PathParameters != nil || ev.QueryStringParameters != nil {
			t.Errorf("%q: authorizer %v path %v query %v; want none", tc.contentType, ev.RequestContext.Authorizer,
				ev.PathParameters, ev.QueryStringParameters)
		}
	}
}

func TestBuildEventTooLarge(t *testing.T) {
	r := httptest.NewRequest("POST", "/items", strings.NewReader(strings.Repeat("a", maxBody+1)))
	if _, err := buildEvent(r, Route{Method: "POST", Path: "/items"}, nil, nil, nil, "id", time.Now()); err != errTooLarge {
		t.Errorf("err = %v, want errTooLarge", err)
	}
}
