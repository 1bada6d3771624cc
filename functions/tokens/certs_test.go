package main

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/credentials/credentialstest"
)

func TestCertificateExpiryMetric(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, nil)
	now := f.env.Deps.Now()
	_, secret := f.useTransportExpiring(t, "tokens-cert-", now.Add(80*24*time.Hour+time.Hour))

	s := f.run(t)
	if s.TransportCertDays != 80 || s.SigningCertDays < 300 {
		t.Errorf("days: transport %d signing %d", s.TransportCertDays, s.SigningCertDays)
	}
	got := map[string]float64{}
	for _, line := range f.emfLines(t) {
		cert, ok := line["Certificate"].(string)
		if !ok {
			continue
		}
		got[cert] = line["CertificateDaysToExpiry"].(float64)
		def := line["_aws"].(map[string]any)["CloudWatchMetrics"].([]any)[0].(map[string]any)
		metric := def["Metrics"].([]any)[0].(map[string]any)
		// The dimensions template.yaml's alarms name: the function's ENVIRONMENT and the certificate.
		if def["Namespace"] != "CoopConnector" || !cmp.Equal(def["Dimensions"], []any{[]any{"Certificate", "Environment"}}) ||
			metric["Name"] != "CertificateDaysToExpiry" {
			t.Errorf("EMF definition %v", def)
		}
		if line["Environment"] != f.h.cfg.Environment || line["Environment"] != "sandbox" || line["level"] != "INFO" {
			t.Errorf("EMF line Environment %v level %v; want the function's ENVIRONMENT (sandbox) and INFO", line["Environment"], line["level"])
		}
	}
	if got["transport"] != 80 || got["signing"] < 300 || len(got) != 2 {
		t.Errorf("CertificateDaysToExpiry = %v", got)
	}
	var warned []string
	for _, l := range f.logLines(t, "certificate expires soon: renew it and update the secret") {
		if l["level"] == "ERROR" && l["daysToExpiry"] == 80.0 {
			warned = append(warned, l["certificate"].(string))
		}
	}
	if len(warned) != 1 || warned[0] != "transport" {
		t.Errorf("error logs for %v, want [transport]", warned)
	}
	f.env.AssertNoSecrets(t, secret.ClientSecret, secret.TransportKeyPem[40:80])
}

// useTransportExpiring gives the handler a credentials secret of its own (named from prefix)
// whose transport certificate expires at notAfter, and returns that certificate and the secret.
func (f *fixture) useTransportExpiring(t *testing.T, prefix string, notAfter time.Time) (credentialstest.Issued, credentialstest.Secret) {
	t.Helper()
	secret, m := credentialstest.NewSecret(t)
	transport := m.ClientCA.Issue(t, credentialstest.Leaf{CommonName: "tpp-transport", NotAfter: notAfter})
	secret.TransportCertPem, secret.TransportKeyPem = string(transport.CertPEM), string(transport.KeyPEM)
	name := prefix + testenv.Random(6)
	if _, err := f.env.SMAdmin.CreateSecret(context.Background(), &secretsmanager.CreateSecretInput{
		Name: aws.String(name), SecretString: aws.String(string(secret.JSON(t)))}); err != nil {
		t.Fatal(err)
	}
	src := credentials.NewSource(f.env.SM, name, time.Minute, f.env.Deps.Logger)
	src.Now = f.env.Deps.Now
	f.h.creds = src
	return transport, secret
}
