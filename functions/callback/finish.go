package main

import (
	"context"
	"errors"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/oauth"
)

// exchange swaps the code for tokens, retrying briefly (retryPolicy) the
// transient failures that prove the bank did not consume the code. A code
// that still cannot be exchanged is kept in the session for the tokens
// function (outcome pending). A request whose answer was lost is never
// resent: the journey ends exchange_uncertain and the consent stays
// authorisable, so the app can start a new journey. A refused code
// (invalid_grant) or any other failure ends the journey (outcome failed).
// So does a consent revoked (or otherwise ended) while the PSU was at the
// bank: exchange.ErrNotAuthorisable, and nothing is recorded on it.
func (h *Handler) exchange(ctx context.Context, s *consent.AuthSession, code string) string {
	// The store writes after a successful token request may use the
	// reserve the budget keeps before the invocation's deadline.
	err := h.retry.run(lambdactx.Mark(ctx), func(actx context.Context) error {
		return h.exchanger.Complete(actx, s, code)
	})
	switch {
	case err == nil:
		h.readAccounts(ctx, s.ConsentID)
		return OutcomeAuthorised
	case oauth.MayHaveBeenProcessed(err):
		h.logger.WarnContext(ctx, "code exchange answer lost; not resending the code", "consentId", s.ConsentID, "err", err)
		return h.fail(ctx, s, OutcomeExchangeUncertain, false)
	case exchange.Transient(err):
		next := h.now().Add(h.retry.pendingDelay)
		if perr := h.exchanger.Pending(ctx, s, code, next); perr != nil {
			h.logger.ErrorContext(ctx, "mark exchange pending", "consentId", s.ConsentID, "err", perr, "exchangeErr", err)
			return h.fail(ctx, s, OutcomeFailed, true)
		}
		h.logger.WarnContext(ctx, "code exchange pending", "consentId", s.ConsentID, "err", err, "nextAttemptAt", next)
		return OutcomePending
	case errors.Is(err, exchange.ErrNotAuthorisable):
		h.logger.WarnContext(ctx, "code not exchanged: consent no longer authorisable", "consentId", s.ConsentID, "err", err)
		return h.fail(ctx, s, OutcomeFailed, true)
	default:
		h.logger.WarnContext(ctx, "code exchange failed", "consentId", s.ConsentID, "err", err,
			"invalidGrant", oauth.IsInvalidGrant(err))
		return h.fail(ctx, s, OutcomeFailed, true)
	}
}

// declined handles the bank's error redirect. An AIS step-up or
// re-authentication answered "Account not found" means the PSU failed the
// one-time passcode (docs/bank-rules.md §Redirect errors), which the app should hear as such.
func (h *Handler) declined(ctx context.Context, s *consent.AuthSession, errCode, description string) string {
	outcome := bankOutcome(errCode, description)
	if outcome == OutcomeAccountNotFound && (s.StepUp || s.Reauth) {
		if c, err := h.store.GetConsent(ctx, s.ConsentID); err == nil && c.Type == "accounts" {
			outcome = OutcomeStepUpFailed
		}
	}
	return h.fail(ctx, s, outcome, true)
}

// fail spends the session and records outcome on the consent. The outcome
// stands even if the store write fails: the session was claimed, so the
// journey is over either way, and the app should hear how it ended.
func (h *Handler) fail(ctx context.Context, s *consent.AuthSession, outcome string, failConsent bool) string {
	if err := h.exchanger.Fail(ctx, s, outcome, failConsent); err != nil {
		h.logger.ErrorContext(ctx, "record journey outcome", "consentId", s.ConsentID, "outcome", outcome, "err", err)
	}
	return outcome
}
