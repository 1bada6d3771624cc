package main

import (
	"net/url"
	"strings"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/psu"
)

// call is the state of one proxied request.
type call struct {
	req           events.APIGatewayV2HTTPRequest
	owner         string // the caller's JWT sub
	consentID     string
	interactionID string // x-fapi-interaction-id sent to the bank and returned to the app
	bankCalls     int    // bank requests made (for the log)
	action        string // the problem action answered, if any (for the log)
	psu           psu.Present
	// used is the tokens of the last bank call made with the consent's
	// tokens: a failure changes the consent's status only while they are
	// still the stored ones (record).
	used *consent.Tokens
	// read is the tokens loadRead read with the consent (nil: none stored, or
	// not read): the first ones the call considers (refresh.Refresher.ValidFrom).
	read *consent.Tokens
}

// header returns a request header; API Gateway lower-cases names, but a test
// or another front end may not.
func (r *call) header(name string) (string, bool) {
	if v, ok := r.req.Headers[name]; ok {
		return v, true
	}
	for k, v := range r.req.Headers {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return "", false
}

// query returns the request's query parameters, keeping repeats (the raw
// query string when the gateway gives one).
func (r *call) query() (url.Values, error) {
	if r.req.RawQueryString != "" {
		return url.ParseQuery(r.req.RawQueryString)
	}
	q := url.Values{}
	for k, v := range r.req.QueryStringParameters {
		q[k] = strings.Split(v, ",")
	}
	return q, nil
}
