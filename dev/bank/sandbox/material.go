package sandbox

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// material is everything the bank generates once: its CA and server certificate, and
// the one TPP it has onboarded (transport certificate, signing key, client credentials).
type material struct {
	CACertPEM, CAKeyPEM                 string
	ServerCertPEM, ServerKeyPEM         string
	TransportCertPEM, TransportKeyPEM   string
	SigningCertPEM, SigningKeyPEM       string
	SigningKeyID                        string
	ClientID, ClientSecret              string
	OrganisationID, SoftwareStatementID string
	// The bank's own response-signing keys (signing.go) and the organisation it signs as.
	BankSigningKeys    []bankKey
	BankOrganisationID string

	caCert     *x509.Certificate
	caKey      crypto.Signer
	server     tls.Certificate
	signingKey *rsa.PrivateKey
	bankKeys   []*rsa.PrivateKey
}

// secretJSON is the credentials-secret shape of docs/configuration.md.
type secretJSON struct {
	ClientID            string          `json:"clientId"`
	ClientSecret        string          `json:"clientSecret"`
	TransportCertPem    string          `json:"transportCertPem"`
	TransportKeyPem     string          `json:"transportKeyPem"`
	CABundlePem         string          `json:"caBundlePem"`
	SigningKeyPem       string          `json:"signingKeyPem"`
	SigningCertPem      string          `json:"signingCertPem"`
	SigningKeyID        string          `json:"signingKeyId"`
	OrganisationID      string          `json:"organisationId"`
	SoftwareStatementID string          `json:"softwareStatementId"`
	BankJWKS            json.RawMessage `json:"bankJwks"`
	BankOrganisationID  string          `json:"bankOrganisationId"`
}

const materialFile = "material.json"

// loadOrGenerate reads dir/material.json, or generates the material (and writes it,
// with secret.json and ca.pem, when dir is set).
func loadOrGenerate(dir string, now time.Time) (*material, error) {
	if dir != "" {
		raw, err := os.ReadFile(filepath.Join(dir, materialFile))
		if err == nil {
			m := &material{}
			if err := json.Unmarshal(raw, m); err != nil {
				return nil, fmt.Errorf("bank material %s: %w", dir, err)
			}
			if err := m.parse(); err != nil {
				return nil, fmt.Errorf("bank material %s: %w", dir, err)
			}
			if len(m.BankSigningKeys) == 0 { // material from before the bank signed its answers
				if err := m.generateBankKeys(); err != nil {
					return nil, err
				}
				if err := m.write(dir); err != nil {
					return nil, err
				}
			}
			return m, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("bank material: %w", err)
		}
	}
	m, err := generate(now)
	if err != nil {
		return nil, err
	}
	if dir != "" {
		if err := m.write(dir); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *material) write(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("bank material: %w", err)
	}
	raw, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	files := map[string][]byte{materialFile: raw, "secret.json": m.secretJSON(), "ca.pem": []byte(m.CACertPEM)}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			return fmt.Errorf("bank material: %w", err)
		}
	}
	return nil
}

func (m *material) secretJSON() []byte {
	raw, _ := json.MarshalIndent(secretJSON{
		ClientID: m.ClientID, ClientSecret: m.ClientSecret,
		TransportCertPem: m.TransportCertPEM, TransportKeyPem: m.TransportKeyPEM,
		CABundlePem:   m.CACertPEM,
		SigningKeyPem: m.SigningKeyPEM, SigningCertPem: m.SigningCertPEM, SigningKeyID: m.SigningKeyID,
		OrganisationID: m.OrganisationID, SoftwareStatementID: m.SoftwareStatementID,
		BankJWKS: m.jwks(), BankOrganisationID: m.BankOrganisationID,
	}, "", "  ")
	return raw
}

// parse fills the unexported, parsed fields from the PEM fields.
func (m *material) parse() error {
	var err error
	if m.caCert, err = parseCertPEM(m.CACertPEM); err != nil {
		return fmt.Errorf("ca: %w", err)
	}
	key, err := parseKeyPEM(m.CAKeyPEM)
	if err != nil {
		return fmt.Errorf("ca key: %w", err)
	}
	m.caKey = key
	if m.server, err = tls.X509KeyPair([]byte(m.ServerCertPEM), []byte(m.ServerKeyPEM)); err != nil {
		return fmt.Errorf("server: %w", err)
	}
	sk, err := parseKeyPEM(m.SigningKeyPEM)
	if err != nil {
		return fmt.Errorf("signing key: %w", err)
	}
	rk, ok := sk.(*rsa.PrivateKey)
	if !ok {
		return errors.New("signing key is not RSA")
	}
	m.signingKey = rk
	if len(m.BankSigningKeys) > 0 {
		return m.parseBankKeys()
	}
	return nil
}

