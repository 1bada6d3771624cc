// Package httpapi holds the connector's API Gateway (HTTP API, payload v2)
// edge helpers: problem+json error responses (RFC 9457), JSON, HTML and
// redirect responses with no-store caching, strict JSON request decoding,
// and the caller's identity from the JWT authorizer.
//
// Errors are classified into a Problem once, at the edge; a client never
// sees a Go error's text.
package httpapi
