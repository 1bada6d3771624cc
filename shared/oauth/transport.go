package oauth

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
)

// maxTokenResponse bounds a token response (x/oauth2 reads at most 1 MiB too).
const maxTokenResponse = 1 << 20

// bufferedTransport reads the whole response body inside RoundTrip. x/oauth2
// flattens body-read errors into a string, so without this a connection
// dropped mid-response could not be told apart from a malformed response;
// here it surfaces as a *url.Error wrapping the real network error.
type bufferedTransport struct{ base http.RoundTripper }

func (t bufferedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenResponse))
	if err != nil {
		return nil, fmt.Errorf("reading token response: %w", err)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	return resp, nil
}

// buffered returns a copy of hc whose transport buffers response bodies.
func buffered(hc *http.Client) *http.Client {
	if hc == nil {
		hc = http.DefaultClient
	}
	c := *hc
	base := c.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	c.Transport = bufferedTransport{base: base}
	return &c
}
