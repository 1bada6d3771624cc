package bankoutcome

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oauth"
	"github.com/coop-ob/connector/shared/refresh"
)

// want is the part of an Outcome a case checks.
type want struct {
	internal  bool
	typ       string
	status    int
	action    string
	happening consent.Happening
	why       string
	journey   Journey
	after     time.Duration
	iid       string
	fields    []string // Errors as field=message
}

func bankErr(status int, code, errorType string, details ...bankapi.ErrorDetail) error {
	return fmt.Errorf("read: %w", &bankapi.Error{Status: status, Code: code, ErrorType: errorType, Errors: details,
		InteractionID: "iid-1", Message: "free text the app must never see"})
}

func detail(code, path string) bankapi.ErrorDetail {
	return bankapi.ErrorDetail{ErrorCode: code, Path: path, Message: "free text the app must never see"}
}

// TestJudge: every kind of failure maps to the problem, consent happening and
// journey the proxy answered before the mapping moved here.
func TestJudge(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	reauth := want{typ: httpapi.TypeReauthenticationRequired, status: 403, action: httpapi.ActionReauthenticate,
		happening: consent.ReauthRequired, journey: Reauthorise}
	reconsent := want{typ: httpapi.TypeReconsentRequired, status: 409, action: httpapi.ActionReconsent,
		happening: consent.ReconsentRequired}
	with := func(w want, f func(*want)) want { f(&w); return w }
	cases := []struct {
		name string
		err  error
		call Call
		want want
	}{
		{"store failure", &smithy.OperationError{ServiceID: "DynamoDB", Err: errors.New("boom")}, Call{}, want{internal: true}},
		{"not a bank error", errors.New("boom"), Call{}, want{internal: true}},
		{"refresh refused", fmt.Errorf("x: %w", refresh.ErrReauthRequired), Call{},
			with(reauth, func(w *want) { w.happening, w.why = consent.ReauthReported, "refresh: invalid_grant" })},
		{"refresh refused, payment", refresh.ErrReauthRequired, Call{Payment: true},
			with(reconsent, func(w *want) { w.why = "refresh: invalid_grant" })},
		{"no tokens", consent.ErrNotFound, Call{}, with(reauth, func(w *want) { w.why = "refresh: no tokens" })},
		{"no refresh token", refresh.ErrNoRefreshToken, Call{}, with(reauth, func(w *want) { w.why = "refresh: no tokens" })},
		{"refresh token expired", refresh.ErrExpired, Call{}, with(reconsent, func(w *want) { w.why = "refresh: refresh token expired" })},
		{"refresh busy", refresh.ErrBusy, Call{}, want{typ: httpapi.TypeRetryLater, status: 503, action: httpapi.ActionRetryLater,
			why: "token endpoint unavailable: " + refresh.ErrBusy.Error(), after: time.Second}},
		{"refresh no time", refresh.ErrNoTime, Call{}, want{typ: httpapi.TypeRetryLater, status: 503, action: httpapi.ActionRetryLater,
			why: "token endpoint unavailable: " + refresh.ErrNoTime.Error(), after: time.Second}},
		{"token endpoint refused", &oauth.Error{Grant: "refresh_token", StatusCode: 401, Code: "invalid_client"}, Call{},
			want{typ: httpapi.TypeBankError, status: 502}},
		{"token answer unusable", &oauth.Error{Grant: "refresh_token", StatusCode: 200, MayHaveBeenProcessed: true}, Call{},
			want{typ: httpapi.TypeRetryLater, status: 503, action: httpapi.ActionRetryLater, after: time.Second}},
		{"token request not built", &oauth.Error{Grant: "refresh_token"}, Call{}, want{internal: true}},
		{"unusable body", &bankapi.UnusableError{Status: 200, InteractionID: "iid-1"}, Call{},
			want{typ: httpapi.TypeBankError, status: 502, iid: "iid-1"}},
		{"transient transport", &bankapi.TransportError{Transient: true, InteractionID: "iid-1"}, Call{},
			want{typ: httpapi.TypeRetryLater, status: 502, action: httpapi.ActionRetryLater, why: "bank transport error", iid: "iid-1"}},
		{"transport", &bankapi.TransportError{InteractionID: "iid-1"}, Call{}, want{typ: httpapi.TypeBankError, status: 502, iid: "iid-1"}},
		{"403 Reauthenticate", bankErr(403, "", "", detail(bankapi.CodeReauthenticate, "")), Call{},
			with(reauth, func(w *want) { w.why = bankapi.CodeReauthenticate })},
		{"403 Reauthenticate, payment", bankErr(403, "", "", detail(bankapi.CodeReauthenticate, "")), Call{Payment: true},
			with(reconsent, func(w *want) { w.why = bankapi.CodeReauthenticate })},
		{"403 Reauthenticate on a step-up route", bankErr(403, "", "", detail(bankapi.CodeReauthenticate, "")), Call{StepUpRoute: true},
			want{typ: httpapi.TypeStepUpRequired, status: 403, action: httpapi.ActionStepUp, happening: consent.StepUpRequired,
				why: bankapi.CodeReauthenticate, journey: StepUp, iid: "iid-1"}},
		{"401 after a refresh", bankErr(401, "", ""), Call{}, with(reauth, func(w *want) { w.why = "HTTP 401" })},
		{"consent rejected", bankErr(400, "", "", detail(bankapi.CodeInvalidConsentStatus, "")), Call{ExpiresAt: now.Add(time.Hour), Now: now},
			with(reconsent, func(w *want) {
				w.happening, w.why, w.iid = consent.BankRejected, bankapi.CodeInvalidConsentStatus, "iid-1"
			})},
		{"consent expired", bankErr(400, "", "", detail(bankapi.CodeInvalidConsentStatus, "")), Call{ExpiresAt: now, Now: now},
			with(reconsent, func(w *want) {
				w.happening, w.why, w.iid = consent.BankExpired, bankapi.CodeInvalidConsentStatus, "iid-1"
			})},
		{"account closed", bankErr(400, "", bankapi.TypeAccountPermanentlyUnavailable, detail(bankapi.CodeNotFound, "")), Call{},
			with(reconsent, func(w *want) { w.why, w.iid = bankapi.CodeNotFound, "iid-1" })},
		{"account barred", bankErr(400, "", bankapi.TypeAccountTemporarilyUnavailable, detail(bankapi.CodeNotFound, "")), Call{},
			want{typ: httpapi.TypeAccountUnavailable, status: 409, action: httpapi.ActionAccountUnavailable,
				happening: consent.AccountUnavailable, why: bankapi.CodeNotFound, iid: "iid-1"}},
		{"unknown resource", bankErr(400, "", "", detail(bankapi.CodeNotFound, "")), Call{},
			want{typ: httpapi.TypeNotFound, status: 404, iid: "iid-1"}},
		{"throttled", fmt.Errorf("x: %w", &bankapi.Error{Status: 429, RetryAfter: 7 * time.Second, InteractionID: "iid-1"}), Call{},
			want{typ: httpapi.TypeRetryLater, status: 503, action: httpapi.ActionRetryLater, why: "HTTP 429", after: 7 * time.Second, iid: "iid-1"}},
		{"bank 500", bankErr(500, "", ""), Call{},
			want{typ: httpapi.TypeRetryLater, status: 502, action: httpapi.ActionRetryLater, why: "HTTP 500", iid: "iid-1"}},
		{"field errors", bankErr(400, "", "", detail("UK.OBIE.Field.Invalid", "Data.Amount")), Call{},
			want{typ: httpapi.TypeBankError, status: 400, iid: "iid-1", fields: []string{"Data.Amount=UK.OBIE.Field.Invalid"}}},
		{"other 403", bankErr(403, "", "", detail("UK.OBIE.Unauthorised", "")), Call{},
			want{typ: httpapi.TypeBankError, status: 403, iid: "iid-1", fields: []string{"bank=UK.OBIE.Unauthorised"}}},
		{"other answer", bankErr(409, "", "", detail("UK.OBIE.Conflict", "")), Call{},
			want{typ: httpapi.TypeBankError, status: 502, iid: "iid-1", fields: []string{"bank=UK.OBIE.Conflict"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := Judge(tc.err, tc.call)
			if tc.want.internal {
				if o.Internal == nil || o.Problem.Type != "" {
					t.Fatalf("outcome %+v, want internal", o)
				}
				return
			}
			var fields []string
			for _, f := range o.Problem.Errors {
				fields = append(fields, f.Field+"="+f.Message)
			}
			got := want{typ: o.Problem.Type, status: o.Problem.Status, action: o.Problem.Action, happening: o.Happening,
				why: o.Why, journey: o.Journey, after: o.RetryAfter, iid: o.Problem.InteractionID, fields: fields}
			if o.Internal != nil || fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("outcome\n got %+v\nwant %+v", got, tc.want)
			}
			if strings.Contains(fmt.Sprintf("%+v", o), "free text") {
				t.Errorf("the bank's free text reached the outcome: %+v", o)
			}
		})
	}
}

