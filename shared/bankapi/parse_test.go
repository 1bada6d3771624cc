package bankapi

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		header http.Header
		body   string
		want   Error
	}{
		{"OB JSON", 400, http.Header{"Content-Type": {"application/json"}, "X-Fapi-Interaction-Id": {"bank-id"}},
			`{"Code":"400 BadRequest","Id":"c1","Message":"bad","Errors":[{"ErrorCode":"UK.OBIE.Field.Missing","Message":"missing","Path":"Data.Initiation.InstructedAmount","Url":"https://x"}]}`,
			Error{Status: 400, Code: "400 BadRequest", Message: "bad", InteractionID: "bank-id", BodyKind: BodyJSON,
				Errors: []ErrorDetail{{ErrorCode: "UK.OBIE.Field.Missing", Message: "missing", Path: "Data.Initiation.InstructedAmount", URL: "https://x"}}}},
		{"bank error type in message", 400, http.Header{"Content-Type": {"application/json"}},
			`{"Code":"400","Message":"m","Errors":[{"ErrorCode":"UK.OBIE.Resource.NotFound","Message":"AccountPermanentlyUnavailable"}]}`,
			Error{Status: 400, Code: "400", Message: "m", InteractionID: "sent-id", BodyKind: BodyJSON, ErrorType: TypeAccountPermanentlyUnavailable,
				Errors: []ErrorDetail{{ErrorCode: "UK.OBIE.Resource.NotFound", Message: "AccountPermanentlyUnavailable"}}}},
		{"bank error type in own field", 403, http.Header{"Content-Type": {"application/json"}},
			`{"Code":"403","ErrorType":"Reauthenticate"}`,
			Error{Status: 403, Code: "403", InteractionID: "sent-id", BodyKind: BodyJSON, ErrorType: TypeReauthenticate}},
		{"sandbox closed account", 400, http.Header{"Content-Type": {"application/json"}},
			`{"Code":"400 Bad Request","Id":"i","Message":"AccountPermanentlyUnavailable","Errors":[{"ErrorCode":"UK.OBIE.Resource.NotFound","Message":"AccountPermanentlyUnavailable"}]}`,
			Error{Status: 400, Code: "400 Bad Request", Message: "AccountPermanentlyUnavailable", InteractionID: "sent-id", BodyKind: BodyJSON,
				ErrorType: TypeAccountPermanentlyUnavailable,
				Errors:    []ErrorDetail{{ErrorCode: "UK.OBIE.Resource.NotFound", Message: "AccountPermanentlyUnavailable"}}}},
		{"type in an item's own field, any case and spacing", 400, http.Header{"Content-Type": {"application/json"}},
			`{"Code":"400","Errors":[{"ErrorCode":"UK.OBIE.Resource.NotFound","error_type":" accounttemporarilyunavailable "}]}`,
			Error{Status: 400, Code: "400", InteractionID: "sent-id", BodyKind: BodyJSON, ErrorType: TypeAccountTemporarilyUnavailable,
				Errors: []ErrorDetail{{ErrorCode: "UK.OBIE.Resource.NotFound"}}}},
		{"type word inside a field error's message", 400, http.Header{"Content-Type": {"application/json"}},
			`{"Code":"400","Message":"Payments are temporarily refused","Errors":[{"ErrorCode":"UK.OBIE.Field.Invalid","Message":"Amount temporarily over the limit","Path":"Data.Initiation.InstructedAmount"}]}`,
			Error{Status: 400, Code: "400", Message: "Payments are temporarily refused", InteractionID: "sent-id", BodyKind: BodyJSON,
				Errors: []ErrorDetail{{ErrorCode: "UK.OBIE.Field.Invalid", Message: "Amount temporarily over the limit", Path: "Data.Initiation.InstructedAmount"}}}},
		{"type word in a documentation URL", 403, http.Header{"Content-Type": {"application/json"}},
			`{"Code":"403","Message":"Forbidden","Errors":[{"ErrorCode":"UK.COOP.Forbidden","Message":"Forbidden","Url":"https://developer.example/errors/reauthenticate"}]}`,
			Error{Status: 403, Code: "403", Message: "Forbidden", InteractionID: "sent-id", BodyKind: BodyJSON,
				Errors: []ErrorDetail{{ErrorCode: "UK.COOP.Forbidden", Message: "Forbidden", URL: "https://developer.example/errors/reauthenticate"}}}},
		{"type word as a key, a path or an unknown field", 400, http.Header{"Content-Type": {"application/json"}},
			`{"Code":"400","ReconsentHint":"x","Detail":"ReConsent","Errors":[{"ErrorCode":"UK.OBIE.Field.Invalid","Message":"bad","Path":"Reauthenticate"}]}`,
			Error{Status: 400, Code: "400", InteractionID: "sent-id", BodyKind: BodyJSON,
				Errors: []ErrorDetail{{ErrorCode: "UK.OBIE.Field.Invalid", Message: "bad", Path: "Reauthenticate"}}}},
		{"wrong types tolerated", 400, http.Header{"Content-Type": {"application/json"}},
			`{"Code":400,"Message":["x"],"Errors":[7,{"ErrorCode":"UK.OBIE.Field.Invalid","Path":3}]}`,
			Error{Status: 400, InteractionID: "sent-id", BodyKind: BodyJSON, Errors: []ErrorDetail{{ErrorCode: "UK.OBIE.Field.Invalid"}}}},
		{"HTML 503", 503, http.Header{"Content-Type": {"text/html; charset=utf-8"}}, "<html><body>Service Unavailable</body></html>",
			Error{Status: 503, InteractionID: "sent-id", BodyKind: BodyHTML}},
		{"HTML without content type", 502, nil, "  <!DOCTYPE html><p>x</p>",
			Error{Status: 502, InteractionID: "sent-id", BodyKind: BodyHTML}},
		{"empty 401", 401, nil, "", Error{Status: 401, InteractionID: "sent-id", BodyKind: BodyEmpty}},
		{"whitespace", 500, http.Header{"Content-Type": {"application/json"}}, " \n", Error{Status: 500, InteractionID: "sent-id", BodyKind: BodyEmpty}},
		{"garbage", 500, http.Header{"Content-Type": {"application/json"}}, `{"Code":`, Error{Status: 500, InteractionID: "sent-id", BodyKind: BodyOther}},
		{"plain text", 429, http.Header{"Retry-After": {"7"}}, "slow down", Error{Status: 429, InteractionID: "sent-id", BodyKind: BodyOther, RetryAfter: 7 * time.Second}},
		{"Retry-After date", 503, http.Header{"Retry-After": {testNow.Add(90 * time.Second).Format(http.TimeFormat)}}, "",
			Error{Status: 503, InteractionID: "sent-id", BodyKind: BodyEmpty, RetryAfter: 90 * time.Second}},
		{"Retry-After past date", 503, http.Header{"Retry-After": {testNow.Add(-time.Hour).Format(http.TimeFormat)}}, "",
			Error{Status: 503, InteractionID: "sent-id", BodyKind: BodyEmpty}},
		{"Retry-After junk", 429, http.Header{"Retry-After": {"soon"}}, "", Error{Status: 429, InteractionID: "sent-id", BodyKind: BodyEmpty}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := tc.header
			if h == nil {
				h = http.Header{}
			}
			iid := h.Get(HeaderInteractionID)
			if iid == "" {
				iid = "sent-id"
			}
			got := parseError(&http.Response{StatusCode: tc.status, Header: h}, []byte(tc.body), iid, testNow)
			if diff := cmp.Diff(&tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorStringHasNoBody(t *testing.T) {
	t.Parallel()
	e := parseError(&http.Response{StatusCode: 400, Header: http.Header{}},
		[]byte(`{"Code":"Mr Smith <script>","Message":"Alice 12345678","Errors":[{"ErrorCode":"has a secret: abc=def","Message":"PII"}]}`), "iid-1", testNow)
	s := e.Error()
	for _, bad := range []string{"Smith", "Alice", "PII", "secret"} {
		if strings.Contains(s, bad) {
			t.Errorf("Error() %q contains %q", s, bad)
		}
	}
	if !strings.Contains(s, "HTTP 400") || !strings.Contains(s, "iid-1") {
		t.Errorf("Error() %q lacks status or interaction id", s)
	}
}

// TestReason: what a consent records as lastError is a code or a status, never the bank's text.
func TestReason(t *testing.T) {
	t.Parallel()
	tests := []struct {
		e    *Error
		want string
	}{
		{&Error{Status: 403, Code: "403 Forbidden", Errors: []ErrorDetail{{ErrorCode: "UK.OBIE.Reauthenticate", Message: "Mr Smith's token"}}}, "UK.OBIE.Reauthenticate"},
		{&Error{Status: 400, Code: "UK.OBIE.Resource.NotFound", Message: "account 12345678 of Mr Smith"}, "UK.OBIE.Resource.NotFound"},
		{&Error{Status: 400, Code: "400 Bad Request for Mr Smith", ErrorType: TypeAccountTemporarilyUnavailable}, TypeAccountTemporarilyUnavailable},
		{&Error{Status: 401, BodyKind: BodyEmpty}, "HTTP 401"},
		{&Error{Status: 500, Code: "<html>Mr Smith</html>", BodyKind: BodyHTML}, "HTTP 500"},
	}
	for _, tt := range tests {
		if got := tt.e.Reason(); got != tt.want {
			t.Errorf("Reason() = %q, want %q", got, tt.want)
		}
	}
}
