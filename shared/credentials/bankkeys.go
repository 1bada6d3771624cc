package credentials

import (
	"bytes"
	"encoding/json"
	"net"
	"net/url"

	"github.com/coop-ob/connector/shared/jws"
)

// bankKeys reads the optional bankJwks and bankOrganisationId fields: the keys
// the bank signs its PIS answers with and the organisation it signs as
// (docs/bank-rules.md §Signed responses). bankJwks is the JWKS itself (a JSON
// object) or the https URL it is published at (a JSON string); the two fields
// come together.
func (p *parser) bankKeys(c *Credentials, jwks json.RawMessage, org string) {
	raw := bytes.TrimSpace(jwks)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		if org != "" {
			p.fail("bankJwks", "missing (bankOrganisationId is set)")
		}
		return
	}
	if org == "" {
		p.fail("bankOrganisationId", "missing (bankJwks is set)")
	}
	c.BankOrganisationID = org
	switch raw[0] {
	case '{':
		keys, err := jws.ParseJWKS(raw)
		if err != nil {
			p.fail("bankJwks", "must be a JWKS with at least one RSA signing key with a kid, and no private key")
			return
		}
		c.BankKeys = keys
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil || !jwksURL(s) {
			p.fail("bankJwks", "as a string, must be the https URL of the bank's JWKS")
			return
		}
		c.BankJWKSURL = s
	default:
		p.fail("bankJwks", "must be a JWKS object or the https URL of one")
	}
}

// jwksURL: an absolute https URL (http only on a loopback host, for local runs).
func jwksURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() || u.Host == "" || u.User != nil || u.Fragment != "" {
		return false
	}
	if u.Scheme == "https" {
		return true
	}
	ip := net.ParseIP(u.Hostname())
	return u.Scheme == "http" && (u.Hostname() == "localhost" || (ip != nil && ip.IsLoopback()))
}
