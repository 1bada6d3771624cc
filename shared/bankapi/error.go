package bankapi

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/coop-ob/connector/shared/internal/neterr"

	"github.com/coop-ob/connector/shared/ascii"
)

// BodyKind is what a non-2xx response body turned out to be.
type BodyKind string

// Body kinds.
const (
	BodyJSON  BodyKind = "json"
	BodyHTML  BodyKind = "html"
	BodyEmpty BodyKind = "empty"
	BodyOther BodyKind = "other"
)

// ErrorDetail is one OBError1 of OBErrorResponse1.Errors.
type ErrorDetail struct {
	ErrorCode string `json:"ErrorCode"`
	Message   string `json:"Message"`
	Path      string `json:"Path,omitempty"`
	URL       string `json:"Url,omitempty"`
}

// Error is a non-2xx answer of the bank. Fields come from OBErrorResponse1
// (docs/bank-rules.md §Error body) when the body is one; HTML, empty and other bodies are
// kept as BodyKind only. Error() never includes a body, a message or a token:
// log InteractionID, Status, Code and ErrorCodes instead.
type Error struct {
	Status        int
	Code          string // OBErrorResponse1.Code, e.g. "400 BadRequest"
	Message       string // OBErrorResponse1.Message (the bank's words; may hold PII)
	Errors        []ErrorDetail
	InteractionID string // the bank's x-fapi-interaction-id, or the one sent
	RetryAfter    time.Duration
	BodyKind      BodyKind
	// ErrorType is the bank's "Error Type" (General specifications, "Error
	// scenarios": Reauthenticate, ReConsent, AccountPermanentlyUnavailable,
	// AccountTemporarilyUnavailable) when a field of the JSON body (Code, ErrorCode, Message,
	// ErrorType or Type, top level or in Errors[]) is exactly that word; never free text or URLs.
	ErrorType string
}

// Error types of the bank's error table.
const (
	TypeReauthenticate                = "Reauthenticate"
	TypeReConsent                     = "ReConsent"
	TypeAccountPermanentlyUnavailable = "AccountPermanentlyUnavailable"
	TypeAccountTemporarilyUnavailable = "AccountTemporarilyUnavailable"
)

// Error codes (OBErrorResponseError1Code) the connector acts on.
const (
	CodeReauthenticate       = "UK.OBIE.Reauthenticate"
	CodeInvalidConsentStatus = "UK.OBIE.Resource.InvalidConsentStatus"
	CodeNotFound             = "UK.OBIE.Resource.NotFound"
	CodeUnexpectedError      = "UK.OBIE.UnexpectedError"
)

// safeCode is what an error code looks like; other strings are not echoed
// by Error(), so a body cannot smuggle data into logs through it.
var safeCode = ascii.Rule{Min: 1, Max: 64, Extra: " ._-"} // ^[A-Za-z0-9 ._-]{1,64}$

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "bankapi: HTTP %d", e.Status)
	if safeCode.MatchString(e.Code) {
		b.WriteString(" " + e.Code)
	}
	if codes := e.ErrorCodes(); len(codes) > 0 {
		b.WriteString(" [" + strings.Join(codes, ", ") + "]")
	}
	if e.ErrorType != "" {
		b.WriteString(" " + e.ErrorType)
	}
	if e.BodyKind != BodyJSON {
		b.WriteString(" (" + string(e.BodyKind) + " body)")
	}
	if safeCode.MatchString(e.InteractionID) {
		b.WriteString(" interaction " + e.InteractionID)
	}
	return b.String()
}

// Reason is a short, safe account of the refusal, for a consent's lastError: the bank's first
// error code, else its namespaced top-level code or error type, else the HTTP status. It never
// carries the bank's free text.
func (e *Error) Reason() string {
	if codes := e.ErrorCodes(); len(codes) > 0 {
		return codes[0]
	}
	if safeCode.MatchString(e.Code) && strings.HasPrefix(e.Code, "UK.") {
		return e.Code
	}
	if e.ErrorType != "" {
		return e.ErrorType
	}
	return fmt.Sprintf("HTTP %d", e.Status)
}

// ErrorCodes returns the Errors[].ErrorCode values that look like codes.
func (e *Error) ErrorCodes() []string {
	var out []string
	for _, d := range e.Errors {
		if safeCode.MatchString(d.ErrorCode) {
			out = append(out, d.ErrorCode)
		}
	}
	return out
}

// HasCode reports whether code is the top-level Code or any ErrorCode
// (case-insensitive).
func (e *Error) HasCode(code string) bool {
	if strings.EqualFold(e.Code, code) {
		return true
	}
	for _, d := range e.Errors {
		if strings.EqualFold(d.ErrorCode, code) {
			return true
		}
	}
	return false
}

// TransportError is a call that got no complete HTTP answer: a failed dial,
// TLS handshake, timeout, reset or a connection dropped mid-response. For a
// POST the bank MAY have processed the request (MayHaveBeenProcessed):
// retry a payment only with the same idempotency key and body, or read the
// resource back.
type TransportError struct {
	Method               string
	InteractionID        string
	Transient            bool // timeouts, resets, EOF, dropped connections
	MayHaveBeenProcessed bool // not a GET, and the request may have reached the bank
	Cause                error
}

func (e *TransportError) Error() string {
	s := fmt.Sprintf("bankapi: %s transport error", e.Method)
	if e.Transient {
		s += " (transient)"
	}
	if e.MayHaveBeenProcessed {
		s += " (request may have been processed)"
	}
	return s + " interaction " + e.InteractionID + ": " + e.Cause.Error()
}

// Unwrap returns the cause.
func (e *TransportError) Unwrap() error { return e.Cause }

func newTransportError(method, iid string, err error) *TransportError {
	safe := method == "" || method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions
	return &TransportError{
		Method: method, InteractionID: iid, Cause: err,
		Transient:            neterr.Transient(err),
		MayHaveBeenProcessed: !safe && !neterr.Dial(err),
	}
}
