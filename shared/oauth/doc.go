// Package oauth is the connector's client of the bank's token endpoint
// (RFC 6749), built on golang.org/x/oauth2: the client_credentials grant
// (§4.4, cached per scope), the authorization_code grant with PKCE (§4.1,
// RFC 7636) and the refresh_token grant (§6).
//
// The bank authenticates clients with client_secret_basic only and wants no
// client_id in the request body (the bank's General specifications,
// "Tokens"); that is the default here, with client_secret_post available
// for banks that need it (docs/bank-rules.md §Token endpoint). Every call goes over the mTLS
// *http.Client given to New.
//
// Failures are *Error values (RFC 6749 §5.2 fields plus the HTTP status)
// whose Error() never includes tokens, codes, verifiers or response bodies.
package oauth
