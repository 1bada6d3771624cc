package credentials_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rsa"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/credentials/credentialstest"
)

// secretMaterial lists strings that must never appear in an error or a log: the client secret
// and every base64 line of every key (and, for good measure, certificate) PEM.
func secretMaterial(s credentialstest.Secret) []string {
	out := []string{s.ClientSecret}
	for _, p := range []string{s.TransportKeyPem, s.SigningKeyPem, s.TransportCertPem, s.SigningCertPem} {
		for _, line := range strings.Split(p, "\n") {
			if line != "" && !strings.HasPrefix(line, "-----") {
				out = append(out, line)
			}
		}
	}
	return out
}

func assertNoSecret(t *testing.T, where, text string, material []string) {
	t.Helper()
	for _, m := range material {
		if m != "" && strings.Contains(text, m) {
			t.Errorf("%s contains secret material %.12q…", where, m)
		}
	}
}

func TestParseValid(t *testing.T) {
	t.Parallel()
	s, m := credentialstest.NewSecret(t)
	now := time.Now()
	c, err := credentials.Parse(s.JSON(t), now)
	if err != nil {
		t.Fatal(err)
	}
	if c.ClientID != s.ClientID || c.ClientSecret != s.ClientSecret || c.SigningKeyID != "test-kid" ||
		c.OrganisationID != s.OrganisationID || c.SoftwareStatementID != s.SoftwareStatementID {
		t.Errorf("identifiers not copied: %v", c)
	}
	if !c.Transport.Leaf.Equal(m.Transport.Cert) || len(c.Transport.Certificate) != 1 {
		t.Errorf("transport leaf/chain not set")
	}
	if _, ok := c.Transport.PrivateKey.(*ecdsa.PrivateKey); !ok {
		t.Errorf("transport key is %T", c.Transport.PrivateKey)
	}
	if !c.SigningKey.PublicKey.Equal(m.Signing.Key.Public()) || !c.SigningCert.Equal(m.Signing.Cert) {
		t.Errorf("signing key/cert not set")
	}
	if _, err := m.ServerCert(t).Cert.Verify(x509Opts(c)); err != nil {
		t.Errorf("CA pool does not verify a server cert from the bundle's CA: %v", err)
	}
	if _, err := m.Transport.Cert.Verify(x509Opts(c)); err == nil {
		t.Errorf("CA pool trusts the client CA, which is not in the bundle")
	}
}

