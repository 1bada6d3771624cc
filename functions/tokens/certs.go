package main

import (
	"context"
	"crypto/x509"
	"fmt"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/emf"
)

// checkCertificates reports the days to expiry of the transport (mTLS) and
// signing certificates as the metric CertificateDaysToExpiry, dimensions
// Environment = ENVIRONMENT and Certificate = transport | signing (the
// template's alarms name both), and logs an error for each one under
// CERT_EXPIRY_WARN_DAYS (the bank's page, "Certificate expiry": at least 90
// days). template.yaml alarms on the metric. An unreadable secret fails the run. Under
// each threshold (CERT_EXPIRY_WARN_DAYS, then 30, 14, 7 and 1 days) a certificate's
// Certificate Expiring event is stored once (docs/events.md).
func (h *Handler) checkCertificates(ctx context.Context, now time.Time, sum *Summary) error {
	c, err := h.creds.Get(ctx)
	if err != nil {
		return fmt.Errorf("credentials: %w", err)
	}
	transport, signing := c.DaysToExpiry(now)
	sum.TransportCertDays, sum.SigningCertDays = transport, signing
	for _, cert := range []struct {
		name string
		days int
		x509 *x509.Certificate
	}{{"transport", transport, c.Transport.Leaf}, {"signing", signing, c.SigningCert}} {
		h.noteCertificate(ctx, cert.name, cert.x509, cert.days)
		if err := emf.WriteNS(h.metrics, h.cfg.MetricsNamespace, time.Now(), map[string]string{emf.DimEnvironment: h.cfg.Environment, "Certificate": cert.name},
			[]emf.Metric{{Name: "CertificateDaysToExpiry", Unit: "Count", Value: float64(cert.days)}}); err != nil {
			h.logger.WarnContext(ctx, "metric not written", slog.Any("err", err))
		}
		if cert.days < h.cfg.CertExpiryWarnDays {
			h.logger.ErrorContext(ctx, "certificate expires soon: renew it and update the secret",
				slog.String("certificate", cert.name), slog.Int("daysToExpiry", cert.days),
				slog.Int("minimumDays", h.cfg.CertExpiryWarnDays))
		}
	}
	return nil
}

// noteCertificate stores the certificate's Certificate Expiring event when its days left fell
// under a threshold not told yet; a failure is logged (the metric and its alarm still tell).
func (h *Handler) noteCertificate(ctx context.Context, name string, cert *x509.Certificate, days int) {
	if cert == nil {
		return
	}
	_, err := h.store.NoteCertificate(ctx, name, consent.Fingerprint(cert.Raw), h.cfg.Environment, cert.NotAfter, days, h.cfg.CertExpiryWarnDays)
	if err != nil {
		h.logger.WarnContext(ctx, "certificate event not stored", slog.String("certificate", name), slog.Any("err", err))
	}
}
