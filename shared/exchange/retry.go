package exchange

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
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

// RetryCounts is what one pass over the pending exchanges did.
type RetryCounts struct {
	Completed, Failed, Retry int
	// Incomplete: the pass stopped before the last shard (stopping).
	Incomplete bool
}

// Retrier exchanges the codes the callback left pending.
type Retrier struct {
	Exchanger *Exchanger
	Store     *consent.Store
	Logger    *slog.Logger
	Now       func() time.Time
	Lease     time.Duration // how long a claim holds
	// SessionTTL: AUTH_SESSION_TTL; a code older than it is not sent.
	SessionTTL    time.Duration
	Shards, First int // the shards and the one the pass starts at
	PageSize      int32
}

// RetryPending exchanges the codes the callback left pending, shard by
// shard, until stopping. An error reading the pending entries is returned.
func (rt *Retrier) RetryPending(ctx context.Context, now time.Time, stopping func() bool) (RetryCounts, error) {
	var c RetryCounts
	n := rt.Shards
	for i := range n {
		shard := (rt.First + i) % n
		if stopping() {
			c.Incomplete = true
			return c, nil
		}
		pending, err := rt.Store.PendingExchanges(ctx, shard, now, rt.PageSize)
		if err != nil {
			return c, fmt.Errorf("pending exchanges shard %d: %w", shard, err)
		}
		for _, p := range pending {
			if stopping() {
				c.Incomplete = true
				return c, nil
			}
			switch rt.retryExchange(ctx, now, p) {
			case exchangeDone:
				c.Completed++
			case exchangeFailed:
				c.Failed++
			case exchangeRetry:
				c.Retry++
			}
		}
	}
	return c, nil
}

type exchangeOutcome int

const (
	exchangeNone exchangeOutcome = iota // not ours to do (claimed elsewhere, finished)
	exchangeDone
	exchangeFailed
	exchangeRetry
)

func (rt *Retrier) retryExchange(ctx context.Context, now time.Time, p consent.PendingExchange) exchangeOutcome {
	log := rt.Logger.With(slog.String("consentId", p.ConsentID))
	s, err := rt.Store.ClaimExchange(ctx, p.StateHash, rt.Now().Add(rt.Lease))
	switch {
	case errors.Is(err, consent.ErrSessionExpired):
		return rt.failExchange(ctx, &consent.AuthSession{StateHash: p.StateHash, ConsentID: p.ConsentID, Owner: p.Owner}, "session expired")
	case errors.Is(err, consent.ErrLeaseHeld), errors.Is(err, consent.ErrSessionUsed), errors.Is(err, consent.ErrNotFound):
		return exchangeNone
	case err != nil:
		log.ErrorContext(ctx, "exchange not claimed", slog.Any("err", err))
		return exchangeNone
	}
	if now.Sub(s.CreatedAt) > rt.SessionTTL {
		return rt.failExchange(ctx, s, "too old")
	}
	err = rt.Exchanger.Complete(ctx, s, s.Code)
	switch {
	case err == nil:
		return exchangeDone
	case oauth.MayHaveBeenProcessed(err):
		// A code sent twice makes the bank refuse it and revoke what it
		// issued for it: never resend after a lost answer.
		return rt.endUncertain(ctx, s, err)
	case Transient(err):
		next := rt.Now().Add(exchangeRetryBase << min(max(s.Attempts-1, 0), 4))
		if !next.Before(s.TTL) {
			return rt.failExchange(ctx, s, "retries exhausted")
		}
		if merr := rt.Exchanger.Pending(ctx, s, s.Code, next); merr != nil {
			log.ErrorContext(ctx, "exchange retry not scheduled", slog.Any("err", merr))
			return exchangeNone
		}
		log.WarnContext(ctx, "code exchange failed; retrying", slog.Time("nextAttemptAt", next), slog.Any("err", err))
		return exchangeRetry
	case errors.Is(err, consent.ErrSessionUsed):
		return exchangeNone // completed by someone else
	}
	log.WarnContext(ctx, "code exchange failed", slog.Bool("invalidGrant", oauth.IsInvalidGrant(err)), slog.Any("err", err))
	return rt.failExchange(ctx, s, "refused")
}

// failExchange ends the session (its code is dropped) and fails a consent
// still awaiting its first authorisation; an Authorised consent (failed
// re-authentication or step-up) keeps its status and tokens.
func (rt *Retrier) failExchange(ctx context.Context, s *consent.AuthSession, why string) exchangeOutcome {
	if err := rt.Exchanger.Fail(ctx, s, outcomeExchangeFailed, true); err != nil {
		rt.Logger.ErrorContext(ctx, "failed exchange not recorded", slog.String("consentId", s.ConsentID), slog.Any("err", err))
		return exchangeNone
	}
	rt.Logger.WarnContext(ctx, "code exchange given up", slog.String("consentId", s.ConsentID), slog.String("reason", why))
	return exchangeFailed
}

// endUncertain ends the session (its code is dropped) without failing the
// consent: a first authorisation stays AwaitingAuthorisation, so the app can
// start a new journey; any other consent keeps its status.
func (rt *Retrier) endUncertain(ctx context.Context, s *consent.AuthSession, cause error) exchangeOutcome {
	if err := rt.Exchanger.Fail(ctx, s, outcomeExchangeUncertain, false); err != nil {
		rt.Logger.ErrorContext(ctx, "uncertain exchange not recorded", slog.String("consentId", s.ConsentID), slog.Any("err", err))
		return exchangeNone
	}
	rt.Logger.WarnContext(ctx, "code exchange answer lost; not resending the code", slog.String("consentId", s.ConsentID),
		slog.Any("err", cause))
	return exchangeFailed
}
