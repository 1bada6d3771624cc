// Package credentials loads the connector's bank credentials (client id and secret, transport
// certificate and key, the CA bundle that signs the bank's server certificates, the signing key
// and certificate) from one Secrets Manager secret, validates them, and caches them.
//
// The secret's JSON shape is in docs/configuration.md. Parse checks every field
// and reports each bad one by name, never by value: error messages and logs from this package
// never contain the secret's bytes.
//
// Source is a small cache on GetSecretValue rather than
// github.com/aws/aws-secretsmanager-caching-go/v2, on purpose:
//   - it needs only secretsmanager:GetSecretValue (that library calls DescribeSecret first, so
//     every function would need a second permission);
//   - its clock is an injectable Now field, so TTL and expiry are tested without sleeping;
//   - it parses on refresh: a rotated secret that does not parse, or whose key does not match
//     its certificate, is rejected and logged while the last good credentials keep serving;
//   - it logs, on every load, a certificate under the bank's 90-day floor as an error.
//
// The certificates need at least 90 days to expiry (the bank's General specifications page);
// DaysToExpiry exposes the figures the tokens function publishes as a metric.
package credentials
