// Package authflow starts the bank's redirect journey for a stored consent:
// a fresh OAuth state and PKCE pair (RFC 6749 §10.12, RFC 7636), the
// consent.AuthSession that the callback later claims, and the authorization
// URL built by shared/authurl from the STORED consent (journey, ben_name,
// amount and pymt_dt exactly as sent to the bank, never as a caller repeats
// them). It also holds the rule of which consents may be authorised again
// (OB Read/Write v3.1 "Consent Re-authentication"; the bank's General
// specifications, "Parameters": stepUp only for AIS).
package authflow
