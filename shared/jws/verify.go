package jws

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"
)

// ErrNotVerified is matched (errors.Is) by every *VerifyError.
var ErrNotVerified = errors.New("jws: signature not verified")

// VerifyError names the rule of OB "Message Signing" (v3.1.4+) a signature
// broke. It never carries the signature, a header value or the body.
type VerifyError struct{ Rule string }

func (e *VerifyError) Error() string { return "jws: signature not verified: " + e.Rule }

// Is makes errors.Is(err, ErrNotVerified) true.
func (e *VerifyError) Is(target error) bool { return target == ErrNotVerified }

// RuleUnknownKid is the VerifyError.Rule of a kid the keys do not hold (the
// caller may fetch the signer's JWKS again: a rotation).
const RuleUnknownKid = "kid not in the bank's keys"

// Expect is what a signed answer must show: the signer's keys, its
// http://openbanking.org.uk/iss and the time.
type Expect struct {
	Keys        KeySet
	Issuer      string        // an ASPSP signs as its OB organisation id
	TrustAnchor string        // "" means TrustAnchor
	Now         time.Time     // iat may not be later than Now + Skew
	Skew        time.Duration // clock difference allowed for iat (0: DefaultSkew)
}

// DefaultSkew is the clock difference allowed when Expect.Skew is zero.
const DefaultSkew = 5 * time.Minute

// Verify checks sig, an x-jws-signature value (b64url(header)..b64url(signature),
// RFC 7515 Appendix F), over body, the exact bytes received, the way OB v3.1.4+
// "Message Signing" says a verifier does: a JSON protected header with alg
// PS256, a kid found in e.Keys, crit naming exactly the three OB claims, iss
// e.Issuer, tan the trust anchor, iat a number not in the future, typ JOSE and
// cty json or application/json when present, no b64 (removed in v3.1.4) and no
// other claim; then RSASSA-PSS SHA-256 over b64url(header) + "." +
// b64url(body). It returns a *VerifyError naming the first rule broken.
func Verify(sig string, body []byte, e Expect) error {
	fail := func(rule string) error { return &VerifyError{Rule: rule} }
	if sig == "" {
		return fail("x-jws-signature missing")
	}
	parts := strings.Split(sig, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] != "" || parts[2] == "" {
		return fail("not a detached compact JWS (header..signature)")
	}
	rawHeader, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return fail("header is not base64url")
	}
	signature, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return fail("signature is not base64url")
	}
	var h map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(rawHeader))
	dec.UseNumber()
	if err := dec.Decode(&h); err != nil || h == nil {
		return fail("header is not a JSON object")
	}
	key, rule := checkHeader(h, e)
	if rule != "" {
		return fail(rule)
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + base64.RawURLEncoding.EncodeToString(body)))
	if err := rsa.VerifyPSS(key, crypto.SHA256, sum[:], signature, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash}); err != nil {
		return fail("signature does not verify over the body")
	}
	return nil
}

// allowedClaims are the only protected-header members of an OB v3.1.4+ signature.
var allowedClaims = []string{"alg", "kid", "typ", "cty", "crit", ClaimIAT, ClaimISS, ClaimTAN}

// checkHeader returns the key named by kid, or the rule the header breaks.
func checkHeader(h map[string]json.RawMessage, e Expect) (*rsa.PublicKey, string) {
	str := func(name string) (string, bool) {
		var s string
		raw, ok := h[name]
		return s, ok && json.Unmarshal(raw, &s) == nil
	}
	for name := range h {
		if name == "b64" {
			return nil, "b64 is not used from OB v3.1.4 on"
		}
		if !slices.Contains(allowedClaims, name) {
			return nil, "unexpected header claim"
		}
	}
	if alg, _ := str("alg"); alg != "PS256" {
		return nil, "alg must be PS256"
	}
	kid, ok := str("kid")
	key := e.Keys[kid]
	switch {
	case !ok || kid == "":
		return nil, "kid missing"
	case key == nil:
		return nil, RuleUnknownKid
	}
	if _, ok := h["typ"]; ok {
		if s, _ := str("typ"); s != "JOSE" {
			return nil, "typ must be JOSE"
		}
	}
	if _, ok := h["cty"]; ok {
		if s, _ := str("cty"); s != "json" && s != "application/json" {
			return nil, "cty must be json or application/json"
		}
	}
	var crit []string
	if json.Unmarshal(h["crit"], &crit) != nil {
		return nil, "crit must list the OB claims"
	}
	sorted := slices.Clone(crit)
	slices.Sort(sorted)
	if !slices.Equal(sorted, []string{ClaimIAT, ClaimISS, ClaimTAN}) {
		return nil, "crit must name exactly the iat, iss and tan claims"
	}
	if iss, _ := str(ClaimISS); e.Issuer == "" || iss != e.Issuer {
		return nil, "iss is not the bank's organisation"
	}
	anchor := e.TrustAnchor
	if anchor == "" {
		anchor = TrustAnchor
	}
	if tan, _ := str(ClaimTAN); tan != anchor {
		return nil, "tan is not the trust anchor"
	}
	var iat json.Number
	raw := bytes.TrimSpace(h[ClaimIAT])
	if len(raw) == 0 || raw[0] == '"' || json.Unmarshal(raw, &iat) != nil {
		return nil, "iat must be a number"
	}
	secs, err := iat.Float64()
	if err != nil {
		return nil, "iat must be a number"
	}
	skew := e.Skew
	if skew <= 0 {
		skew = DefaultSkew
	}
	if time.Unix(int64(secs), 0).After(e.Now.Add(skew)) {
		return nil, "iat is in the future"
	}
	return key, ""
}
