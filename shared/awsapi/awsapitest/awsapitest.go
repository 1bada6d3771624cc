// Package awsapitest is a stand-in AWS endpoint for the tests of shared/awsapi and its service
// packages: it records every request and answers from a script, and compares a call made
// through a connector client with the same call made through the AWS SDK's client, on the wire
// and in what each decodes. Tests only: production code never imports it.
package awsapitest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/google/go-cmp/cmp"
)

// Region is the region of Config's clients.
const Region = "eu-west-2"

// Request is one request the server received.
type Request struct {
	Target, ContentType, Authorization string
	Body                               []byte
}

// Answer is one scripted answer.
type Answer struct {
	Status int // 200 when 0
	Header map[string]string
	Body   string
}

// Server records requests and answers the nth with answers[n] (the last one once they run out).
type Server struct {
	*httptest.Server
	answers []Answer
	mu      sync.Mutex
	reqs    []Request
}

// New starts a Server, closed when t ends.
func New(t testing.TB, answers ...Answer) *Server {
	if len(answers) == 0 {
		answers = []Answer{{Body: "{}"}}
	}
	s := &Server{answers: answers}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	n := len(s.reqs)
	s.reqs = append(s.reqs, Request{Target: r.Header.Get("X-Amz-Target"), ContentType: r.Header.Get("Content-Type"),
		Authorization: r.Header.Get("Authorization"), Body: body})
	s.mu.Unlock()
	a := s.answers[min(n, len(s.answers)-1)]
	if _, ok := a.Header["Content-Type"]; !ok {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	}
	for k, v := range a.Header {
		w.Header().Set(k, v)
	}
	if a.Status == 0 {
		a.Status = http.StatusOK
	}
	w.WriteHeader(a.Status)
	_, _ = io.WriteString(w, a.Body)
}

// Requests are the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// Config is an AWS configuration whose clients call s: Region, static credentials, s's URL as
// every service's endpoint.
func (s *Server) Config() aws.Config {
	return aws.Config{Region: Region, BaseEndpoint: aws.String(s.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDTEST", "secret", "")}
}

// Call is one operation called through a client built from cfg; it returns the decoded answer.
type Call func(ctx context.Context, cfg aws.Config) (any, error)

// Compare answers ours and the SDK's call of the same operation with answer and fails t unless
// both requests carry the same X-Amz-Target, Content-Type and (semantically) the same JSON
// body, both are signed for signingName in Region, and both decode the answer alike (Plain).
// It returns our request.
func Compare(t *testing.T, signingName, answer string, ours, sdk Call) Request {
	t.Helper()
	ctx := context.Background()
	srv := New(t, Answer{Body: answer})
	gotOurs, err := ours(ctx, srv.Config())
	if err != nil {
		t.Fatalf("ours: %v", err)
	}
	gotSDK, err := sdk(ctx, srv.Config())
	if err != nil {
		t.Fatalf("sdk: %v", err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want one each", len(reqs))
	}
	o, s := reqs[0], reqs[1]
	if o.Target != s.Target || o.ContentType != s.ContentType {
		t.Errorf("ours sent %s (%s), the SDK %s (%s)", o.Target, o.ContentType, s.Target, s.ContentType)
	}
	if d := cmp.Diff(JSON(t, s.Body), JSON(t, o.Body)); d != "" {
		t.Errorf("request body (-sdk +ours):\n%s\nours: %s\nsdk:  %s", d, o.Body, s.Body)
	}
	scope := "/" + Region + "/" + signingName + "/aws4_request"
	for who, r := range map[string]Request{"ours": o, "sdk": s} {
		if !strings.Contains(r.Authorization, scope) {
			t.Errorf("%s signed %q, want scope %s", who, r.Authorization, scope)
		}
	}
	if d := cmp.Diff(Plain(t, gotSDK), Plain(t, gotOurs)); d != "" {
		t.Errorf("decoded answer (-sdk +ours):\n%s", d)
	}
	return o
}

// JSON decodes a JSON document into plain values (numbers as json.Number), for comparison.
func JSON(t testing.TB, b []byte) any {
	t.Helper()
	if len(b) == 0 {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("JSON %q: %v", b, err)
	}
	return v
}

// Plain is v as JSON plain values without its empty members (null, false, 0, "", [], {}) and
// the SDK's ResultMetadata, so that an SDK output and ours compare by what they hold.
func Plain(t testing.TB, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal %T: %v", v, err)
	}
	return prune(JSON(t, b))
}

func prune(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if k == "ResultMetadata" {
				continue
			}
			if e = prune(e); e != nil {
				out[k] = e
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		if len(x) == 0 {
			return nil
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = prune(e)
		}
		return out
	case bool:
		if !x {
			return nil
		}
	case string:
		if x == "" {
			return nil
		}
	case json.Number:
		if x == "0" {
			return nil
		}
	}
	return v
}
