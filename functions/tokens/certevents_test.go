package main

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/eventschema"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/credentials/credentialstest"
)

// TestCertificateExpiringEvents: a certificate whose days left fall under the bank's floor
// (CERT_EXPIRY_WARN_DAYS) gets one Certificate Expiring event, however many runs see it; under
// the next threshold (30 days) one more; a certificate far from expiry none.
func TestCertificateExpiringEvents(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, nil)
	now := f.env.Deps.Now()
	transport, secret := f.useTransportExpiring(t, "tokens-certev-", now.Add(80*24*time.Hour+time.Hour))
	block, _ := pem.Decode(transport.CertPEM)
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	fp := consent.Fingerprint(cert.Raw)
	events := func() []consent.CertificateDetail {
		t.Helper()
		list, err := f.env.Deps.Store.CertificateEvents(context.Background(), "transport", fp)
		if err != nil {
			t.Fatal(err)
		}
		var out []consent.CertificateDetail
		for _, ev := range list {
			if err := eventschema.Validate(ev.DetailType, []byte(ev.Detail)); err != nil {
				t.Error(err)
			}
			var d consent.CertificateDetail
			_ = json.Unmarshal([]byte(ev.Detail), &d)
			out = append(out, d)
		}
		return out
	}
	f.run(t)
	f.run(t)
	got := events()
	if len(got) != 1 || got[0].Threshold != 90 || got[0].DaysLeft != 80 || got[0].Sequence != 1 || !got[0].NotAfter.Equal(cert.NotAfter) {
		t.Fatalf("after two runs: %+v; want one event at the 90-day threshold", got)
	}
	f.env.Bank.Advance(51 * 24 * time.Hour) // 29 days left
	f.run(t)
	f.run(t)
	if got = events(); len(got) != 2 || got[1].Threshold != 30 || got[1].Sequence != 2 {
		t.Errorf("under 30 days: %+v; want a second event at the 30-day threshold", got)
	}
	signing, err := f.env.Deps.Store.CertificateEvents(context.Background(), "signing", consent.Fingerprint(secretSigning(t, secret)))
	if err != nil || len(signing) != 0 {
		t.Errorf("signing certificate (far from expiry): %d events, %v", len(signing), err)
	}
}

func secretSigning(t *testing.T, s credentialstest.Secret) []byte {
	t.Helper()
	block, _ := pem.Decode([]byte(s.SigningCertPem))
	if block == nil {
		t.Fatal("no signing certificate")
	}
	return block.Bytes
}
