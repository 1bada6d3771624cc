package mtls

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/coop-ob/connector/shared/credentials"
)

// preconnectMaxAge is how long a connection made ahead of the first request stays usable for
// it. On Lambda the first request follows the init at once; a connection older than this (a
// container initialised ahead of use) is closed and the request dials anew, as it would have,
// instead of risking one the bank has dropped as idle.
var preconnectMaxAge = 10 * time.Second

// NewPreconnectingClient is NewClient and a function that starts, in the background, the
// client's first connection to rawURL's host (the mutual-TLS handshake included, the
// credentials read first when they are not yet cached) and returns at once. The first request
// to that host takes the connection, waiting for it when it is still being made, instead of
// making another: a cold start's handshake overlaps the rest of the init and the request's
// store reads instead of following them. A connection that failed, or is older than
// preconnectMaxAge when the request comes, is dropped and the request dials as usual. It is
// made at most once, for one host.
func NewPreconnectingClient(p credentials.Provider, timeout time.Duration) (*http.Client, func(rawURL string)) {
	pd := &preDialer{}
	c := newClient(p, timeout, pd)
	return c, pd.start
}

// preDialer holds the one connection made ahead of a request.
type preDialer struct {
	dial    func(ctx context.Context, network, addr string) (net.Conn, error)
	mu      sync.Mutex
	started bool
	pending *preConn
}

// preConn is a connection being made or made: done is closed when conn or err is set.
type preConn struct {
	addr string
	done chan struct{}
	conn net.Conn
	err  error
	at   time.Time
}

// start begins the connection to rawURL's host (https; port 443 unless given).
func (d *preDialer) start(rawURL string) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" {
		return
	}
	port := u.Port()
	if port == "" {
		port = "443"
	}
	pc := &preConn{addr: net.JoinHostPort(u.Hostname(), port), done: make(chan struct{})}
	d.mu.Lock()
	if d.started {
		d.mu.Unlock()
		return
	}
	d.started, d.pending = true, pc
	d.mu.Unlock()
	go func() {
		defer close(pc.done)
		ctx, cancel := context.WithTimeout(context.Background(), dialTimeout+handshakeTimeout)
		defer cancel()
		pc.conn, pc.err = d.dial(ctx, "tcp", pc.addr)
		pc.at = time.Now()
	}()
}

// take returns the connection made ahead for addr, once: waiting for it while it is being
// made; nil when there is none for addr, it failed or it is too old.
func (d *preDialer) take(ctx context.Context, addr string) net.Conn {
	d.mu.Lock()
	pc := d.pending
	if pc == nil || pc.addr != addr {
		d.mu.Unlock()
		return nil
	}
	d.pending = nil
	d.mu.Unlock()
	select {
	case <-pc.done:
	case <-ctx.Done():
		go func() { // the request gave up: close the connection when it arrives
			<-pc.done
			if pc.conn != nil {
				pc.conn.Close()
			}
		}()
		return nil
	}
	if pc.err != nil {
		return nil
	}
	if time.Since(pc.at) > preconnectMaxAge {
		pc.conn.Close()
		return nil
	}
	return pc.conn
}

// dialContext is the transport's DialTLSContext: the connection made ahead when there is one.
func (d *preDialer) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	if c := d.take(ctx, addr); c != nil {
		return c, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return d.dial(ctx, network, addr)
}
