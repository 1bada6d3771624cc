package credentials_test

import (
	"crypto/x509"

	"github.com/coop-ob/connector/shared/credentials"
)

func x509Opts(c *credentials.Credentials) x509.VerifyOptions {
	return x509.VerifyOptions{Roots: c.CAs, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}
}
