package consent

import (
	"regexp"
	"sync"
)

// Compiled on first use (sync.OnceValue), not at every cold start: only a stored LastError
// needs them.
var (
	// outcomeCode is a code the connector writes as LastError: a journey's
	// outcome (the callback function), exchange_failed, invalid_grant,
	// refresh_token_expired.
	outcomeCode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`) })
	// obErrorCode is an OB error code (OBErrorResponseError1Code and the
	// bank's own, e.g. UK.OBIE.Resource.NotFound, UK.COOP.Forbidden).
	obErrorCode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bUK\.[A-Z]{2,10}(\.[A-Za-z]{1,40}){1,3}\b`) })
)

// PublicError is what the API shows of a stored LastError: an outcome code
// as it is, or else the first OB error code in it (the proxy records the
// bank's error summary, bankapi.Error.Error(), which lists the codes), or
// nothing. Whatever else a writer put there (its own words, the bank's
// top-level Code) stays internal: the field carries codes an app can act
// on, never text from a bank body.
func PublicError(s string) string {
	if outcomeCode().MatchString(s) {
		return s
	}
	return obErrorCode().FindString(s)
}
