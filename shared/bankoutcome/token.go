package bankoutcome

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oauth"
)

// TokenFailure maps a token-endpoint failure (an on-demand refresh, or the
// client-credentials token of a payment read) that Judge has not mapped
// already: invalid_grant is reauthenticate and a transient failure
// retryLater, before this is reached.
//
//   - a refusal (an HTTP error status, or an RFC 6749 §5.2 error code on any
//     status): 502 bank-error. The consent is left alone (the grant is not
//     known to be dead), and the refusal is logged at ERROR as a
//     configuration fault: invalid_client, unauthorized_client or a 403 at
//     the endpoint point at the connector's registration or certificate,
//     not at the customer.
//   - an answer that may have been processed (a 2xx without a usable token:
//     HTML, empty, unparsable; or a connection lost once the request was
//     sent): 503 retry-later, never a re-authentication. The refresher
//     keeps the stored tokens.
//   - anything else (no HTTP answer and nothing sent, such as a request the
//     connector could not build): Internal, the connector's own fault.
func TokenFailure(oe *oauth.Error) Outcome {
	switch {
	case oe.Code != "" || oe.StatusCode >= 300:
		return Outcome{
			Problem: httpapi.Problem{Type: httpapi.TypeBankError, Title: "Bank error", Status: http.StatusBadGateway,
				Detail: "The bank's token endpoint refused the connector's request; the consent is unchanged."},
			Log: Log{Level: slog.LevelError, Msg: "token endpoint refused the connector: check the client registration and certificate",
				Attrs: []any{"grant", oe.Grant, "status", oe.StatusCode, "code", oe.Code}}}
	case oe.MayHaveBeenProcessed:
		return Outcome{RetryAfter: time.Second,
			Problem: retryProblem(http.StatusServiceUnavailable, "",
				"The bank's token endpoint gave no usable answer (the request may have been processed): retry after the Retry-After delay."),
			Log: Log{Level: slog.LevelWarn, Msg: "token endpoint answer unusable; tokens kept",
				Attrs: []any{"grant", oe.Grant, "status", oe.StatusCode}}}
	}
	return Outcome{Internal: oe}
}
