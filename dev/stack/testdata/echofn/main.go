// Command echofn is a test-only Lambda function for the local stack's tests: it answers every
// API Gateway payload 2.0 request with the request it received, as JSON. Two paths misbehave on
// purpose: /panic panics, /error returns an error and /sleep sleeps past any short function
// timeout; /env answers with the function's environment. Any other event (a scheduled one) is
// answered as {"event": <it>}. Every invocation writes one line to stdout and one to stderr so
// the tests can check log collection.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// Marker is printed on every invocation so tests can find the function's own log lines.
const marker = "echofn-invoked"

func handle(ctx context.Context, raw json.RawMessage) (any, error) {
	var req events.APIGatewayV2HTTPRequest
	if err := json.Unmarshal(raw, &req); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if req.RouteKey == "" {
		// Not an HTTP event (a scheduled one): say so and echo it raw.
		var ev struct {
			DetailType string `json:"detail-type"`
		}
		_ = json.Unmarshal(raw, &ev)
		fmt.Printf("%s event %s\n", marker, ev.DetailType)
		return map[string]any{"event": raw}, nil
	}
	fmt.Printf("%s stdout %s\n", marker, req.RawPath)
	fmt.Fprintf(os.Stderr, "%s stderr %s\n", marker, req.RawPath)
	switch req.RawPath {
	case "/panic":
		panic("echofn: asked to panic")
	case "/error":
		return nil, fmt.Errorf("echofn: asked to fail")
	case "/sleep":
		time.Sleep(time.Minute)
	case "/env":
		env := map[string]string{}
		for _, kv := range os.Environ() {
			k, v, _ := strings.Cut(kv, "=")
			env[k] = v
		}
		return env, nil
	}
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	return events.APIGatewayV2HTTPResponse{
		StatusCode:        201,
		Headers:           map[string]string{"content-type": "application/json", "x-echo": "yes"},
		MultiValueHeaders: map[string][]string{"x-multi": {"a", "b"}},
		Cookies:           []string{"c1=v1; Path=/", "c2=v2"},
		Body:              string(body),
	}, nil
}

func main() {
	lambda.Start(handle)
}
