package credentialstest

import (
	"encoding/json"
	"net"
	"testing"
)

// Secret is the credentials secret JSON (docs/configuration.md), with its fields as strings so that tests
// can break any one of them.
type Secret struct {
	ClientID            string `json:"clientId"`
	ClientSecret        string `json:"clientSecret"`
	TransportCertPem    string `json:"transportCertPem"`
	TransportKeyPem     string `json:"transportKeyPem"`
	CABundlePem         string `json:"caBundlePem"`
	SigningKeyPem       string `json:"signingKeyPem"`
	SigningCertPem      string `json:"signingCertPem"`
	SigningKeyID        string `json:"signingKeyId"`
	OrganisationID      string `json:"organisationId"`
	SoftwareStatementID string `json:"softwareStatementId"`
}

// Material is everything NewSecret generated, for tests that need the parts.
type Material struct {
	ClientCA  *CA    // issues the transport and signing certificates (the bank trusts it)
	ServerCA  *CA    // issues bank server certificates; its PEM is the secret's caBundlePem
	Transport Issued // the TPP's transport (mTLS client) certificate
	Signing   Issued // the TPP's signing certificate (RSA)
}

// NewSecret makes a valid secret: ECDSA transport certificate and RSA signing certificate
// valid for a year, and a CA bundle that trusts server certificates from m.ServerCA for
// 127.0.0.1 and localhost (m.ServerCA.Issue with IPs/DNSNames makes them).
func NewSecret(t testing.TB) (Secret, Material) {
	t.Helper()
	m := Material{ClientCA: NewCA(t, "Test OB Issuing CA"), ServerCA: NewCA(t, "Test Bank Server CA")}
	m.Transport = m.ClientCA.Issue(t, Leaf{CommonName: "tpp-transport"})
	m.Signing = m.ClientCA.Issue(t, Leaf{CommonName: "tpp-signing", Key: RSA})
	return Secret{
		ClientID:            "test-client-id",
		ClientSecret:        "test-client-secret-" + string(serial(t).String()),
		TransportCertPem:    string(m.Transport.CertPEM),
		TransportKeyPem:     string(m.Transport.KeyPEM),
		CABundlePem:         string(m.ServerCA.PEM),
		SigningKeyPem:       string(m.Signing.KeyPEM),
		SigningCertPem:      string(m.Signing.CertPEM),
		SigningKeyID:        "test-kid",
		OrganisationID:      "0015800001041RHAAY",
		SoftwareStatementID: "test-ssa",
	}, m
}

// JSON returns the secret as Secrets Manager would hold it.
func (s Secret) JSON(t testing.TB) []byte {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ServerCert issues a bank server certificate for 127.0.0.1 and localhost from m.ServerCA.
func (m Material) ServerCert(t testing.TB) Issued {
	t.Helper()
	return m.ServerCA.Issue(t, Leaf{CommonName: "bank", DNSNames: []string{"localhost"}, IPs: []net.IP{net.IPv4(127, 0, 0, 1)}})
}
