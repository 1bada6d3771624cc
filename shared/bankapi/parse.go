package bankapi

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
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
	var all any
	if json.Unmarshal(body, &all) == nil {
		e.ErrorType = findType(all)
	}
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

// typeWords maps a lower-case word found in a body to the bank's Error
// Type. Order matters: the account words are more specific than the others.
var typeWords = []struct{ word, typ string }{
	{"permanently", TypeAccountPermanentlyUnavailable},
	{"temporarily", TypeAccountTemporarilyUnavailable},
	{"reconsent", TypeReConsent},
	{"reauthenticate", TypeReauthenticate},
}

// findType looks for the bank's Error Type in every key and string of a
// decoded JSON body: the bank's table names it, but not where it puts it.
func findType(v any) string {
	var texts []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			texts = append(texts, strings.ToLower(x))
		case []any:
			for _, y := range x {
				walk(y)
			}
		case map[string]any:
			for k, y := range x {
				texts = append(texts, strings.ToLower(k))
				walk(y)
			}
		}
	}
	walk(v)
	for _, tw := range typeWords {
		for _, t := range texts {
			if strings.Contains(t, tw.word) {
				return tw.typ
			}
		}
	}
	return ""
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
