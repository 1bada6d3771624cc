// Package exchange completes an authorization-code journey: it swaps the code
// for tokens at the bank's token endpoint (RFC 6749 §4.1.3 with the PKCE
// code_verifier of RFC 7636 §4.5, client_secret_basic, mTLS) and records the
// result in one consent.Store.AuthoriseWithTokens: the tokens (with their
// expiries and refresh schedule), the consent Authorised, the auth session
// done. Fail ends a session that produced no tokens.
//
// Only a consent that is still authorisable (consent.Authorisable) is
// completed: a journey that outlived its consent (revoked, rejected,
// expired, failed) gets ErrNotAuthorisable, and no token request is made.
//
// The callback function calls Complete inline, with its own short retry of
// transient failures; the tokens function calls it once per run for sessions
// whose exchange is pending (consent.Store.ClaimExchange). Complete never
// repeats a token request: that retry policy belongs to the caller. It does
// retry the store writes that follow a successful exchange, on a context of
// their own, because the code is spent and the tokens exist nowhere else;
// that context still ends before the invocation's deadline (lambdactx.Detach).
//
// A code is resent only after a failure that proves the bank did not
// consume it (oauth.MayHaveBeenProcessed false): the bank treats a reused
// code as an attack and revokes what it issued for it.
package exchange
