// Package resultsig signs the journey result the callback hands the app's result page: a
// compact JWS (a JWT, ES256) with the consent id, the outcome, the consent's owner (sub),
// iat, exp (a few minutes), jti and the key's kid, signed by an asymmetric KMS key of its own
// (ECC_NIST_P256, SIGN_VERIFY; never the Open Banking signing key). The public key is
// published as a JWKS (GET /.well-known/jwks.json), so the app verifies the result without
// calling the connector (docs/callback.md).
package resultsig