func TestRetryAfterSeconds(t *testing.T) {
	for d, want := range map[time.Duration]int{0: 1, time.Millisecond: 1, time.Second: 1, 1500 * time.Millisecond: 2, 7 * time.Second: 7} {
		if got := RetryAfterSeconds(d); got != want {
			t.Errorf("RetryAfterSeconds(%v) = %d, want %d", d, got, want)
		}
	}
}

// TestUnsettled: a payment in doubt whose consent status could not be read is
// retryLater, 503 when the bank throttles or no token could be had, else 502.
func TestUnsettled(t *testing.T) {
	cases := []struct {
		name   string
		err    error
		status int
		iid    string
	}{
		{"no token", fmt.Errorf("cc: %w", &oauth.Error{Grant: "client_credentials", StatusCode: 500}), 503, ""},
		{"throttled", &bankapi.Error{Status: 429}, 503, "iid-1"},
		{"bank 503", &bankapi.Error{Status: 503}, 503, "iid-1"},
		{"bank 500", &bankapi.Error{Status: 500}, 502, "iid-1"},
		{"transport", &bankapi.TransportError{Transient: true, Cause: errors.New("reset")}, 502, "iid-1"},
	}
	for _, tc := range cases {
		o := Unsettled(tc.err, "iid-1")
		if o.Problem.Type != httpapi.TypeRetryLater || o.Problem.Status != tc.status || o.Problem.InteractionID != tc.iid || o.Happening != "" {
			t.Errorf("%s: %+v, want retryLater %d iid %q, nothing recorded", tc.name, o.Problem, tc.status, tc.iid)
		}
	}
}
