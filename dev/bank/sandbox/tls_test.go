package sandbox

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestSecretJSONShape(t *testing.T) {
	f := newFixture(t)
	var s secretJSON
	dec := json.NewDecoder(bytesReader(f.b.SecretJSON()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"clientId": s.ClientID, "clientSecret": s.ClientSecret, "signingKeyId": s.SigningKeyID,
		"organisationId": s.OrganisationID, "softwareStatementId": s.SoftwareStatementID} {
		if v == "" {
			t.Errorf("%s is empty", name)
		}
	}
	pair, err := tls.X509KeyPair([]byte(s.TransportCertPem), []byte(s.TransportKeyPem))
	if err != nil {
		t.Fatalf("transport pair: %v", err)
	}
	leaf, _ := x509.ParseCertificate(pair.Certificate[0])
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM([]byte(s.CABundlePem)) {
		t.Fatal("caBundlePem has no certificate")
	}
	if _, err := leaf.Verify(x509.VerifyOptions{Roots: pool, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}); err != nil {
		t.Errorf("transport cert does not chain to the CA: %v", err)
	}
	if days := time.Until(leaf.NotAfter).Hours() / 24; days < 90 {
		t.Errorf("transport cert has %v days left, bank floor is 90", days)
	}
	blk, _ := pem.Decode([]byte(s.SigningKeyPem))
	if blk == nil || blk.Type != "PRIVATE KEY" {
		t.Fatalf("signing key is not PKCS#8 PEM")
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if rk, ok := k.(*rsa.PrivateKey); err != nil || !ok || rk.N.BitLen() != 2048 {
		t.Errorf("signing key is not RSA 2048: %T %v", k, err)
	}
	if _, err := os.Stat(filepath.Join(materialDir, "secret.json")); err != nil {
		t.Errorf("secret.json not written: %v", err)
	}
	// A second bank on the same folder reuses the material.
	g := newFixture(t)
	if g.b.ClientID() != f.b.ClientID() || string(g.b.CAPEM()) != string(f.b.CAPEM()) {
		t.Error("material not reused from Dir")
	}
}

func TestMTLSRefusesOtherClients(t *testing.T) {
	f := newFixture(t)
	noCert := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: f.b.CAPool()}}}
	if _, err := noCert.Get(f.b.TokenURL()); err == nil {
		t.Error("request without a client certificate succeeded")
	}
	if _, err := clientWith(f.b, foreignCert(t)).Get(f.b.TokenURL()); err == nil {
		t.Error("request with a certificate from another CA succeeded")
	}
	before := f.b.Handshakes()
	status, _ := f.do("GET", tokenPath, "", nil, nil)
	if status != http.StatusMethodNotAllowed {
		t.Errorf("GET token endpoint = %d, want 405", status)
	}
	if got := f.b.Handshakes(); got != before+1 {
		t.Errorf("handshakes %d -> %d, want one more", before, got)
	}
	f.do("GET", tokenPath, "", nil, nil)
	if got := f.b.Handshakes(); got != before+1 {
		t.Errorf("a kept-alive connection made another handshake: %d", got)
	}
	// The pages server asks for no client certificate.
	pages := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: f.b.CAPool()}}}
	resp, err := pages.Get(f.b.AuthURL("coop"))
	if err != nil {
		t.Fatalf("pages without client cert: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("auth endpoint without data = %d, want 400", resp.StatusCode)
	}
}

func TestAdminMustBeLoopback(t *testing.T) {
	if _, err := Start(t.Context(), Options{Dir: materialDir, AdminAddr: "0.0.0.0:0"}); err == nil {
		t.Fatal("admin on 0.0.0.0 accepted")
	}
}

func TestCertificateBinding(t *testing.T) {
	f := newFixture(t)
	_, tok := f.aisToken()
	if s, _ := f.do("GET", aispBase+"/accounts", tok.AccessToken, nil, nil); s != http.StatusOK {
		t.Fatalf("accounts with the bound cert = %d", s)
	}
	second, err := f.b.IssueClientCert()
	if err != nil {
		t.Fatal(err)
	}
	s, body, _ := f.call(clientWith(f.b, second), "GET", aispBase+"/accounts", tok.AccessToken, nil, nil)
	if s != http.StatusUnauthorized || len(body) != 0 {
		t.Errorf("token with another certificate = %d %q, want 401 without body", s, body)
	}
}

func foreignCert(t *testing.T) tls.Certificate {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "intruder"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}
