package sandbox

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// OB JOSE header claims (OB Read/Write v3.1.4+ "Message Signing").
const (
	claimIat = "http://openbanking.org.uk/iat"
	claimIss = "http://openbanking.org.uk/iss"
	claimTan = "http://openbanking.org.uk/tan"
	obTan    = "openbanking.org.uk"
)

// jwsVerifier checks detached x-jws-signature values. go-jose refuses the OB crit
// claims it does not know, so the header is parsed and checked here.
type jwsVerifier struct {
	key *rsa.PublicKey
	kid string
	iss string // orgId/softwareStatementId
}

// verify checks sig (b64url(header)..b64url(signature)) over body, per OB v3.1.4+:
// alg PS256, the generated kid, crit exactly the three OB claims, iss, tan, iat within
// an hour of the bank clock, no b64 claim, no unknown claims, then RSASSA-PSS SHA-256
// (salt length = hash length) over b64url(header) + "." + b64url(body).
func (v *jwsVerifier) verify(sig string, body []byte, now time.Time) *obError {
	if sig == "" {
		return obErr("UK.OBIE.Signature.Missing", "x-jws-signature header is required", "x-jws-signature")
	}
	parts := strings.Split(sig, ".")
	if len(parts) != 3 || parts[1] != "" || parts[0] == "" || parts[2] == "" {
		return obErr("UK.OBIE.Signature.Malformed", "x-jws-signature must be a detached compact JWS (header..signature)", "x-jws-signature")
	}
	rawHeader, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return obErr("UK.OBIE.Signature.Malformed", "JOSE header is not base64url", "x-jws-signature")
	}
	signature, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return obErr("UK.OBIE.Signature.Malformed", "signature is not base64url", "x-jws-signature")
	}
	var h map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(rawHeader))
	dec.UseNumber()
	if err := dec.Decode(&h); err != nil {
		return obErr("UK.OBIE.Signature.Malformed", "JOSE header is not a JSON object", "x-jws-signature")
	}
	if e := v.checkHeader(h, now); e != nil {
		return e
	}
	input := parts[0] + "." + base64.RawURLEncoding.EncodeToString(body)
	sum := sha256.Sum256([]byte(input))
	if err := rsa.VerifyPSS(v.key, crypto.SHA256, sum[:], signature, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash}); err != nil {
		return obErr("UK.OBIE.Signature.Invalid", "signature does not verify over the request body", "x-jws-signature")
	}
	return nil
}

func (v *jwsVerifier) checkHeader(h map[string]json.RawMessage, now time.Time) *obError {
	str := func(name string) (string, bool) {
		raw, ok := h[name]
		if !ok {
			return "", false
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", true
		}
		return s, true
	}
	claim := func(code, msg string) *obError { return obErr(code, msg, "x-jws-signature") }
	allowed := []string{"alg", "kid", "typ", "cty", "crit", claimIat, claimIss, claimTan}
	for name := range h {
		if name == "b64" {
			return claim("UK.OBIE.Signature.InvalidClaim", "b64 is not used from OB v3.1.4 on")
		}
		if !slices.Contains(allowed, name) {
			return claim("UK.OBIE.Signature.InvalidClaim", "unexpected JOSE header claim "+name)
		}
	}
	for _, name := range []string{"alg", "kid", "crit", claimIat, claimIss, claimTan} {
		if _, ok := h[name]; !ok {
			return claim("UK.OBIE.Signature.MissingClaim", "JOSE header claim "+name+" is missing")
		}
	}
	if alg, _ := str("alg"); alg != "PS256" {
		return claim("UK.OBIE.Signature.InvalidClaim", "alg must be PS256")
	}
	if kid, _ := str("kid"); kid != v.kid {
		return claim("UK.OBIE.Signature.InvalidClaim", "kid is not the TPP's signing key id")
	}
	if typ, ok := str("typ"); ok && typ != "JOSE" {
		return claim("UK.OBIE.Signature.InvalidClaim", "typ must be JOSE")
	}
	if cty, ok := str("cty"); ok && cty != "json" && cty != "application/json" {
		return claim("UK.OBIE.Signature.InvalidClaim", "cty must be json or application/json")
	}
	var crit []string
	if json.Unmarshal(h["crit"], &crit) != nil {
		return claim("UK.OBIE.Signature.InvalidClaim", "crit must be an array of claim names")
	}
	slices.Sort(crit)
	if !slices.Equal(crit, []string{claimIat, claimIss, claimTan}) {
		return claim("UK.OBIE.Signature.InvalidClaim", "crit must name exactly the iat, iss and tan claims")
	}
	if iss, _ := str(claimIss); iss != v.iss {
		return claim("UK.OBIE.Signature.InvalidClaim", "iss must be orgId/softwareStatementId of the TPP")
	}
	if tan, _ := str(claimTan); tan != obTan {
		return claim("UK.OBIE.Signature.InvalidClaim", "tan must be "+obTan)
	}
	var iat json.Number
	if json.Unmarshal(h[claimIat], &iat) != nil {
		return claim("UK.OBIE.Signature.InvalidClaim", "iat must be a number")
	}
	secs, err := iat.Int64()
	if err != nil {
		f, ferr := iat.Float64()
		if ferr != nil {
			return claim("UK.OBIE.Signature.InvalidClaim", "iat must be a number")
		}
		secs = int64(f)
	}
	if d := now.Sub(time.Unix(secs, 0)); d > time.Hour || d < -time.Hour {
		return claim("UK.OBIE.Signature.InvalidClaim", "iat must be within an hour of now")
	}
	return nil
}
