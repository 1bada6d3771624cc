package mtls_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/credentials/credentialstest"
	"github.com/coop-ob/connector/shared/mtls"
)

// provider is a credentials.Provider whose value a test can swap, as a rotation would.
type provider struct {
	cur atomic.Pointer[credentials.Credentials]
	err error
}

func (p *provider) Get(context.Context) (*credentials.Credentials, error) {
	if p.err != nil {
		return nil, p.err
	}
	return p.cur.Load(), nil
}

func parse(t *testing.T, s credentialstest.Secret) *credentials.Credentials {
	t.Helper()
	c, err := credentials.Parse(s.JSON(t), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// bank is a TLS server that requires a client certificate from clientCA and counts handshakes.
type bank struct {
	*httptest.Server
	handshakes atomic.Int32
}

func startBank(t *testing.T, clientCA *credentialstest.CA, server credentialstest.Issued, tweak func(*tls.Config)) *bank {
	t.Helper()
	b := &bank{}
	b.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, r.TLS.PeerCertificates[0].Subject.CommonName)
	}))
	pool := x509.NewCertPool()
	pool.AddCert(clientCA.Cert)
	b.TLS = &tls.Config{
		ClientAuth:   tls.RequireAndVerifyClientCert,
		ClientCAs:    pool,
		Certificates: []tls.Certificate{{Certificate: [][]byte{server.Cert.Raw}, PrivateKey: server.Key, Leaf: server.Cert}},
		VerifyConnection: func(tls.ConnectionState) error {
			b.handshakes.Add(1)
			return nil
		},
	}
	if tweak != nil {
		tweak(b.TLS)
	}
	b.EnableHTTP2 = true
	b.StartTLS()
	t.Cleanup(b.Close)
	return b
}

func get(t *testing.T, c *http.Client, url string) (string, error) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return string(body), err
}

func TestClientMutualTLSAndReuse(t *testing.T) {
	t.Parallel()
	s, m := credentialstest.NewSecret(t)
	p := &provider{}
	p.cur.Store(parse(t, s))
	b := startBank(t, m.ClientCA, m.ServerCert(t), nil)
	c := mtls.NewClient(p, 5*time.Second)
	for i := range 5 {
		body, err := get(t, c, b.URL+"/x")
		if err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
		if body != "tpp-transport" {
			t.Fatalf("server saw client certificate %q, want tpp-transport", body)
		}
	}
	if n := b.handshakes.Load(); n != 1 {
		t.Errorf("%d handshakes for 5 sequential calls, want 1 (connection reuse)", n)
	}
}

func TestClientPicksUpRotatedCertificate(t *testing.T) {
	t.Parallel()
	s, m := credentialstest.NewSecret(t)
	p := &provider{}
	p.cur.Store(parse(t, s))
	b := startBank(t, m.ClientCA, m.ServerCert(t), nil)
	c := mtls.NewClient(p, 5*time.Second)
	if _, err := get(t, c, b.URL); err != nil {
		t.Fatal(err)
	}
	next := m.ClientCA.Issue(t, credentialstest.Leaf{CommonName: "tpp-transport-2"})
	s.TransportCertPem, s.TransportKeyPem = string(next.CertPEM), string(next.KeyPEM)
	p.cur.Store(parse(t, s))
	c.CloseIdleConnections() // rotation applies to new connections
	body, err := get(t, c, b.URL)
	if err != nil {
		t.Fatal(err)
	}
	if body != "tpp-transport-2" {
		t.Errorf("server saw %q after rotation, want tpp-transport-2", body)
	}
}

func TestClientRefusesUntrustedServers(t *testing.T) {
	t.Parallel()
	s, m := credentialstest.NewSecret(t)
	stranger := credentialstest.NewCA(t, "Stranger CA")
	tests := []struct {
		name   string
		server credentialstest.Issued
		check  func(error) bool
	}{
		{"unknown CA", stranger.Issue(t, credentialstest.Leaf{IPs: []net.IP{net.IPv4(127, 0, 0, 1)}}), func(err error) bool {
			var e x509.UnknownAuthorityError
			return errors.As(err, &e)
		}},
		{"wrong host name", m.ServerCA.Issue(t, credentialstest.Leaf{DNSNames: []string{"bank.example"}}), func(err error) bool {
			var e x509.HostnameError
			return errors.As(err, &e)
		}},
		{"expired", m.ServerCA.Issue(t, credentialstest.Leaf{IPs: []net.IP{net.IPv4(127, 0, 0, 1)},
			NotBefore: time.Now().AddDate(-1, 0, 0), NotAfter: time.Now().Add(-time.Hour)}), func(err error) bool {
			var e x509.CertificateInvalidError
			return errors.As(err, &e) && e.Reason == x509.Expired
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := &provider{}
			p.cur.Store(parse(t, s))
			b := startBank(t, m.ClientCA, tt.server, nil)
			_, err := get(t, mtls.NewClient(p, 5*time.Second), b.URL)
			if err == nil || !tt.check(err) {
				t.Errorf("Get() error = %v; want a verification failure", err)
			}
		})
	}
}

func TestClientTLSVersionsAndSuites(t *testing.T) {
	t.Parallel()
	s, m := credentialstest.NewSecret(t)
	rsaServer := m.ServerCA.Issue(t, credentialstest.Leaf{IPs: []net.IP{net.IPv4(127, 0, 0, 1)}, Key: credentialstest.RSA})
	tests := []struct {
		name  string
		tweak func(*tls.Config)
		ok    bool
	}{
		{"TLS 1.2 FAPI suite", func(c *tls.Config) {
			c.MaxVersion = tls.VersionTLS12
			c.CipherSuites = []uint16{tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}
		}, true},
		{"TLS 1.2 CBC suite", func(c *tls.Config) {
			c.MaxVersion = tls.VersionTLS12
			c.CipherSuites = []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA}
		}, false},
		{"TLS 1.1", func(c *tls.Config) { c.MinVersion, c.MaxVersion = tls.VersionTLS10, tls.VersionTLS11 }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := &provider{}
			p.cur.Store(parse(t, s))
			b := startBank(t, m.ClientCA, rsaServer, tt.tweak)
			_, err := get(t, mtls.NewClient(p, 5*time.Second), b.URL)
			if (err == nil) != tt.ok {
				t.Errorf("Get() error = %v, want success %v", err, tt.ok)
			}
		})
	}
}

func TestClientProviderError(t *testing.T) {
	t.Parallel()
	_, m := credentialstest.NewSecret(t)
	b := startBank(t, m.ClientCA, m.ServerCert(t), nil)
	sentinel := errors.New("secret unavailable")
	_, err := get(t, mtls.NewClient(&provider{err: sentinel}, 5*time.Second), b.URL)
	if !errors.Is(err, sentinel) {
		t.Errorf("Get() error = %v; want it to wrap the provider's error", err)
	}
	if n := b.handshakes.Load(); n != 0 {
		t.Errorf("%d handshakes completed without credentials", n)
	}
}
