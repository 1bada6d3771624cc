package authflow

import (
	"errors"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// Consent types (consent.Consent.Type).
const (
	TypeAccounts           = "accounts"
	TypePayments           = "payments"
	TypeFundsConfirmations = "fundsconfirmations"
)

var (
	// ErrNotAuthorisable: the consent cannot be authorised (again): a payment
	// consent once authorised or consumed, or any consent that is Rejected,
	// Revoked, Expired, Failed or past its expiry (OB v3.1 "Changes to an
	// Intent's Authorized State": these states are terminal).
	ErrNotAuthorisable = errors.New("authflow: consent cannot be authorised again")
	// ErrStepUpNotAllowed: step-up is only for an accounts consent that is
	// Authorised (or ReauthRequired: still Authorised at the bank, its tokens
	// died). The bank's page: stepUp is "needed for AISP Step up journey".
	ErrStepUpNotAllowed = errors.New("authflow: step-up is only for an authorised accounts consent")
)

// Check reports whether c may be sent through the authorization journey now
// (with step-up when stepUp is true): nil, ErrStepUpNotAllowed or
// ErrNotAuthorisable.
//
//   - AwaitingAuthorisation: any type (a fresh URL for an unfinished journey);
//   - Authorised or ReauthRequired: accounts and fundsconfirmations only
//     (re-authentication of the same consent); payment consents are
//     single-use and have no re-authentication (OB v3.1 PIS profile);
//   - stepUp: accounts, Authorised or ReauthRequired;
//   - anything else, or a consent whose ExpiresAt has passed: refused.
func Check(c *consent.Consent, stepUp bool, now time.Time) error {
	if !c.ExpiresAt.IsZero() && !now.Before(c.ExpiresAt) {
		return ErrNotAuthorisable
	}
	reauth := c.Status == consent.StatusAuthorised || c.Status == consent.StatusReauthRequired
	if stepUp && (c.Type != TypeAccounts || !reauth) {
		return ErrStepUpNotAllowed
	}
	switch {
	case c.Status == consent.StatusAwaitingAuthorisation:
		return nil
	case reauth && c.Type != TypePayments:
		return nil
	}
	return ErrNotAuthorisable
}
