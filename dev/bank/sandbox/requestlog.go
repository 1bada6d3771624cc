package sandbox

import (
	"bytes"
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// RequestLog is one request the API or pages server answered. Secrets never appear:
// the Authorization value is redacted and only the names of form fields are kept
// (plus the values of grant_type, scope and redirect_uri).
type RequestLog struct {
	Server                string // "api" or "pages"
	Time                  time.Time
	Method, Path          string
	Query                 string // raw query
	Headers               http.Header
	BasicAuth             bool   // Authorization: Basic was sent
	BearerAuth            bool   // Authorization: Bearer was sent
	ClientID              string // user part of Basic auth
	FormFields            []string
	GrantType             string
	Scope                 string
	RedirectURI           string
	InteractionID         string // x-fapi-interaction-id as sent (or generated)
	IdempotencyKey        string
	ClientCertFingerprint string // SHA-256 of the client certificate, hex
	Status                int
}

// Requests returns a copy of the request log, oldest first.
func (b *Bank) Requests() []RequestLog {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]RequestLog, len(b.requests))
	for i, e := range b.requests {
		out[i] = *e
		out[i].Headers = e.Headers.Clone()
		out[i].FormFields = slices.Clone(e.FormFields)
	}
	return out
}

// ResetRequests empties the request log.
func (b *Bank) ResetRequests() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.requests = nil
}

// newRequestLog records what is safe to keep from r; it restores a form body it reads.
func newRequestLog(server string, r *http.Request, now time.Time) RequestLog {
	e := RequestLog{
		Server: server, Time: now, Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
		Headers:        r.Header.Clone(),
		InteractionID:  r.Header.Get("x-fapi-interaction-id"),
		IdempotencyKey: r.Header.Get("x-idempotency-key"),
	}
	if r.TLS != nil && len(r.TLS.PeerCertificates) > 0 {
		e.ClientCertFingerprint = certFingerprint(r.TLS.PeerCertificates[0].Raw)
	}
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, rest, _ := strings.Cut(auth, " ")
		switch strings.ToLower(scheme) {
		case "basic":
			e.BasicAuth = true
			if raw, err := base64.StdEncoding.DecodeString(rest); err == nil {
				user, _, _ := strings.Cut(string(raw), ":")
				e.ClientID, _ = url.QueryUnescape(user)
			}
		case "bearer":
			e.BearerAuth = true
		}
		e.Headers.Set("Authorization", scheme+" [redacted]")
	}
	if c := e.Headers.Get("Cookie"); c != "" {
		e.Headers.Set("Cookie", "[redacted]")
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") && r.Body != nil {
		raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		r.Body = io.NopCloser(bytes.NewReader(raw))
		if form, err := url.ParseQuery(string(raw)); err == nil {
			for k := range form {
				e.FormFields = append(e.FormFields, k)
			}
			slices.Sort(e.FormFields)
			e.GrantType, e.Scope, e.RedirectURI = form.Get("grant_type"), form.Get("scope"), form.Get("redirect_uri")
		}
	}
	return e
}

// record appends e before the request is handled (a test reading the log after the
// response sees it); setStatus fills in the status once known.
func (b *Bank) record(e *RequestLog) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.requests = append(b.requests, e)
}

func (b *Bank) setStatus(e *RequestLog, status int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	e.Status = status
}
