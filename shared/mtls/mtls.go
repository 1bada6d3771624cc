// Package mtls builds the HTTP client for every call to the bank: mutual TLS (RFC 8705) with the
// transport certificate from the credentials secret, TLS 1.2 or later, and the bank's server
// certificate verified against exactly the secret's CA bundle.
//
// Both the client certificate and the CA pool are read from the credentials.Provider when a
// connection is made, so a rotated secret applies to the next new connection without a restart;
// connections already open (and pooled for reuse across warm invocations) keep the credentials
// they were made with.
//
// Why a DialTLSContext instead of tls.Config.RootCAs: RootCAs is fixed when the client is built,
// and the usual way to read a changing pool (InsecureSkipVerify plus a hand-written
// VerifyConnection) turns off crypto/tls's own verification and re-implements it. Making the
// tls.Config per connection, with RootCAs taken from the provider at dial time, keeps the
// standard library's verification (chain to the pool, host name, validity, key usage) intact.
package mtls

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/coop-ob/connector/shared/credentials"
)

// Tuning for a Lambda function that talks to one bank host.
const (
	dialTimeout      = 5 * time.Second
	handshakeTimeout = 5 * time.Second
	idleTimeout      = 90 * time.Second
	maxIdlePerHost   = 16
)

// CipherSuites returns the TLS 1.2 suites allowed: the FAPI 1.0 Part 2 §8.5 list that Go
// implements (the DHE suites it also permits are not in crypto/tls). TLS 1.3 suites are not
// configurable and are all AEAD. A new slice each call: nobody can widen another's list.
func CipherSuites() []uint16 {
	return []uint16{
		tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
		tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
	}
}

// NewClient returns an *http.Client for the bank. Build it once per cold start and reuse it:
// it pools connections. timeout bounds each request (Client.Timeout); keep it below the
// function's timeout.
func NewClient(p credentials.Provider, timeout time.Duration) *http.Client {
	return newClient(p, timeout, nil)
}

// newClient builds the client; with pd, connections made ahead (preconnect.go) go first.
func newClient(p credentials.Provider, timeout time.Duration, pd *preDialer) *http.Client {
	d := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		return dialTLS(ctx, d, p, network, addr)
	}
	if pd != nil {
		pd.dial = dial
		dial = pd.dialContext
	}
	tr := &http.Transport{
		DialContext:           d.DialContext,
		DialTLSContext:        dial,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          maxIdlePerHost * 2,
		MaxIdleConnsPerHost:   maxIdlePerHost,
		IdleConnTimeout:       idleTimeout,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{Transport: tr, Timeout: timeout}
}

// dialTLS makes one mutual-TLS connection with the provider's current credentials.
func dialTLS(ctx context.Context, d *net.Dialer, p credentials.Provider, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	creds, err := p.Get(ctx)
	if err != nil {
		return nil, fmt.Errorf("mtls: credentials: %w", err)
	}
	if creds.CAs == nil {
		// A nil RootCAs would mean the system roots: never trust more than the bundle.
		return nil, fmt.Errorf("mtls: credentials have no CA bundle")
	}
	raw, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	conn := tls.Client(raw, config(p, creds, host))
	hctx, cancel := context.WithTimeout(ctx, handshakeTimeout)
	defer cancel()
	if err := conn.HandshakeContext(hctx); err != nil {
		raw.Close()
		return nil, fmt.Errorf("mtls: handshake with %s: %w", addr, err)
	}
	return conn, nil
}

// config trusts exactly creds.CAs and presents the provider's transport certificate.
func config(p credentials.Provider, creds *credentials.Credentials, serverName string) *tls.Config {
	return &tls.Config{
		MinVersion:   tls.VersionTLS12,
		CipherSuites: CipherSuites(),
		RootCAs:      creds.CAs,
		ServerName:   serverName,
		NextProtos:   []string{"h2", "http/1.1"},
		// Asked for only when the server requests a certificate, during the handshake; reading
		// the provider again (it is cached) gives the newest certificate and honours ctx.
		GetClientCertificate: func(cri *tls.CertificateRequestInfo) (*tls.Certificate, error) {
			c, err := p.Get(cri.Context())
			if err != nil {
				return nil, fmt.Errorf("mtls: client certificate: %w", err)
			}
			return &c.Transport, nil
		},
	}
}
