package credentials

import (
	"context"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"log/slog"
	"math"
	"time"

	"github.com/coop-ob/connector/shared/jws"
)

// Provider returns the current credentials. *Source implements it; the mTLS client and the
// token client depend on it so that a rotated secret is picked up without a restart.
type Provider interface {
	Get(ctx context.Context) (*Credentials, error)
}

// Credentials are the parsed, validated contents of the credentials secret.
// Printing or logging them (fmt, %v, %#v, slog) shows only non-secret identifiers.
type Credentials struct {
	ClientID            string
	ClientSecret        string
	Transport           tls.Certificate // the mTLS client certificate chain and key; Leaf is set
	CAs                 *x509.CertPool  // exactly the CA bundle that may sign the bank's server certificates
	SigningKey          *rsa.PrivateKey // PS256 key for x-jws-signature
	SigningKeyID        string
	SigningCert         *x509.Certificate
	OrganisationID      string
	SoftwareStatementID string
	// The bank's response signatures (optional; docs/bank-rules.md §Signed responses): its
	// signing keys, given inline (BankKeys) or as the URL of its JWKS (BankJWKSURL), and the
	// OB organisation id it signs as.
	BankKeys           jws.KeySet
	BankJWKSURL        string
	BankOrganisationID string
}

const redacted = "[REDACTED]"

// String describes the credentials without secret material.
func (c Credentials) String() string {
	return fmt.Sprintf("credentials{clientId: %s, clientSecret: %s, transport: %s, signing: %s (kid %s), keys: %s}",
		c.ClientID, redacted, certSummary(c.Transport.Leaf), certSummary(c.SigningCert), c.SigningKeyID, redacted)
}

// GoString makes %#v as safe as %v.
func (c Credentials) GoString() string { return c.String() }

// LogValue implements slog.LogValuer: identifiers and expiry dates only.
func (c Credentials) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("clientId", c.ClientID),
		slog.String("clientSecret", redacted),
		slog.String("signingKeyId", c.SigningKeyID),
		slog.String("organisationId", c.OrganisationID),
		slog.String("softwareStatementId", c.SoftwareStatementID),
		slog.Time("transportNotAfter", notAfter(c.Transport.Leaf)),
		slog.Time("signingNotAfter", notAfter(c.SigningCert)),
	)
}

// DaysToExpiry returns the whole days from now until the transport and signing certificates
// expire, rounded down; negative once expired. A missing certificate counts as expired.
func (c *Credentials) DaysToExpiry(now time.Time) (transport, signing int) {
	return daysLeft(c.Transport.Leaf, now), daysLeft(c.SigningCert, now)
}

func daysLeft(cert *x509.Certificate, now time.Time) int {
	if cert == nil {
		return math.MinInt32
	}
	return int(math.Floor(cert.NotAfter.Sub(now).Hours() / 24))
}

func notAfter(cert *x509.Certificate) time.Time {
	if cert == nil {
		return time.Time{}
	}
	return cert.NotAfter
}

func certSummary(cert *x509.Certificate) string {
	if cert == nil {
		return "none"
	}
	return fmt.Sprintf("%q until %s", cert.Subject.CommonName, cert.NotAfter.UTC().Format(time.DateOnly))
}
