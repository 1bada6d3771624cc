// Package apicheck holds the connector's API to its contract, docs/openapi.yaml: a Checker
// judges one exchange (request and response) against the document, and a Transport wraps an
// http.RoundTripper so that every exchange a test makes through it is judged and every finding
// kept for the test to report. dev/e2e sends all its traffic through one.
//
// A finding is anything the document does not say: a route or status it does not list, a
// request or response body that breaks its schema (the connector's own bodies allow no member
// the document does not name), a problem type not listed for the status, a response header
// the connector set that the document does not name, a query parameter the operation does not
// declare. The validator is github.com/getkin/kin-openapi, which reads OpenAPI 3.1 (JSON
// Schema 2020-12) documents.
package apicheck
