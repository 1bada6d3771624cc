package bankapi

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// parseError builds an *Error from a non-2xx response, leniently: any field
// of OBErrorResponse1 that is missing or of the wrong type is left empty.
func parseError(resp *http.Response, body []byte, interactionID string, now time.Time) *Error {
	e := &Error{
		Status:        resp.StatusCode,
		InteractionID: interactionID,
		RetryAfter:    retryAfter(resp.Header.Get("Retry-After"), now),
		BodyKind:      bodyKind(resp.Header.Get("Content-Type"), body),
	}
	if e.BodyKind != BodyJSON {
		return e
	}
	var top struct {
		Code, Message, Errors json.RawMessage
	}
	_ = json.Unmarshal(body, &top)
	_ = json.Unmarshal(top.Code, &e.Code)
	_ = json.Unmarshal(top.Message, &e.Message)
	var items []json.RawMessage
	_ = json.Unmarshal(top.Errors, &items)
	for _, it := range items {
		var d struct{ ErrorCode, Message, Path, Url json.RawMessage }
		if json.Unmarshal(it, &d) != nil {
			continue
		}
		var det ErrorDetail
		_ = json.Unmarshal(d.ErrorCode, &det.ErrorCode)
		_ = json.Unmarshal(d.Message, &det.Message)
		_ = json.Unmarshal(d.Path, &det.Path)
		_ = json.Unmarshal(d.Url, &det.URL)
		e.Errors = append(e.Errors, det)
	}
	e.ErrorType = findType(body)
	return e
}

func bodyKind(contentType string, body []byte) BodyKind {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return BodyEmpty
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	if (trimmed[0] == '{' || trimmed[0] == '[') && json.Valid(trimmed) {
		return BodyJSON
	}
	if mt == "text/html" || mt == "application/xhtml+xml" || trimmed[0] == '<' {
		return BodyHTML
	}
	return BodyOther
}

// errorTypes are the bank's Error Types (General specifications, "Error
// scenarios").
var errorTypes = []string{TypeAccountPermanentlyUnavailable, TypeAccountTemporarilyUnavailable,
	TypeReConsent, TypeReauthenticate}

// typeFields are the fields, at the top level of the body and in each
// Errors[] item, whose whole value may be the bank's Error Type. The bank's
// page names the type without saying where it goes: the sandbox puts it as
// Errors[].Message (and the top-level Message), others may use ErrorCode,
// Code or a field of its own. Keys are compared by normalizeKey.
var typeFields = map[string]bool{"code": true, "errorcode": true, "message": true, "errortype": true, "type": true}

// findType returns the bank's Error Type when a typeFields value of the body
// or of one of its Errors[] items is exactly (ignoring case and surrounding
// space) one of errorTypes. Free text that merely mentions a type word ("is
// temporarily unavailable"), a URL, a path or a key name never counts: a
// field error must not pass for a barred account, nor a documentation link
// for a revoked consent. The top level is read before the items.
func findType(body []byte) string {
	var top map[string]json.RawMessage
	if json.Unmarshal(body, &top) != nil {
		return ""
	}
	if t := typeIn(top); t != "" {
		return t
	}
	for k, raw := range top {
		if normalizeKey(k) != "errors" {
			continue
		}
		var items []map[string]json.RawMessage
		_ = json.Unmarshal(raw, &items)
		for _, it := range items {
			if t := typeIn(it); t != "" {
				return t
			}
		}
	}
	return ""
}

// typeIn is findType for one JSON object's own fields, most specific type
// first so that a body naming two types reads the same every time.
func typeIn(obj map[string]json.RawMessage) string {
	var values []string
	for k, raw := range obj {
		var v string
		if typeFields[normalizeKey(k)] && json.Unmarshal(raw, &v) == nil {
			values = append(values, strings.TrimSpace(v))
		}
	}
	for _, typ := range errorTypes {
		for _, v := range values {
			if strings.EqualFold(v, typ) {
				return typ
			}
		}
	}
	return ""
}

// normalizeKey lower-cases k and drops spaces, '_' and '-', so that
// ErrorType, errorType, error_type and "Error Type" are one key.
func normalizeKey(k string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '-':
			return -1
		}
		return unicode.ToLower(r)
	}, k)
}

// retryAfter parses Retry-After (RFC 9110 §10.2.3): delay-seconds or an
// HTTP-date. Invalid or past values give 0.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 || n > 1<<31 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