func generate(now time.Time) (*material, error) {
	m := &material{
		ClientID:            "tpp-" + randomHex(8),
		ClientSecret:        randomHex(24),
		OrganisationID:      "0015800001041RE" + randomHex(2),
		SoftwareStatementID: "sandbox" + randomHex(6),
		SigningKeyID:        randomHex(12),
	}
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	caTmpl := &x509.Certificate{
		Subject:               pkix.Name{CommonName: "Sandbox Bank Root CA", Organization: []string{"Sandbox Co-operative Bank"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(5, 0, 0),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	caDER, err := createCert(caTmpl, caTmpl, caKey.Public(), caKey)
	if err != nil {
		return nil, err
	}
	m.caCert, _ = x509.ParseCertificate(caDER)
	m.caKey = caKey
	m.CACertPEM = certPEM(caDER)
	if m.CAKeyPEM, err = keyPEM(caKey); err != nil {
		return nil, err
	}
	serverCert, serverKey, err := m.issue("127.0.0.1", now, x509.ExtKeyUsageServerAuth, false)
	if err != nil {
		return nil, err
	}
	m.ServerCertPEM, m.ServerKeyPEM = serverCert, serverKey
	if m.server, err = tls.X509KeyPair([]byte(serverCert), []byte(serverKey)); err != nil {
		return nil, err
	}
	if m.TransportCertPEM, m.TransportKeyPEM, err = m.issue(m.SoftwareStatementID, now, x509.ExtKeyUsageClientAuth, false); err != nil {
		return nil, err
	}
	if m.SigningCertPEM, m.SigningKeyPEM, err = m.issue(m.SoftwareStatementID+" signing", now, 0, true); err != nil {
		return nil, err
	}
	if err := m.generateBankKeys(); err != nil {
		return nil, err
	}
	return m, m.parse()
}

// issue makes a leaf certificate signed by the CA, valid 13 months (over the bank's
// 90-day floor). The server leaf names 127.0.0.1, ::1 and localhost.
func (m *material) issue(cn string, now time.Time, eku x509.ExtKeyUsage, rsaKey bool) (certPEMs, keyPEMs string, err error) {
	var key crypto.Signer
	if rsaKey {
		key, err = rsa.GenerateKey(rand.Reader, 2048)
	} else {
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	}
	if err != nil {
		return "", "", err
	}
	tmpl := &x509.Certificate{
		Subject:   pkix.Name{CommonName: cn, Organization: []string{"Sandbox TPP"}},
		NotBefore: now.Add(-time.Hour),
		NotAfter:  now.AddDate(1, 1, 0),
		KeyUsage:  x509.KeyUsageDigitalSignature,
	}
	if eku != 0 {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{eku}
	}
	if eku == x509.ExtKeyUsageServerAuth {
		tmpl.Subject = pkix.Name{CommonName: "localhost", Organization: []string{"Sandbox Co-operative Bank"}}
		tmpl.IPAddresses = []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1")}
		tmpl.DNSNames = []string{"localhost"}
		tmpl.KeyUsage |= x509.KeyUsageKeyEncipherment
	}
	der, err := createCert(tmpl, m.caCert, key.Public(), m.caKey)
	if err != nil {
		return "", "", err
	}
	kp, err := keyPEM(key)
	return certPEM(der), kp, err
}

func createCert(tmpl, parent *x509.Certificate, pub any, signer crypto.Signer) ([]byte, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		return nil, err
	}
	tmpl.SerialNumber = serial
	return x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
}

func certPEM(der []byte) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

func keyPEM(key crypto.Signer) (string, error) {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return "", err
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})), nil
}

func parseCertPEM(s string) (*x509.Certificate, error) {
	b, _ := pem.Decode([]byte(s))
	if b == nil || b.Type != "CERTIFICATE" {
		return nil, errors.New("no CERTIFICATE block")
	}
	return x509.ParseCertificate(b.Bytes)
}

func parseKeyPEM(s string) (crypto.Signer, error) {
	b, _ := pem.Decode([]byte(s))
	if b == nil {
		return nil, errors.New("no PEM block")
	}
	if b.Type == "RSA PRIVATE KEY" {
		return x509.ParsePKCS1PrivateKey(b.Bytes)
	}
	k, err := x509.ParsePKCS8PrivateKey(b.Bytes)
	if err != nil {
		return nil, err
	}
	s2, ok := k.(crypto.Signer)
	if !ok {
		return nil, errors.New("unsupported key type")
	}
	return s2, nil
}

// certFingerprint is the RFC 8705 x5t#S256 of a certificate: what tokens are bound to.
func certFingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:])
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// IssueClientCert mints another TPP transport certificate signed by the bank CA: the
// handshake accepts it, but tokens issued to the onboarded certificate are refused with it.
func (b *Bank) IssueClientCert() (tls.Certificate, error) {
	certP, keyP, err := b.mat.issue("second-tpp-"+randomHex(4), b.Now(), x509.ExtKeyUsageClientAuth, false)
	if err != nil {
		return tls.Certificate{}, err
	}
	c, err := tls.X509KeyPair([]byte(certP), []byte(keyP))
	if err != nil {
		return tls.Certificate{}, err
	}
	c.Leaf, err = x509.ParseCertificate(c.Certificate[0])
	return c, err
}

// TransportCert is the onboarded TPP's transport certificate and key (Leaf set).
func (b *Bank) TransportCert() tls.Certificate {
	c, _ := tls.X509KeyPair([]byte(b.mat.TransportCertPEM), []byte(b.mat.TransportKeyPEM))
	c.Leaf, _ = x509.ParseCertificate(c.Certificate[0])
	return c
}
