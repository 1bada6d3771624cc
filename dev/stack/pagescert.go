package stack

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"net"
	"net/url"
	"time"
)

// BankPagesSPKI is the base64 SHA-256 of the public key (SubjectPublicKeyInfo) of the
// certificate the bank's consent pages present, the value Chromium's
// --ignore-certificate-errors-spki-list takes: a browser started with it accepts exactly
// that certificate without trusting the sandbox CA. It is read from the pages server
// itself, verified against the sandbox CA.
func (s *Stack) BankPagesSPKI(ctx context.Context) (string, error) {
	u, err := url.Parse(s.bank.PagesURL())
	if err != nil {
		return "", err
	}
	host, _, err := net.SplitHostPort(u.Host)
	if err != nil {
		return "", err
	}
	d := tls.Dialer{NetDialer: &net.Dialer{Timeout: 5 * time.Second},
		Config: &tls.Config{RootCAs: s.bank.CAPool(), ServerName: host, MinVersion: tls.VersionTLS12}}
	conn, err := d.DialContext(ctx, "tcp", u.Host)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	certs := conn.(*tls.Conn).ConnectionState().PeerCertificates
	if len(certs) == 0 {
		return "", errors.New("the bank's pages presented no certificate")
	}
	sum := sha256.Sum256(certs[0].RawSubjectPublicKeyInfo)
	return base64.StdEncoding.EncodeToString(sum[:]), nil
}
