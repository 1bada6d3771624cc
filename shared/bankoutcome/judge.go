package bankoutcome

import (
	"errors"
	"net/http"
	"time"

	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oauth"
	"github.com/coop-ob/connector/shared/refresh"
)

// UnusableDetail answers a bank 2xx whose body is not an OB resource answer
// (bankapi.UnusableError): it is never passed on as data.
const UnusableDetail = "The bank answered without a usable body (not the expected OB JSON); nothing was passed on. Retry later."

// Call is what Judge needs to know of the failed call and its consent.
type Call struct {
	// StepUpRoute: a 403 Reauthenticate means step-up (transactions, direct
	// debits, standing orders, scheduled payments).
	StepUpRoute bool
	// Payment: the consent is a payment consent (never authorised again).
	Payment bool
	// ExpiresAt is the consent's expiry (zero: none); Now is the time.
	ExpiresAt, Now time.Time
}

// Judge maps the error of a token or bank step to its Outcome. The app must
// act on the consent (reauthenticate, stepUp, reconsent, accountUnavailable)
// and the action is recorded on it; a transient failure (retryLater) or an
// unknown resource (notFound) records nothing. The bank's error table is in
// the General specifications page, "Error scenarios".
func Judge(err error, c Call) Outcome {
	var be *bankapi.Error
	var te *bankapi.TransportError
	var ue *bankapi.UnusableError
	var oe *oauth.Error
	var aws *smithy.OperationError
	switch {
	case errors.As(err, &aws):
		// Not the bank: the store or the credentials secret (read for the
		// mTLS handshake or a token request) failed.
		return Outcome{Internal: err}
	case errors.Is(err, refresh.ErrReauthRequired):
		// The refresher marked the consent under its lease, if the tokens it
		// refused were still the stored ones: the status is its call.
		return Reauthenticate("refresh: invalid_grant", consent.ReauthReported, c.Payment)
	case errors.Is(err, refresh.ErrNoRefreshToken), errors.Is(err, consent.ErrNotFound):
		return Reauthenticate("refresh: no tokens", consent.ReauthRequired, c.Payment)
	case errors.Is(err, refresh.ErrExpired): // marked Expired by the refresher
		return Reconsent("refresh: refresh token expired", consent.ReconsentRequired, "")
	case errors.Is(err, refresh.ErrBusy), errors.Is(err, refresh.ErrNoTime), oauth.IsTransient(err):
		return RetryLater(http.StatusServiceUnavailable, time.Second, "token endpoint unavailable: "+err.Error(), "")
	case errors.As(err, &oe):
		return TokenFailure(oe)
	case errors.As(err, &ue):
		return BankError(http.StatusBadGateway, UnusableDetail, ue.InteractionID, nil)
	case errors.As(err, &te):
		if te.Transient {
			return RetryLater(http.StatusBadGateway, 0, "bank transport error", te.InteractionID)
		}
		return BankError(http.StatusBadGateway, "The bank could not be reached.", te.InteractionID, nil)
	case !errors.As(err, &be):
		return Outcome{Internal: err}
	}
	return bankError(be, c)
}

// bankError maps the bank's error answer.
func bankError(be *bankapi.Error, c Call) Outcome {
	code := be.Reason() // recorded as lastError and shown to the app: codes only, never free text
	switch bankapi.Classify(be) {
	case bankapi.ActionReauthenticate:
		if c.StepUpRoute {
			// Read as step-up even when the tokens carried one (the bank may
			// have let it lapse, or revoked the tokens): a step-up journey
			// cures both.
			return StepUpRequired(code, be.InteractionID)
		}
		return Reauthenticate(code, consent.ReauthRequired, c.Payment)
	case bankapi.ActionRefresh: // still 401 after one refresh
		return Reauthenticate(code, consent.ReauthRequired, c.Payment)
	case bankapi.ActionReconsent:
		what := consent.ReconsentRequired
		if be.HasCode(bankapi.CodeInvalidConsentStatus) {
			what = consent.BankRejected
			if !c.ExpiresAt.IsZero() && !c.Now.Before(c.ExpiresAt) {
				what = consent.BankExpired
			}
		}
		return Reconsent(code, what, be.InteractionID)
	case bankapi.ActionAccountUnavailable:
		return Outcome{Happening: consent.AccountUnavailable, Why: code,
			Problem: httpapi.Problem{Type: httpapi.TypeAccountUnavailable, Title: "Account unavailable",
				Status: http.StatusConflict, Action: httpapi.ActionAccountUnavailable, InteractionID: be.InteractionID,
				Detail: "The bank reports the account as temporarily unavailable (for example barred). The customer should check the account with the bank."}}
	case bankapi.ActionNotFound:
		return Outcome{Problem: httpapi.Problem{Type: httpapi.TypeNotFound, Title: "Not found", Status: http.StatusNotFound,
			InteractionID: be.InteractionID, Detail: "The bank has no such resource for this consent (for example an unknown account id)."}}
	case bankapi.ActionRetryLater:
		status := http.StatusBadGateway
		if be.Status == http.StatusTooManyRequests || be.Status == http.StatusServiceUnavailable {
			status = http.StatusServiceUnavailable
		}
		return RetryLater(status, be.RetryAfter, code, be.InteractionID)
	case bankapi.ActionFixRequest:
		var errs []httpapi.FieldError
		for _, d := range be.Errors {
			errs = append(errs, httpapi.FieldError{Field: d.Path, Message: d.ErrorCode})
		}
		return BankError(http.StatusBadRequest, "The bank refused the request's values.", be.InteractionID, errs)
	}
	if be.Status == http.StatusForbidden {
		return BankError(http.StatusForbidden, "The bank refused access: the consent may not grant it.", be.InteractionID, codesOf(be))
	}
	return BankError(http.StatusBadGateway, "The bank answered with an unexpected error.", be.InteractionID, codesOf(be))
}

func codesOf(be *bankapi.Error) []httpapi.FieldError {
	var errs []httpapi.FieldError
	for _, c := range be.ErrorCodes() {
		errs = append(errs, httpapi.FieldError{Field: "bank", Message: c})
	}
	return errs
}

// Unsettled: a payment in doubt whose consent status could not be read at
// the bank (err, the status read's failure); nothing is known, so
// retryLater: 503 when the bank throttles or has no token for the
// connector, else 502.
func Unsettled(err error, iid string) Outcome {
	if errors.As(err, new(*oauth.Error)) {
		return RetryLater(http.StatusServiceUnavailable, 0, "payment in doubt: no client-credentials token", "")
	}
	status := http.StatusBadGateway
	var be *bankapi.Error
	if errors.As(err, &be) && (be.Status == http.StatusTooManyRequests || be.Status == http.StatusServiceUnavailable) {
		status = http.StatusServiceUnavailable
	}
	return RetryLater(status, 0, "payment in doubt: consent status: "+err.Error(), iid)
}
