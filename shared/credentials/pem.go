package credentials

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"time"
)

const minRSABits = 2048

// certChain parses a PEM certificate chain (leaf first) and checks the leaf has not expired.
func (p *parser) certChain(field, pemText string) []*x509.Certificate {
	if pemText == "" {
		p.fail(field, "missing")
		return nil
	}
	certs, reason := parseCerts([]byte(pemText))
	if reason != "" {
		p.fail(field, reason)
		return nil
	}
	if leaf := certs[0]; !p.now.Before(leaf.NotAfter) {
		p.fail(field, "certificate expired on "+leaf.NotAfter.UTC().Format(time.RFC3339))
		return nil
	}
	return certs
}

// signing parses the RSA signing certificate and key and checks that they belong together.
func (p *parser) signing(certPEM, keyPEM string) (*x509.Certificate, *rsa.PrivateKey) {
	chain := p.certChain("signingCertPem", certPEM)
	var rk *rsa.PrivateKey
	key, reason := parsePrivateKey([]byte(keyPEM))
	switch {
	case keyPEM == "":
		p.fail("signingKeyPem", "missing")
	case reason != "":
		p.fail("signingKeyPem", reason)
	default:
		k, ok := key.(*rsa.PrivateKey)
		switch {
		case !ok:
			p.fail("signingKeyPem", "must be an RSA key (PS256)")
		case k.N.BitLen() < minRSABits:
			p.fail("signingKeyPem", fmt.Sprintf("RSA key must have at least %d bits", minRSABits))
		default:
			rk = k
		}
	}
	if chain == nil || rk == nil {
		return nil, nil
	}
	if !publicKeysEqual(chain[0].PublicKey, rk.Public()) {
		p.fail("signingKeyPem", "does not match the certificate in signingCertPem")
		return nil, nil
	}
	return chain[0], rk
}

// parseCerts returns every CERTIFICATE block, or a reason (never quoting the input).
func parseCerts(data []byte) ([]*x509.Certificate, string) {
	var certs []*x509.Certificate
	for n := 1; ; n++ {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			return nil, fmt.Sprintf("PEM block %d is %q, want CERTIFICATE", n, block.Type)
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Sprintf("PEM block %d is not a valid X.509 certificate", n)
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		return nil, "no PEM CERTIFICATE block found"
	}
	return certs, ""
}

// parsePrivateKey accepts PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") and SEC 1
// ("EC PRIVATE KEY"). It returns a reason (never quoting the input) when it cannot.
func parsePrivateKey(data []byte) (crypto.Signer, string) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, "no PEM block found"
	}
	var (
		key any
		err error
	)
	switch block.Type {
	case "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(block.Bytes)
	default:
		return nil, fmt.Sprintf("PEM block is %q, want PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY", block.Type)
	}
	if err != nil {
		return nil, "PEM " + block.Type + " block does not parse"
	}
	s, ok := key.(crypto.Signer)
	if !ok {
		return nil, "unsupported key type"
	}
	return s, ""
}

// transportKeyReason enforces the contract's transport key types: RSA ≥ 2048 or ECDSA P-256.
func transportKeyReason(key crypto.Signer) string {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		if k.N.BitLen() < minRSABits {
			return fmt.Sprintf("RSA key must have at least %d bits", minRSABits)
		}
	case *ecdsa.PrivateKey:
		if k.Curve != elliptic.P256() {
			return "ECDSA key must use P-256"
		}
	default:
		return "must be an RSA or ECDSA P-256 key"
	}
	return ""
}

func publicKeysEqual(a, b crypto.PublicKey) bool {
	ka, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && ka.Equal(b)
}
