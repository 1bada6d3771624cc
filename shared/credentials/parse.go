package credentials

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// secretJSON is the secret's shape (docs/configuration.md). Unknown fields are ignored so that operators
// may keep notes beside the fields; a misspelt required field is reported as missing.
type secretJSON struct {
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
	// Optional: the bank's response-signing keys (a JWKS, or its URL as a string) and organisation.
	BankJWKS           json.RawMessage `json:"bankJwks"`
	BankOrganisationID string          `json:"bankOrganisationId"`
}

// FieldError says what is wrong with one field of the secret. It names the field (its JSON
// name) and never contains the field's value.
type FieldError struct {
	Field  string // JSON name, e.g. "transportKeyPem"; "" for the secret as a whole
	Reason string
}

func (e *FieldError) Error() string {
	if e.Field == "" {
		return "credentials secret: " + e.Reason
	}
	return "credentials secret: " + e.Field + ": " + e.Reason
}

// ErrNotJSON is wrapped by the error Parse returns for a secret that is not a JSON object.
var ErrNotJSON = errors.New("credentials secret is not a JSON object")

// Parse decodes and validates the secret at time now. It returns every problem it finds, each a
// *FieldError (use errors.As), joined into one error.
func Parse(raw []byte, now time.Time) (*Credentials, error) {
	var s secretJSON
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&s); err != nil {
		return nil, jsonError(err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: trailing data after the object", ErrNotJSON)
	}
	p := parser{now: now}
	c := &Credentials{
		ClientID:            p.required("clientId", s.ClientID),
		ClientSecret:        p.required("clientSecret", s.ClientSecret),
		SigningKeyID:        p.required("signingKeyId", s.SigningKeyID),
		OrganisationID:      p.required("organisationId", s.OrganisationID),
		SoftwareStatementID: p.required("softwareStatementId", s.SoftwareStatementID),
		CAs:                 p.caBundle("caBundlePem", s.CABundlePem),
	}
	c.Transport = p.transport(s.TransportCertPem, s.TransportKeyPem)
	c.SigningCert, c.SigningKey = p.signing(s.SigningCertPem, s.SigningKeyPem)
	p.bankKeys(c, s.BankJWKS, s.BankOrganisationID)
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return c, nil
}

// jsonError describes a decoding failure without the json package's own message, which for a
// syntax error quotes the offending character of the secret.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("%w: syntax error at byte %d", ErrNotJSON, syn.Offset)
	case errors.As(err, &typ) && typ.Field != "":
		return &FieldError{Field: typ.Field, Reason: "must be a string"}
	case errors.As(err, &typ):
		return fmt.Errorf("%w: found a JSON %s", ErrNotJSON, typ.Value)
	default:
		return fmt.Errorf("%w: truncated or empty", ErrNotJSON)
	}
}

// parser collects one *FieldError per bad field.
type parser struct {
	now  time.Time
	errs []error
}

func (p *parser) fail(field, reason string) {
	p.errs = append(p.errs, &FieldError{Field: field, Reason: reason})
}

func (p *parser) required(field, v string) string {
	if v == "" {
		p.fail(field, "missing")
	}
	return v
}

func (p *parser) caBundle(field, pemText string) *x509.CertPool {
	if pemText == "" {
		p.fail(field, "missing")
		return nil
	}
	certs, reason := parseCerts([]byte(pemText))
	if reason != "" {
		p.fail(field, reason)
		return nil
	}
	pool := x509.NewCertPool()
	for _, c := range certs {
		pool.AddCert(c)
	}
	return pool
}

// transport parses the mTLS client certificate (leaf first, then any intermediates) and its key.
func (p *parser) transport(certPEM, keyPEM string) tls.Certificate {
	chain := p.certChain("transportCertPem", certPEM)
	key, reason := parsePrivateKey([]byte(keyPEM))
	switch {
	case keyPEM == "":
		p.fail("transportKeyPem", "missing")
	case reason != "":
		p.fail("transportKeyPem", reason)
	default:
		if r := transportKeyReason(key); r != "" {
			p.fail("transportKeyPem", r)
			key = nil
		}
	}
	if chain == nil || key == nil {
		return tls.Certificate{}
	}
	if !publicKeysEqual(chain[0].PublicKey, key.Public()) {
		p.fail("transportKeyPem", "does not match the certificate in transportCertPem")
		return tls.Certificate{}
	}
	cert := tls.Certificate{PrivateKey: key, Leaf: chain[0]}
	for _, c := range chain {
		cert.Certificate = append(cert.Certificate, c.Raw)
	}
	return cert
}
