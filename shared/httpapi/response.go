package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/awserr"
)

// JSON renders v as application/json with status, never cached (responses
// carry consent state). Extra header maps are merged in order. A v that
// cannot be marshalled is a programming error: it answers a 500 problem.
func JSON(status int, v any, headers ...map[string]string) events.APIGatewayV2HTTPResponse {
	body, err := json.Marshal(v)
	if err != nil {
		return ProblemResponse(Problem{Type: TypeInternal, Title: "Internal error", Status: http.StatusInternalServerError})
	}
	h := map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store"}
	for _, m := range headers {
		for k, v := range m {
			h[k] = v
		}
	}
	return events.APIGatewayV2HTTPResponse{StatusCode: status, Headers: h, Body: string(body)}
}

// HTML renders a small page (the callback's error page), never cached, with
// a Content-Security-Policy that allows no scripts, no external resources
// and no framing. body must already be escaped (html/template).
func HTML(status int, body string) events.APIGatewayV2HTTPResponse {
	return events.APIGatewayV2HTTPResponse{StatusCode: status, Body: body, Headers: map[string]string{
		"Content-Type":            "text/html; charset=utf-8",
		"Cache-Control":           "no-store",
		"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	}}
}

// Redirect answers 302 to location. Nothing caches it (it ends a one-time
// authorization journey), and no-referrer keeps the callback URL, with its
// code and state, out of the next site's Referer header.
func Redirect(location string) events.APIGatewayV2HTTPResponse {
	return events.APIGatewayV2HTTPResponse{StatusCode: http.StatusFound, Headers: map[string]string{
		"Location":        location,
		"Cache-Control":   "no-store",
		"Pragma":          "no-cache",
		"Referrer-Policy": "no-referrer",
	}}
}

// Internal answers an error the handler did not expect. A store or secret call that failed in
// a way a retry can cure (awserr.Transient: throttling, a 5xx or a timeout that outlasted the
// SDK's own retries) is a 503 retry-later problem with Retry-After, logged as a warning: the
// app should try again, and nothing was half-written (every write is one conditional item or
// one transaction). Anything else is logged (ErrorContext, key "err") and answers a 500 problem
// that says nothing about it: error texts can hold bank responses, ids or infrastructure
// details. A nil logger logs to slog.Default().
func Internal(ctx context.Context, logger *slog.Logger, err error) events.APIGatewayV2HTTPResponse {
	if logger == nil {
		logger = slog.Default()
	}
	if awserr.Transient(err) {
		logger.WarnContext(ctx, "store unavailable", "err", err)
		return StoreUnavailable()
	}
	logger.ErrorContext(ctx, "internal error", "err", err)
	return ProblemResponse(Problem{Type: TypeInternal, Title: "Internal error", Status: http.StatusInternalServerError,
		Detail: "The connector could not process the request. Try again later."})
}

// StoreRetryAfter is the Retry-After of a StoreUnavailable answer.
const StoreRetryAfter = time.Second

// StoreUnavailable is the 503 retry-later answer to a transient store failure, with Retry-After.
func StoreUnavailable() events.APIGatewayV2HTTPResponse {
	resp := ProblemResponse(Problem{Type: TypeRetryLater, Title: "Try again later", Status: http.StatusServiceUnavailable,
		Action: ActionRetryLater, Detail: "The connector's store is busy or unavailable: retry after the Retry-After delay."})
	resp.Headers["Retry-After"] = strconv.Itoa(int(StoreRetryAfter / time.Second))
	return resp
}
