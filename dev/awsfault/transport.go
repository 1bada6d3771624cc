package awsfault

import (
	"bytes"
	"io"
	"net/http"
	"time"
)

// Transport wraps base (nil is http.DefaultTransport) so that requests matching a rule fail.
// Give it to an SDK client as its HTTPClient's transport.
func (i *Injector) Transport(base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return transport{i: i, base: base}
}

type transport struct {
	i    *Injector
	base http.RoundTripper
}

func (t transport) RoundTrip(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		var err error
		if body, err = io.ReadAll(r.Body); err != nil {
			return nil, err
		}
		_ = r.Body.Close()
	}
	q := identify(r.Header.Get("X-Amz-Target"), r.Header.Get("Authorization"), body)
	kind, contains := t.i.pickRule(q)
	out := r.Clone(r.Context())
	out.Body = io.NopCloser(bytes.NewReader(body))
	switch kind {
	case 0:
		return t.base.RoundTrip(out)
	case Timeout:
		timer := time.NewTimer(t.i.hang())
		defer timer.Stop()
		select {
		case <-r.Context().Done():
			return nil, r.Context().Err()
		case <-timer.C:
			return nil, timeoutError{}
		}
	case FailedEntries:
		a, err := failEntries(body, contains, func(b []byte) (int, []byte, error) {
			fwd := r.Clone(r.Context())
			fwd.Body, fwd.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
			fwd.Header.Del("Content-Length")
			resp, err := t.base.RoundTrip(fwd)
			if err != nil {
				return 0, nil, err
			}
			defer resp.Body.Close()
			got, err := io.ReadAll(resp.Body)
			return resp.StatusCode, got, err
		})
		if err != nil {
			return nil, err
		}
		return a.response(r), nil
	case LostAnswer:
		resp, err := t.base.RoundTrip(out)
		if err != nil {
			return nil, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}
	return answerFor(kind, q).response(r), nil
}

// response is a as the HTTP response to r.
func (a answer) response(r *http.Request) *http.Response {
	return &http.Response{
		Status: http.StatusText(a.status), StatusCode: a.status, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: a.header(r.Header.Get("Content-Type")), Body: io.NopCloser(bytes.NewReader(a.body)),
		ContentLength: int64(len(a.body)), Request: r,
	}
}

// timeoutError is how an HTTP client's own timeout fails a request: a net.Error that timed out.
type timeoutError struct{}

func (timeoutError) Error() string   { return "awsfault: request timed out (injected)" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }
