package oauth

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestMayHaveBeenProcessed: a failure before the connection to the token
// endpoint existed is safe to resend; a lost answer after it is not; an
// HTTP error status proves nothing was issued.
func TestMayHaveBeenProcessed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		client    func(t *testing.T) (*Client, context.Context)
		transient bool
		processed bool
	}{
		{"dial refused", func(t *testing.T) (*Client, context.Context) {
			c, _, _, hc := setup(t, AuthBasic)
			return withTokenURL(c, hc, "https://"+closedAddr(t)+"/token"), context.Background()
		}, true, false},
		{"TLS handshake refused (server not trusted)", func(t *testing.T) (*Client, context.Context) {
			c, _, _, hc := setup(t, AuthBasic)
			srv := httptest.NewTLSServer(http.NotFoundHandler())
			t.Cleanup(srv.Close)
			return withTokenURL(c, hc, srv.URL+"/token"), context.Background()
		}, false, false},
		{"timeout during the TLS handshake", func(t *testing.T) (*Client, context.Context) {
			c, _, _, hc := setup(t, AuthBasic)
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			t.Cleanup(cancel)
			return withTokenURL(c, hc, "https://"+silentAddr(t)+"/token"), ctx
		}, true, false},
		{"503", func(t *testing.T) (*Client, context.Context) {
			c, te, _, _ := setup(t, AuthBasic)
			te.respond = func(w http.ResponseWriter, _ *http.Request, _ int) { w.WriteHeader(503) }
			return c, context.Background()
		}, true, false},
		{"connection reset after the request was written", func(t *testing.T) (*Client, context.Context) {
			c, te, _, _ := setup(t, AuthBasic)
			te.respond = func(w http.ResponseWriter, _ *http.Request, _ int) { reset(t, w) }
			return c, context.Background()
		}, true, true},
		{"timeout after the request was written", func(t *testing.T) (*Client, context.Context) {
			c, te, _, _ := setup(t, AuthBasic)
			// The endpoint never answers while the test runs: an answer written when the
			// client gives up (the server's request context done) could still reach it.
			silent := make(chan struct{})
			t.Cleanup(func() { close(silent) }) // before the server's own cleanup, which waits for it
			te.respond = func(http.ResponseWriter, *http.Request, int) { <-silent }
			// Long enough for the mTLS handshake on a loaded machine: the deadline must
			// fall after the request is written, which is what this case is about.
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			t.Cleanup(cancel)
			return c, ctx
		}, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, ctx := tc.client(t)
			_, err := c.Exchange(ctx, codeValue, verifier)
			if err == nil {
				t.Fatal("Exchange succeeded; want an error")
			}
			if MayHaveBeenProcessed(err) != tc.processed || IsTransient(err) != tc.transient {
				t.Errorf("processed=%v transient=%v, want %v %v (%v)", MayHaveBeenProcessed(err), IsTransient(err),
					tc.processed, tc.transient, err)
			}
		})
	}
	if MayHaveBeenProcessed(context.DeadlineExceeded) {
		t.Error("a non-oauth error counts as possibly processed")
	}
}

// withTokenURL is c with another token endpoint.
func withTokenURL(c *Client, hc *http.Client, url string) *Client {
	return New(func(ctx context.Context) (Config, error) {
		cfg, err := c.config(ctx)
		cfg.TokenURL = url
		return cfg, err
	}, hc, nil)
}

// closedAddr is a loopback address nothing listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// silentAddr accepts connections and never speaks, so a TLS handshake waits.
func silentAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() { close(done); l.Close() })
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			go func() { <-done; conn.Close() }()
		}
	}()
	return l.Addr().String()
}

// reset closes the connection under w with a TCP RST (SO_LINGER 0).
func reset(t *testing.T, w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	if tc, ok := conn.(*tls.Conn); ok {
		conn = tc.NetConn()
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	conn.Close()
}
