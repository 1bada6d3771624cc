package bankapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"testing"
)

func obErr(status int, code, errCode, msg string) *Error {
	return parseError(&http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json"}}},
		fmt.Appendf(nil, `{"Code":%q,"Message":"m","Errors":[{"ErrorCode":%q,"Message":%q}]}`, code, errCode, msg), "iid", testNow)
}

func rawErr(status int, contentType, body string) *Error {
	return parseError(&http.Response{StatusCode: status, Header: http.Header{"Content-Type": {contentType}}}, []byte(body), "iid", testNow)
}

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		want Action
	}{
		{"nil", nil, ActionNone},
		// The bank's error table (General specifications, "Error scenarios").
		{"token revoked, consent authorised", obErr(403, "403 Forbidden", "UK.OBIE.Reauthenticate", "Reauthenticate"), ActionReauthenticate},
		{"consent rejected by bank", obErr(400, "400 BadRequest", "UK.OBIE.Resource.InvalidConsentStatus", "ReConsent"), ActionReconsent},
		{"consent expired", obErr(400, "400 BadRequest", "UK.OBIE.Resource.InvalidConsentStatus", "consent expired"), ActionReconsent},
		{"account closed", obErr(400, "400 BadRequest", "UK.OBIE.Resource.NotFound", "AccountPermanentlyUnavailable"), ActionReconsent},
		{"account barred", obErr(400, "400 BadRequest", "UK.OBIE.Resource.NotFound", "AccountTemporarilyUnavailable"), ActionAccountUnavailable},
		{"closed, type in lower case", obErr(400, "400", "uk.obie.resource.notfound", "accountpermanentlyunavailable"), ActionReconsent},
		{"not found, type words only in free text", obErr(400, "400", "UK.OBIE.Resource.NotFound", "account permanently unavailable"), ActionNotFound},
		{"sandbox closed account", rawErr(400, "application/json",
			`{"Code":"400 Bad Request","Message":"AccountPermanentlyUnavailable","Errors":[{"ErrorCode":"UK.OBIE.Resource.NotFound","Message":"AccountPermanentlyUnavailable"}]}`), ActionReconsent},
		{"sandbox barred account", rawErr(400, "application/json",
			`{"Code":"400 Bad Request","Message":"AccountTemporarilyUnavailable","Errors":[{"ErrorCode":"UK.OBIE.Resource.NotFound","Message":"AccountTemporarilyUnavailable"}]}`), ActionAccountUnavailable},
		{"sandbox revoked access", rawErr(403, "application/json",
			`{"Code":"403 Forbidden","Message":"access revoked at the bank: re-authenticate the consent","Errors":[{"ErrorCode":"UK.OBIE.Reauthenticate","Message":"access revoked at the bank: re-authenticate the consent"}]}`), ActionReauthenticate},
		{"type in an ErrorType field", rawErr(400, "application/json",
			`{"Code":"400","Errors":[{"ErrorCode":"UK.OBIE.Resource.NotFound","ErrorType":"AccountTemporarilyUnavailable","Message":"x"}]}`), ActionAccountUnavailable},
		// Type words in free text or URLs are not the bank's Error Type.
		{"field error whose message says temporarily", obErr(400, "400 BadRequest", "UK.OBIE.Field.Invalid", "Amount is temporarily unavailable for this account"), ActionFixRequest},
		{"not found whose message says temporarily", obErr(400, "400", "UK.OBIE.Resource.NotFound", "Account temporarily unavailable, try later"), ActionNotFound},
		{"field error whose message says reconsent", obErr(400, "400", "UK.OBIE.Field.Invalid", "no need to reconsent"), ActionFixRequest},
		{"403 whose docs URL says reauthenticate", rawErr(403, "application/json",
			`{"Code":"403","Message":"m","Errors":[{"ErrorCode":"UK.OBIE.Field.Invalid","Message":"permission","Url":"https://docs.example/reauthenticate"}]}`), ActionFailure},
		{"403 whose message mentions reauthenticate", rawErr(403, "application/json",
			`{"Code":"403","Message":"You do not need to reauthenticate"}`), ActionFailure},
		{"type in top-level message", rawErr(400, "application/json", `{"Code":"UK.OBIE.Resource.NotFound","Message":"AccountTemporarilyUnavailable","Errors":[]}`), ActionAccountUnavailable},
		{"type as error code", obErr(400, "400", "AccountPermanentlyUnavailable", "x"), ActionReconsent},
		{"not found without type", obErr(400, "400", "UK.OBIE.Resource.NotFound", "no such account"), ActionNotFound},
		{"not found as top-level code", rawErr(400, "application/json", `{"Code":"UK.OBIE.Resource.NotFound","Message":"payment p-1 not found"}`), ActionNotFound},
		{"barred, type as error code", obErr(400, "400", "AccountTemporarilyUnavailable", "x"), ActionAccountUnavailable},
		{"reauthenticate only in message", rawErr(403, "application/json", `{"Code":"403","Message":"Reauthenticate"}`), ActionReauthenticate},
		// OB status codes.
		{"401 no body", rawErr(401, "", ""), ActionRefresh},
		{"403 wrong permission", obErr(403, "403", "UK.OBIE.Field.Invalid", "permission"), ActionFailure},
		{"400 field missing", obErr(400, "400", "UK.OBIE.Field.Missing", "Data.Initiation"), ActionFixRequest},
		{"400 signature invalid", obErr(400, "400", "UK.OBIE.Signature.Invalid", "sig"), ActionFixRequest},
		{"400 html", rawErr(400, "text/html", "<html>bad</html>"), ActionFailure},
		{"404 not implemented", rawErr(404, "", ""), ActionFailure},
		{"409 exists", obErr(409, "409", "UK.OBIE.Rules.ResourceAlreadyExists", "x"), ActionFailure},
		{"415", rawErr(415, "", ""), ActionFailure},
		{"429", rawErr(429, "", ""), ActionRetryLater},
		{"500 OB", obErr(500, "500", "UK.OBIE.UnexpectedError", "x"), ActionRetryLater},
		{"502 html", rawErr(502, "text/html", "<html>Bad Gateway</html>"), ActionRetryLater},
		{"503 empty", rawErr(503, "", ""), ActionRetryLater},
		{"504 garbage", rawErr(504, "application/json", "{{"), ActionRetryLater},
		{"transport transient", &TransportError{Transient: true, Cause: io.EOF}, ActionRetryLater},
		{"transport permanent", &TransportError{Cause: errors.New("x509: unknown authority")}, ActionFailure},
		{"wrapped", fmt.Errorf("accounts: %w", obErr(403, "403", "UK.OBIE.Reauthenticate", "")), ActionReauthenticate},
		{"other error", context.Canceled, ActionFailure},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Classify(tc.err); got != tc.want {
				t.Errorf("Classify = %v, want %v (%v)", got, tc.want, tc.err)
			}
		})
	}
}

func TestActionString(t *testing.T) {
	t.Parallel()
	for a, want := range map[Action]string{ActionReauthenticate: "reauthenticate", ActionReconsent: "reconsent",
		ActionAccountUnavailable: "accountUnavailable", ActionRetryLater: "retryLater", ActionFixRequest: "fixRequest",
		ActionRefresh: "refresh", ActionFailure: "failure", ActionNotFound: "notFound", ActionNone: "none", Action(99): "failure"} {
		if a.String() != want {
			t.Errorf("%d.String() = %q, want %q", int(a), a.String(), want)
		}
	}
}
