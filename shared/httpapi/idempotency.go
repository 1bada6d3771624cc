package httpapi

import (
	"strings"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/ascii"
)

// HeaderIdempotencyKey is the app's Idempotency-Key header: optional on POST /consents.
const HeaderIdempotencyKey = "Idempotency-Key"

// idempotencyKeyRe is the same rule as the payment route's key: 1-64
// letters, digits and . _ : - (a UUID fits). The key never reaches the bank
// (the connector's records are keyed by a hash of it), so OB's 40-character
// limit on x-idempotency-key does not bind it.
var idempotencyKeyRe = ascii.Rule{Min: 1, Max: 64, Extra: "._:-"} // ^[A-Za-z0-9._:-]{1,64}$

// IdempotencyKey returns the request's Idempotency-Key ("" when absent) or
// the field error of a malformed one.
func IdempotencyKey(req events.APIGatewayV2HTTPRequest) (string, *FieldError) {
	for k, v := range req.Headers {
		if !strings.EqualFold(k, HeaderIdempotencyKey) {
			continue
		}
		if !idempotencyKeyRe.MatchString(v) {
			return "", &FieldError{Field: HeaderIdempotencyKey,
				Message: "must be 1-64 letters, digits or . _ : - (a UUID fits), sent once"}
		}
		return v, nil
	}
	return "", nil
}
