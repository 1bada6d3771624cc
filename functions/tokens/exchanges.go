package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/oauth"
)

// Exchange retries: only a transient failure that proves the bank did not
// consume the code (oauth.MayHaveBeenProcessed false) is retried. The bank's
// authorization codes are short-lived, so such a code is retried only while
// its auth session is young (AUTH_SESSION_TTL, 10 minutes by default; the
// store refuses to claim a session past its TTL). exchangeRetryBase is the
// first pause between attempts; it doubles per attempt.
const exchangeRetryBase = 30 * time.Second

// outcomeExchangeFailed is the consent's LastError when its code could not be exchanged.
const outcomeExchangeFailed = "exchange_failed"

// outcomeExchangeUncertain is the consent's LastError when the answer to its
// code's exchange was lost: the bank may have spent the code, so it is not
// sent again, and the consent stays authorisable for a new journey (the
// callback's outcome of the same name).
const outcomeExchangeUncertain = "exchange_uncertain"

// retryExchanges exchanges the codes the callback left pending, shard by shard.
func (h *Handler) retryExchanges(ctx context.Context, r *run, sum *Summary) error {
	n := h.shards()
	for i := range n {
		shard := (r.first + i) % n
		if r.stopping() {
			sum.Incomplete = true
			return nil
		}
		pending, err := h.store.PendingExchanges(ctx, shard, r.now, pageSize)
		if err != nil {
			return fmt.Errorf("pending exchanges shard %d: %w", shard, err)
		}
		for _, p := range pending {
			if r.stopping() {
				sum.Incomplete = true
				return nil
			}
			switch h.retryExchange(ctx, r, p) {
			case exchangeDone:
				sum.ExchangesCompleted++
			case exchangeFailed:
				sum.ExchangesFailed++
			case exchangeRetry:
				sum.ExchangesRetry++
			}
		}
	}
	return nil
}

type exchangeOutcome int

const (
	exchangeNone exchangeOutcome = iota // not ours to do (claimed elsewhere, finished)
	exchangeDone
	exchangeFailed
	exchangeRetry
)

func (h *Handler) retryExchange(ctx context.Context, r *run, p consent.PendingExchange) exchangeOutcome {
	log := h.logger.With(slog.String("consentId", p.ConsentID))
	s, err := h.store.ClaimExchange(ctx, p.StateHash, h.now().Add(h.lease()))
	switch {
	case errors.Is(err, consent.ErrSessionExpired):
		return h.failExchange(ctx, &consent.AuthSession{StateHash: p.StateHash, ConsentID: p.ConsentID, Owner: p.Owner}, "session expired")
	case errors.Is(err, consent.ErrLeaseHeld), errors.Is(err, consent.ErrSessionUsed), errors.Is(err, consent.ErrNotFound):
		return exchangeNone
	case err != nil:
		log.ErrorContext(ctx, "exchange not claimed", slog.Any("err", err))
		return exchangeNone
	}
	if r.now.Sub(s.CreatedAt) > h.cfg.AuthSessionTTL {
		return h.failExchange(ctx, s, "too old")
	}
	err = h.exchanger.Complete(ctx, s, s.Code)
	switch {
	case err == nil:
		return exchangeDone
	case oauth.MayHaveBeenProcessed(err):
		// A code sent twice makes the bank refuse it and revoke what it
		// issued for it: never resend after a lost answer.
		return h.endUncertain(ctx, s, err)
	case exchange.Transient(err):
		next := h.now().Add(exchangeRetryBase << min(max(s.Attempts-1, 0), 4))
		if !next.Before(s.TTL) {
			return h.failExchange(ctx, s, "retries exhausted")
		}
		if merr := h.exchanger.Pending(ctx, s, s.Code, next); merr != nil {
			log.ErrorContext(ctx, "exchange retry not scheduled", slog.Any("err", merr))
			return exchangeNone
		}
		log.WarnContext(ctx, "code exchange failed; retrying", slog.Time("nextAttemptAt", next), slog.Any("err", err))
		return exchangeRetry
	case errors.Is(err, consent.ErrSessionUsed):
		return exchangeNone // completed by someone else
	}
	log.WarnContext(ctx, "code exchange failed", slog.Bool("invalidGrant", oauth.IsInvalidGrant(err)), slog.Any("err", err))
	return h.failExchange(ctx, s, "refused")
}

// failExchange ends the session (its code is dropped) and fails a consent
// still awaiting its first authorisation; an Authorised consent (failed
// re-authentication or step-up) keeps its status and tokens.
func (h *Handler) failExchange(ctx context.Context, s *consent.AuthSession, why string) exchangeOutcome {
	if err := h.exchanger.Fail(ctx, s, outcomeExchangeFailed, true); err != nil {
		h.logger.ErrorContext(ctx, "failed exchange not recorded", slog.String("consentId", s.ConsentID), slog.Any("err", err))
		return exchangeNone
	}
	h.logger.WarnContext(ctx, "code exchange given up", slog.String("consentId", s.ConsentID), slog.String("reason", why))
	return exchangeFailed
}

// endUncertain ends the session (its code is dropped) without failing the
// consent: a first authorisation stays AwaitingAuthorisation, so the app can
// start a new journey; any other consent keeps its status.
func (h *Handler) endUncertain(ctx context.Context, s *consent.AuthSession, cause error) exchangeOutcome {
	if err := h.exchanger.Fail(ctx, s, outcomeExchangeUncertain, false); err != nil {
		h.logger.ErrorContext(ctx, "uncertain exchange not recorded", slog.String("consentId", s.ConsentID), slog.Any("err", err))
		return exchangeNone
	}
	h.logger.WarnContext(ctx, "code exchange answer lost; not resending the code", slog.String("consentId", s.ConsentID),
		slog.Any("err", cause))
	return exchangeFailed
}
