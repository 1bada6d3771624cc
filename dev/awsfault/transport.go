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
	kind, rule := t.i.pick(q)
	out := r.Clone(r.Context())
	out.Body = io.NopCloser(bytes.NewReader(body))
	var a answer
	switch kind {
	case 0:
		return t.base.RoundTrip(out)
	case FailedEntries:
		// The forwarded request is re-signed by nobody: its signature covers the whole body,
		// which kumo does not check and AWS is never sent.
		a = failEntries(body, rule, func(pass []byte) (int, []byte) {
			fr := r.Clone(r.Context())
			fr.Body, fr.ContentLength = io.NopCloser(bytes.NewReader(pass)), int64(len(pass))
			fr.Header.Del("Content-Length")
			resp, err := t.base.RoundTrip(fr)
			if err != nil {
				return http.StatusInternalServerError, nil
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, b
		})
	case Timeout:
		timer := time.NewTimer(t.i.hang())
		defer timer.Stop()
		select {
		case <-r.Context().Done():
			return nil, r.Context().Err()
		case <-timer.C:
			return nil, timeoutError{}
		}
	case LostAnswer:
		resp, err := t.base.RoundTrip(out)
		if err != nil {
			return nil, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}
	if kind != FailedEntries {
		a = answerFor(kind, q)
	}
	return &http.Response{
		Status: http.StatusText(a.status), StatusCode: a.status, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: a.header(r.Header.Get("Content-Type")), Body: io.NopCloser(bytes.NewReader(a.body)),
		ContentLength: int64(len(a.body)), Request: r,
	}, nil
}

// timeoutError is how an HTTP client's own timeout fails a request: a net.Error that timed out.
type timeoutError struct{}

func (timeoutError) Error() string   { return "awsfault: request timed out (injected)" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }
