package apicheck

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
)

type skipRequestKey struct{}

// InvalidOnPurpose marks a request context: the request breaks the contract deliberately (a
// test of the connector's refusals), so Transport does not check it. Its answer is checked.
func InvalidOnPurpose(ctx context.Context) context.Context {
	return context.WithValue(ctx, skipRequestKey{}, true)
}

// Transport is an http.RoundTripper that checks every exchange with Checker and keeps the
// findings. It never changes what the caller sees: the response body is read and replaced.
type Transport struct {
	Checker *Checker
	Base    http.RoundTripper // http.DefaultTransport when nil

	mu       sync.Mutex
	findings []string
	checked  int
}

// RoundTrip sends req through Base and checks the exchange.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	var reqBody []byte
	if req.Body != nil && req.Body != http.NoBody {
		var err error
		reqBody, err = io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		req = req.Clone(req.Context())
		req.Body = io.NopCloser(bytes.NewReader(reqBody))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(reqBody)), nil }
	}
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	respBody, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(respBody))
	skip, _ := req.Context().Value(skipRequestKey{}).(bool)
	errs := t.Checker.Check(context.WithoutCancel(req.Context()), Exchange{Request: req, RequestBody: reqBody,
		Response: resp, ResponseBody: respBody, SkipRequest: skip})
	t.record(req, resp, errs)
	return resp, nil
}

func (t *Transport) record(req *http.Request, resp *http.Response, errs []error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.checked++
	if len(errs) == 0 {
		return
	}
	// The query is left out: it may carry a code or state.
	t.findings = append(t.findings, fmt.Sprintf("%s %s → %d: %v", req.Method, req.URL.Path, resp.StatusCode, errors.Join(errs...)))
}

// Findings returns every finding so far, and how many exchanges were checked.
func (t *Transport) Findings() (findings []string, checked int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.findings...), t.checked
}
