package deploy

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/uuid"

	"github.com/coop-ob/connector/dev/eventschema"
	"github.com/coop-ob/connector/shared/consent"
)

// decodeStrict decodes one JSON value, refusing unknown fields and trailing data.
func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

func TestEvents(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../events/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no events: %v", err)
	}
	// The template's own routes (TestRoutesWiredAndAuthorized ties them to docs/architecture.md).
	want := map[string]bool{}
	for _, f := range loadTemplate(t).functions(t) {
		for _, e := range f.Events {
			if p := e.Properties.HttpApiEvent; e.Type == "HttpApi" && p != nil && p.Method != nil && p.Path != nil {
				want[*p.Method+" "+*p.Path] = true
			}
		}
	}
	covered := map[string]bool{}
	var schedules, queues, streams int
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if name == "schedule.json" {
			schedules++
			var e events.EventBridgeEvent
			if err := decodeStrict(b, &e); err != nil {
				t.Errorf("%s: %v", name, err)
			} else if e.DetailType != "Scheduled Event" || e.Time.IsZero() {
				t.Errorf("%s: detail-type %q time %v; want a scheduled event with a time", name, e.DetailType, e.Time)
			}
			continue
		}
		if name == "sqs.json" {
			queues++
			checkSQSEvent(t, name, b)
			continue
		}
		if name == "dynamodb-stream.json" {
			streams++
			checkStreamEvent(t, name, b)
			continue
		}
		var e events.APIGatewayV2HTTPRequest
		if err := decodeStrict(b, &e); err != nil {
			t.Errorf("%s: not an API Gateway v2 HTTP event: %v", name, err)
			continue
		}
		checkHTTPEvent(t, name, e, want)
		covered[e.RouteKey] = true
	}
	for key := range want {
		if !covered[key] {
			t.Errorf("no event in events/ for route %s", key)
		}
	}
	if schedules != 1 {
		t.Errorf("want events/schedule.json")
	}
	if queues != 1 {
		t.Errorf("want events/sqs.json")
	}
	if streams != 1 {
		t.Errorf("want events/dynamodb-stream.json")
	}
}

// checkStreamEvent: the table stream's event (the events function's, through its mapping)
// holds outbox inserts: INSERT records of E# keys with new images whose detail is valid for
// its detail-type.
func checkStreamEvent(t *testing.T, name string, b []byte) {
	t.Helper()
	var e events.DynamoDBEvent
	if err := decodeStrict(b, &e); err != nil || len(e.Records) == 0 {
		t.Errorf("%s: not a DynamoDB stream event: %v", name, err)
		return
	}
	for _, r := range e.Records {
		img := r.Change.NewImage
		if r.EventSource != "aws:dynamodb" || r.EventName != "INSERT" || r.Change.StreamViewType != "NEW_IMAGE" ||
			!strings.HasPrefix(r.Change.Keys["sk"].String(), consent.OutboxPrefix) || img["sk"].String() != r.Change.Keys["sk"].String() {
			t.Errorf("%s: record %s is not an outbox insert", name, r.EventID)
			continue
		}
		if err := eventschema.Validate(img["detailType"].String(), []byte(img["detail"].String())); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// checkSQSEvent: the refresh queue's event (the tokens function as its worker) carries
// messages whose body names a consent and its refresh due time.
func checkSQSEvent(t *testing.T, name string, b []byte) {
	t.Helper()
	var e events.SQSEvent
	if err := decodeStrict(b, &e); err != nil {
		t.Errorf("%s: not an SQS event: %v", name, err)
		return
	}
	for _, r := range e.Records {
		var body struct {
			ConsentID        string `json:"consentId"`
			RefreshDue       string `json:"refreshDue"`
			RefreshExpiresAt string `json:"refreshExpiresAt"`
		}
		if r.EventSource != "aws:sqs" || r.MessageId == "" || decodeStrict([]byte(r.Body), &body) != nil ||
			len(body.ConsentID) != 36 || body.RefreshDue == "" {
			t.Errorf("%s: record %+v; want an aws:sqs message whose body names a consent and its refreshDue", name, r)
		}
	}
}

func checkHTTPEvent(t *testing.T, name string, e events.APIGatewayV2HTTPRequest, routes map[string]bool) {
	t.Helper()
	if e.Version != "2.0" || !routes[e.RouteKey] || e.RequestContext.RouteKey != e.RouteKey {
		t.Errorf("%s: version %q routeKey %q (context %q); want 2.0 and a template route", name, e.Version, e.RouteKey, e.RequestContext.RouteKey)
		return
	}
	method, pattern, _ := strings.Cut(e.RouteKey, " ")
	path := pattern
	for k, v := range e.PathParameters {
		if !strings.Contains(pattern, "{"+k+"}") {
			t.Errorf("%s: path parameter %s not in %s", name, k, pattern)
		}
		path = strings.ReplaceAll(path, "{"+k+"}", v)
	}
	if e.RawPath != path || e.RequestContext.HTTP.Path != path || e.RequestContext.HTTP.Method != method {
		t.Errorf("%s: rawPath %q http %s %s; want %s %s", name, e.RawPath, e.RequestContext.HTTP.Method, e.RequestContext.HTTP.Path, method, path)
	}
	if id, ok := e.PathParameters["id"]; ok {
		if _, err := uuid.Parse(id); err != nil || len(id) != 36 {
			t.Errorf("%s: consent id %q is not a 36-character UUID", name, id)
		}
	}
	if len(e.Headers) == 0 {
		t.Errorf("%s: no headers", name)
	}
	public := e.RouteKey == "GET /callback" || e.RouteKey == "GET /journeys/{ref}" || e.RouteKey == "GET /.well-known/jwks.json"
	var sub string
	if a := e.RequestContext.Authorizer; a != nil && a.JWT != nil {
		sub = a.JWT.Claims["sub"]
	}
	if public != (sub == "") {
		t.Errorf("%s: sub claim %q; want one on every route but the public ones (/callback, /journeys/{ref}, /.well-known/jwks.json)", name, sub)
	}
}
