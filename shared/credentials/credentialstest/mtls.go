package credentialstest

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// MTLSServer starts an httptest TLS server for h that requires a client certificate (RFC 8705
// mutual TLS) and returns it with an *http.Client that trusts it and presents one. One test CA
// issues both certificates: the server's (CommonName "bank", 127.0.0.1) and the client's
// (CommonName "tpp"), so a handler can check which certificate the caller presented. The
// server is closed when the test ends.
func MTLSServer(t testing.TB, h http.Handler) (*httptest.Server, *http.Client) {
	t.Helper()
	ca := NewCA(t, "test CA")
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	srv := httptest.NewUnstartedServer(h)
	srv.TLS = &tls.Config{
		Certificates: []tls.Certificate{ca.Issue(t, Leaf{CommonName: "bank", IPs: []net.IP{net.IPv4(127, 0, 0, 1)}}).TLS()},
		ClientAuth:   tls.RequireAndVerifyClientCert, ClientCAs: pool, MinVersion: tls.VersionTLS12,
	}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		RootCAs: pool, Certificates: []tls.Certificate{ca.Issue(t, Leaf{CommonName: "tpp"}).TLS()},
		MinVersion: tls.VersionTLS12,
	}}}
	return srv, hc
}

// TLS returns the certificate and key as a tls.Certificate (Leaf set).
func (i Issued) TLS() tls.Certificate {
	return tls.Certificate{Certificate: [][]byte{i.Cert.Raw}, PrivateKey: i.Key, Leaf: i.Cert}
}
