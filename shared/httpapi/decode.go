package httpapi

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// DecodeJSON decodes the request body, strictly, into dst (a pointer) and
// returns nil, or the problem to answer:
//
//   - a base64-encoded body (IsBase64Encoded) is decoded first;
//   - a body larger than maxBytes (after base64 decoding) is 413 Content
//     Too Large: the request is well-formed but refused for its size, and
//     413 tells the app so (RFC 9110 §15.5.14) instead of blaming its JSON;
//   - an empty body, or JSON null, is 400: every body the API takes is an object;
//   - malformed JSON, an unknown field, a value of the wrong type (named by
//     its dotted path, e.g. "payment.amount"), or data after the JSON value
//     are 400 invalid-request problems naming the field where there is one.
//
// Field names match case-insensitively (encoding/json's rule).
func DecodeJSON(req events.APIGatewayV2HTTPRequest, dst any, maxBytes int) *Problem {
	body := []byte(req.Body)
	if req.IsBase64Encoded {
		if base64.StdEncoding.DecodedLen(len(body)) > maxBytes+2 {
			return tooLarge(maxBytes)
		}
		b, err := base64.StdEncoding.DecodeString(req.Body)
		if err != nil {
			p := InvalidRequest("The request body is not valid base64.")
			return &p
		}
		body = b
	}
	if len(body) > maxBytes {
		return tooLarge(maxBytes)
	}
	if t := bytes.TrimSpace(body); len(t) == 0 || string(t) == "null" {
		p := InvalidRequest("A JSON request body is required.")
		return &p
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeProblem(err)
	}
	if err := dec.Decode(&json.RawMessage{}); err != io.EOF {
		p := InvalidRequest("The request body has data after the JSON value.")
		return &p
	}
	return nil
}

func tooLarge(maxBytes int) *Problem {
	return &Problem{Type: TypeInvalidRequest, Title: "Request too large", Status: http.StatusRequestEntityTooLarge,
		Detail: fmt.Sprintf("The request body exceeds %d bytes.", maxBytes)}
}

// decodeProblem turns a json.Decoder error into a problem. The texts are
// written here, never copied from err, except the field name that the
// caller itself sent.
func decodeProblem(err error) *Problem {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var p Problem
	switch {
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			p = InvalidRequest(fmt.Sprintf("The request body must be %s.", withArticle("JSON "+jsonKind(typ.Type))))
			break
		}
		p = InvalidRequest("A field has the wrong type.",
			FieldError{Field: field, Message: "must be " + withArticle(jsonKind(typ.Type))})
	case errors.As(err, &syn), errors.Is(err, io.ErrUnexpectedEOF):
		p = InvalidRequest("The request body is not valid JSON.")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.TrimPrefix(err.Error(), "json: unknown field ")
		name = strings.Trim(name, `"`)
		p = InvalidRequest("The request body has an unknown field.", FieldError{Field: name, Message: "unknown field"})
	default: // json.InvalidUnmarshalError (a handler bug) and the like
		p = Problem{Type: TypeInternal, Title: "Internal error", Status: http.StatusInternalServerError}
	}
	return &p
}

// jsonKind names the JSON type expected for a Go type.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	default:
		return "value"
	}
}

func withArticle(noun string) string {
	if strings.IndexByte("aeiou", noun[0]) >= 0 {
		return "an " + noun
	}
	return "a " + noun
}
