package oauth

import (
	"errors"
	"fmt"

	"golang.org/x/oauth2"

	"github.com/coop-ob/connector/shared/internal/neterr"
)

// Error is a failed token request: an error response (RFC 6749 §5.2) with
// its HTTP status, or a transport failure (StatusCode 0, Cause set). Its
// Error() never includes tokens, codes, verifiers or the response body.
type Error struct {
	Grant       string // client_credentials, authorization_code or refresh_token
	StatusCode  int    // 0 when no response was received
	Code        string // RFC 6749 "error", e.g. invalid_grant
	Description string // RFC 6749 "error_description": the bank's words; never in Error()
	Transient   bool   // worth retrying later: 5xx, 429, timeouts, resets, dropped connections
	// MayHaveBeenProcessed: the request may have reached the token endpoint
	// and been acted on, but no error answer came back to prove otherwise.
	// It is true when a connection to the endpoint was established and then
	// the answer was lost (timeout, reset, EOF, a truncated body, the
	// caller's cancellation) or was a success we could not use (a token that
	// is not bearer, a body that does not parse). It is false for failures
	// before a connection existed (dial errors, refused connections, TLS
	// handshake failures) and for every HTTP error status: a token endpoint
	// that answered 4xx, 429 or 5xx issued nothing. The distinction matters
	// for one-time credentials: an authorization code (RFC 6749 §4.1.2) sent
	// twice is an attack to the bank, which then revokes the tokens it issued
	// for it (docs/bank-rules.md §Refresh tokens).
	MayHaveBeenProcessed bool
	Cause                error // transport or parsing failure; never the response body
}

func (e *Error) Error() string {
	s := "oauth: " + e.Grant + " grant"
	if e.StatusCode != 0 {
		s += fmt.Sprintf(": HTTP %d", e.StatusCode)
	}
	if e.Code != "" {
		s += ": " + e.Code
	}
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	if e.Transient {
		s += " (transient)"
	}
	if e.MayHaveBeenProcessed {
		s += " (request may have been processed)"
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// IsInvalidGrant reports whether err is the token endpoint's invalid_grant:
// the code or refresh token is invalid, expired, revoked or already used, so
// the PSU must authorise again.
func IsInvalidGrant(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == "invalid_grant"
}

// IsTransient reports whether err is a token-endpoint failure worth retrying
// later. For the refresh_token grant a transient failure may mean the bank
// did rotate the token and the response was lost.
func IsTransient(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Transient
}

// MayHaveBeenProcessed reports whether err is a token-endpoint failure after
// which the request may have been processed (Error.MayHaveBeenProcessed).
// Resend a one-time credential (an authorization code, a rotating refresh
// token) only when this is false: the bank provably did not consume it.
func MayHaveBeenProcessed(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.MayHaveBeenProcessed
}

var (
	errTokenType = errors.New("token_type is not bearer")
	// errorCode is the RFC 6749 §5.2 "error" charset; anything else is not
	// echoed, so a server cannot smuggle a secret into our messages.
	errorCode errorCharset // ^[\x20-\x21\x23-\x5B\x5D-\x7E]{1,64}$
)

// errorCharset is RFC 6749's charset of an "error" value, 1 to 64 of them: printable ASCII
// but '"' and '\\' (a loop, not a regular expression compiled at every cold start).
type errorCharset struct{}

func (errorCharset) MatchString(s string) bool {
	if len(s) < 1 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// toError converts an x/oauth2 or transport error. connected reports whether
// a connection to the token endpoint was established (attempt.connected).
func toError(grant string, err error, connected bool) error {
	if err == nil {
		return nil
	}
	e := &Error{Grant: grant}
	var re *oauth2.RetrieveError
	switch {
	case errors.As(err, &re):
		// Never keep re as the cause: its Error() prints the response body.
		if re.Response != nil {
			e.StatusCode = re.Response.StatusCode
		}
		if errorCode.MatchString(re.ErrorCode) {
			e.Code = re.ErrorCode
		}
		e.Description = re.ErrorDescription
		e.Transient = e.StatusCode >= 500 || e.StatusCode == 429
	case errors.Is(err, errTokenType):
		// The endpoint answered 200 with a token: it was processed.
		e.Cause = err
		e.MayHaveBeenProcessed = true
	default:
		e.Cause = err
		e.Transient = neterr.Transient(err)
		// Without a connection the request never left (a dial or TLS
		// handshake failure, a wait cancelled before the request).
		e.MayHaveBeenProcessed = connected && !neterr.Dial(err)
	}
	return e
}