func TestParseAcceptsPKCS1AndRSATransport(t *testing.T) {
	t.Parallel()
	s, m := credentialstest.NewSecret(t)
	tr := m.ClientCA.Issue(t, credentialstest.Leaf{CommonName: "rsa-transport", Key: credentialstest.RSA, PKCS1: true})
	s.TransportCertPem, s.TransportKeyPem = string(tr.CertPEM)+string(m.ClientCA.PEM), string(tr.KeyPEM)
	sg := m.ClientCA.Issue(t, credentialstest.Leaf{CommonName: "signing", Key: credentialstest.RSA, PKCS1: true})
	s.SigningCertPem, s.SigningKeyPem = string(sg.CertPEM), string(sg.KeyPEM)
	s.CABundlePem += string(m.ClientCA.PEM) // two CAs in the bundle
	c, err := credentials.Parse(append(s.JSON(t)[:len(s.JSON(t))-1], []byte(`,"notes":"ignored"}`)...), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Transport.PrivateKey.(*rsa.PrivateKey); !ok || len(c.Transport.Certificate) != 2 {
		t.Errorf("transport key %T, chain length %d; want RSA and 2", c.Transport.PrivateKey, len(c.Transport.Certificate))
	}
	if _, err := tr.Cert.Verify(x509Opts(c)); err != nil {
		t.Errorf("second CA of the bundle not trusted: %v", err)
	}
}

func TestParseInvalid(t *testing.T) {
	t.Parallel()
	base, m := credentialstest.NewSecret(t)
	other := m.ClientCA.Issue(t, credentialstest.Leaf{CommonName: "other", Key: credentialstest.RSA})
	expired := m.ClientCA.Issue(t, credentialstest.Leaf{CommonName: "old", Key: credentialstest.RSA,
		NotBefore: time.Now().AddDate(-2, 0, 0), NotAfter: time.Now().AddDate(0, 0, -1)})
	small := m.ClientCA.Issue(t, credentialstest.Leaf{CommonName: "small", Key: credentialstest.RSA1024})
	tests := []struct {
		name   string
		raw    string                        // used when edit is nil
		edit   func(*credentialstest.Secret) // applied to a copy of a valid secret
		fields []string                      // FieldError.Field expected, in order; nil = ErrNotJSON
	}{
		{name: "plain text", raw: "hunter2-" + base.ClientSecret},
		{name: "truncated", raw: `{"clientId":"a","clientSecret":"` + base.ClientSecret},
		{name: "array", raw: `["` + base.ClientSecret + `"]`},
		{name: "empty", raw: ``},
		{name: "trailing data", raw: `{"clientId":"a"} {"x":"` + base.ClientSecret + `"}`},
		{name: "wrong type", raw: `{"clientSecret": 12345}`, fields: []string{"clientSecret"}},
		{name: "missing fields", raw: `{}`, fields: []string{"clientId", "clientSecret", "signingKeyId", "organisationId",
			"softwareStatementId", "caBundlePem", "transportCertPem", "transportKeyPem", "signingCertPem", "signingKeyPem"}},
		{name: "cert not PEM", edit: func(s *credentialstest.Secret) { s.TransportCertPem = "not a pem " + base.ClientSecret }, fields: []string{"transportCertPem"}},
		{name: "cert PEM corrupt", edit: func(s *credentialstest.Secret) { s.SigningCertPem = corrupt(s.SigningCertPem) }, fields: []string{"signingCertPem"}},
		{name: "key PEM corrupt", edit: func(s *credentialstest.Secret) { s.TransportKeyPem = corrupt(s.TransportKeyPem) }, fields: []string{"transportKeyPem"}},
		{name: "key is a cert", edit: func(s *credentialstest.Secret) { s.SigningKeyPem = s.SigningCertPem }, fields: []string{"signingKeyPem"}},
		{name: "transport key mismatch", edit: func(s *credentialstest.Secret) { s.TransportKeyPem = string(other.KeyPEM) }, fields: []string{"transportKeyPem"}},
		{name: "signing key mismatch", edit: func(s *credentialstest.Secret) { s.SigningKeyPem = string(other.KeyPEM) }, fields: []string{"signingKeyPem"}},
		{name: "signing key not RSA", edit: func(s *credentialstest.Secret) {
			s.SigningKeyPem, s.SigningCertPem = s.TransportKeyPem, s.TransportCertPem
		}, fields: []string{"signingKeyPem"}},
		{name: "signing key too small", edit: func(s *credentialstest.Secret) {
			s.SigningKeyPem, s.SigningCertPem = string(small.KeyPEM), string(small.CertPEM)
		}, fields: []string{"signingKeyPem"}},
		{name: "CA bundle empty of certs", edit: func(s *credentialstest.Secret) { s.CABundlePem = "\n# no certs\n" }, fields: []string{"caBundlePem"}},
		{name: "CA bundle holds a key", edit: func(s *credentialstest.Secret) { s.CABundlePem += s.TransportKeyPem }, fields: []string{"caBundlePem"}},
		{name: "transport expired", edit: func(s *credentialstest.Secret) {
			s.TransportCertPem, s.TransportKeyPem = string(expired.CertPEM), string(expired.KeyPEM)
		}, fields: []string{"transportCertPem"}},
		{name: "signing expired", edit: func(s *credentialstest.Secret) {
			s.SigningCertPem, s.SigningKeyPem = string(expired.CertPEM), string(expired.KeyPEM)
		}, fields: []string{"signingCertPem"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			raw := []byte(tt.raw)
			s := base
			if tt.edit != nil {
				tt.edit(&s)
				raw = s.JSON(t)
			}
			c, err := credentials.Parse(raw, time.Now())
			if err == nil || c != nil {
				t.Fatalf("Parse() = %v, %v; want an error", c, err)
			}
			if tt.fields == nil && !errors.Is(err, credentials.ErrNotJSON) {
				t.Errorf("error %q does not wrap ErrNotJSON", err)
			}
			if got := fieldsOf(err); fmt.Sprint(got) != fmt.Sprint(tt.fields) {
				t.Errorf("fields %v, want %v (error %q)", got, tt.fields, err)
			}
			for _, f := range tt.fields {
				if !strings.Contains(err.Error(), f) {
					t.Errorf("error %q does not name %s", err, f)
				}
			}
			assertNoSecret(t, "error", err.Error(), append(secretMaterial(s), secretMaterial(base)...))
			if strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "'h'") {
				t.Errorf("error %q quotes the raw secret", err)
			}
		})
	}
}

func fieldsOf(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		var fe *credentials.FieldError
		if errors.As(e, &fe) && fe == e {
			out = append(out, fe.Field)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}

// corrupt truncates a PEM body so that it still decodes as PEM but the DER inside does not parse.
func corrupt(p string) string {
	lines := strings.Split(strings.TrimSpace(p), "\n")
	return strings.Join(append(lines[:3:3], lines[len(lines)-1]), "\n") + "\n"
}

func TestRedaction(t *testing.T) {
	t.Parallel()
	s, _ := credentialstest.NewSecret(t)
	c, err := credentials.Parse(s.JSON(t), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("loaded", "credentials", c, "value", *c)
	//lint:ignore S1025 the %s verb itself is under test
	viaS := fmt.Sprintf("%s", c)
	for name, text := range map[string]string{
		"%v": fmt.Sprintf("%v", c), "%+v": fmt.Sprintf("%+v", *c), "%#v": fmt.Sprintf("%#v", *c),
		"%s": viaS, "%#v pointer": fmt.Sprintf("%#v", c), "slog": logs.String(),
	} {
		assertNoSecret(t, name, text, secretMaterial(s))
		if !strings.Contains(text, "test-client-id") || !strings.Contains(text, "[REDACTED]") {
			t.Errorf("%s output %q lacks the client id or the redaction marker", name, text)
		}
	}
}

func TestDaysToExpiry(t *testing.T) {
	t.Parallel()
	s, m := credentialstest.NewSecret(t)
	now := time.Now()
	c, err := credentials.Parse(s.JSON(t), now)
	if err != nil {
		t.Fatal(err)
	}
	at := m.Transport.Cert.NotAfter.Add(-(89*24 + 1) * time.Hour) // 89 days and an hour before expiry
	tr, sg := c.DaysToExpiry(at)
	if tr != 89 {
		t.Errorf("transport days = %d, want 89", tr)
	}
	if want := int(m.Signing.Cert.NotAfter.Sub(at).Hours() / 24); sg != want {
		t.Errorf("signing days = %d, want %d", sg, want)
	}
	if tr, _ := c.DaysToExpiry(m.Transport.Cert.NotAfter.Add(time.Hour)); tr != -1 {
		t.Errorf("an hour after expiry: %d days, want -1", tr)
	}
}
