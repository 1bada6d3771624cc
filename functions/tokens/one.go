package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/awserr"
	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/oauth"
	"github.com/coop-ob/connector/shared/refresh"
)

// refreshOne decides and does the work for one due entry.
func (h *Handler) refreshOne(ctx context.Context, ref *refresh.Refresher, r *run, d consent.DueToken) outcome {
	if r.stopping() {
		return remaining
	}
	if d.LeaseUntil.After(r.now) {
		return retryLater // another worker is on it; no write needed to find out
	}
	lapsed := !d.RefreshExpiresAt.IsZero() && !r.now.Before(d.RefreshExpiresAt)
	if h.cfg.RefreshPolicy == config.RefreshOnDemand && !lapsed {
		// Nothing is kept warm: every entry is handled as an idle consent's
		// (refreshed only at its keep-alive point, else moved there).
		return h.keepAlive(ctx, ref, r, d)
	}
	if h.cfg.RefreshPolicy == config.RefreshRecent && !lapsed {
		if o, done := h.idle(ctx, ref, r, d); done {
			return o
		}
	}
	_, err := ref.RefreshIfDue(ctx, d.ConsentID, r.now)
	return h.outcomeOf(ctx, d.ConsentID, err)
}

// outcomeOf maps the result of RefreshIfDue or KeepAlive to an outcome.
func (h *Handler) outcomeOf(ctx context.Context, id string, err error) outcome {
	switch {
	case err == nil:
		return refreshed
	case errors.Is(err, refresh.ErrNotDue), errors.Is(err, refresh.ErrNoRefreshToken), errors.Is(err, consent.ErrNotFound):
		return skipped
	case errors.Is(err, refresh.ErrBusy):
		return retryLater
	case errors.Is(err, refresh.ErrReauthRequired):
		return reauthRequired
	case errors.Is(err, refresh.ErrExpired):
		return expired
	case oauth.IsTransient(err):
		return retryLater
	case awserr.Transient(err):
		// The store failed before the bank was asked (the lease) or the
		// refresher's own retries of its writes ran out: the consent is still
		// due, untouched or with its lease lapsing, and the next run takes it.
		h.logger.WarnContext(ctx, "token refresh: store unavailable", slog.String("consentId", id), slog.Any("err", err))
		return retryLater
	}
	var oe *oauth.Error
	if errors.As(err, &oe) {
		// Refused for another reason (invalid_client, a 4xx): the refresher kept
		// the tokens and backs off; the error log says what to fix.
		h.logger.ErrorContext(ctx, "token refresh refused", slog.String("consentId", id), slog.Any("err", err))
		return retryLater
	}
	h.logger.ErrorContext(ctx, "token refresh failed", slog.String("consentId", id), slog.Any("err", err))
	return failed
}

// idle applies REFRESH_POLICY=recent: a consent whose tokens were not used
// (nor issued) within REFRESH_RECENT_WINDOW is not kept warm (keepAlive): its
// tokens move to their keep-alive point, refresh.KeepAliveMargin before the
// refresh token lapses, so an idle consent costs nothing per run; there it
// is refreshed once, which renews a rotating bank's refresh token. The proxy
// refreshes on demand when the app comes back, and that refresh schedules
// the tokens again. done reports that the entry needs nothing more.
//
// The decision reads nothing: the index entry carries UsedAt as of the
// tokens' last write (authorisation, refresh, or an unschedule that found a
// use), so a run reads one index item per due token. A touch since then is in
// the unprojected lastUse (no index write per touch): an entry the index
// shows idle is judged again under the lease (unschedule), and a use found
// there keeps it scheduled and is copied into the index. The consent's status is deliberately not
// checked here, because every way out of Authorised already takes the tokens
// out of the index or ends their refreshes:
//   - Revoked: the consents function deletes the tokens (DeleteTokens), so
//     the refresher finds none (ErrNotFound → skipped);
//   - ReauthRequired or Expired by the refresher (invalid_grant, refresh
//     token lapsed): it releases the lease with no due before marking;
//   - ReauthRequired, Rejected or Expired by the proxy (the bank's answer to
//     a call): the proxy clears the refresh due after writing the status
//     (functions/proxy record). Should a refresh in flight re-schedule the
//     tokens meanwhile, the bank refuses the next refresh with invalid_grant
//     (handled by the refresher) or, at worst, the tokens stay warm until the
//     window lapses;
//   - Consumed: payment consents get no refresh token, so are never in the
//     index; Failed: only a consent never authorised, which has no tokens.
//
// Migration path: tokens written before UsedAt existed have none in the
// index. For those the consent is read, as before (one more item per due
// token), and judged by its LastUsedAt or last update. They stop taking this
// path by themselves: the proxy's next use touches them, and idle ones move
// to their keep-alive point within one window.
func (h *Handler) idle(ctx context.Context, ref *refresh.Refresher, r *run, d consent.DueToken) (o outcome, done bool) {
	if d.UsedAt.IsZero() {
		return h.idleLegacy(ctx, ref, r, d)
	}
	if recentAt(d.UsedAt, r.now, h.cfg.RefreshRecentWindow) {
		return 0, false
	}
	h.logger.DebugContext(ctx, "idle consent not kept warm", slog.String("consentId", d.ConsentID), slog.Time("usedAt", d.UsedAt))
	return h.keepAlive(ctx, ref, r, d), true
}

// idleLegacy is idle for tokens without UsedAt (see idle: the migration
// path): it reads the consent and checks its status too.
func (h *Handler) idleLegacy(ctx context.Context, ref *refresh.Refresher, r *run, d consent.DueToken) (o outcome, done bool) {
	id := d.ConsentID
	c, err := h.store.GetConsent(ctx, id)
	switch {
	case errors.Is(err, consent.ErrNotFound):
		return h.unschedule(ctx, r, id, false), true
	case err != nil:
		h.logger.ErrorContext(ctx, "consent not read", slog.String("consentId", id), slog.Any("err", err))
		return failed, true
	case c.Status != consent.StatusAuthorised:
		return h.unschedule(ctx, r, id, false), true
	case recent(c, r.now, h.cfg.RefreshRecentWindow):
		return 0, false
	}
	h.logger.DebugContext(ctx, "idle consent not kept warm", slog.String("consentId", id), slog.Time("lastUsedAt", c.LastUsedAt))
	return h.keepAlive(ctx, ref, r, d), true
}

// keepAlive handles an idle consent's due entry: at its keep-alive point
// (the refresh token lapses within refresh.KeepAliveMargin) it is refreshed
// once and rescheduled by Refresher.KeepAlive: at the new refresh token's
// keep-alive point, or at its expiry if the bank did not extend it (so it
// cannot loop). Before that point, the entry is moved to it.
func (h *Handler) keepAlive(ctx context.Context, ref *refresh.Refresher, r *run, d consent.DueToken) outcome {
	if !refresh.NeedsKeepAlive(d.RefreshExpiresAt, r.now) {
		return h.unschedule(ctx, r, d.ConsentID, true)
	}
	h.logger.DebugContext(ctx, "idle consent's refresh token kept alive", slog.String("consentId", d.ConsentID),
		slog.Time("refreshExpiresAt", d.RefreshExpiresAt))
	_, err := ref.KeepAlive(ctx, d.ConsentID, r.now, h.idleBefore(r))
	return h.outcomeOf(ctx, d.ConsentID, err)
}

// idleBefore: tokens last used before it are idle. Under REFRESH_POLICY=ondemand
// every consent is (nothing is kept warm); under recent, those not used within
// REFRESH_RECENT_WINDOW.
func (h *Handler) idleBefore(r *run) time.Time {
	if h.cfg.RefreshPolicy == config.RefreshOnDemand {
		return r.now.Add(100 * 365 * 24 * time.Hour)
	}
	return r.now.Add(-h.cfg.RefreshRecentWindow)
}

// recentAt reports whether last is within window of now.
func recentAt(last, now time.Time, window time.Duration) bool { return now.Sub(last) <= window }

// recent reports whether the consent was used, or (re)authorised, within
// window (the migration path: consents of tokens without UsedAt).
func recent(c *consent.Consent, now time.Time, window time.Duration) bool {
	last := c.LastUsedAt
	if c.UpdatedAt.After(last) {
		last = c.UpdatedAt
	}
	return recentAt(last, now, window)
}

// unschedule reschedules a consent under the lease, so it cannot undo a
// refresh (and its new RefreshDue) that the proxy is making. With idle, its
// tokens move to their keep-alive point (refresh.KeepAlivePoint; a point
// already past leaves them due, for the next run's keep-alive refresh), and
// the tokens the lease returns are judged again: a use the index did not
// show yet (it is eventually consistent) keeps them scheduled as they are.
// Without idle (the consent is gone or no longer Authorised) the tokens
// leave the refresh index.
func (h *Handler) unschedule(ctx context.Context, r *run, id string, idle bool) outcome {
	t, err := h.store.AcquireLease(ctx, id, r.holder, h.now().Add(h.lease()))
	switch {
	case errors.Is(err, consent.ErrLeaseHeld):
		return retryLater
	case errors.Is(err, consent.ErrNotFound):
		return skipped
	case err != nil:
		h.logger.ErrorContext(ctx, "tokens not unscheduled", slog.String("consentId", id), slog.Any("err", err))
		return failed
	}
	due := time.Time{}
	if idle {
		due = refresh.KeepAlivePoint(t.RefreshExpiresAt)
	}
	if !t.RefreshDue.IsZero() && t.RefreshDue.After(r.now) {
		due = t.RefreshDue // refreshed meanwhile: in use after all
	}
	var used time.Time
	if idle && h.cfg.RefreshPolicy == config.RefreshRecent && !t.UsedAt.IsZero() && recentAt(t.UsedAt, r.now, h.cfg.RefreshRecentWindow) {
		// Used meanwhile (a touch writes the unprojected lastUse): the next
		// run refreshes it, and the index learns the use, so that run does
		// not judge it idle again.
		due, used = t.RefreshDue, t.UsedAt
	}
	if err := h.store.ReleaseLeaseUsed(ctx, id, r.holder, t.Failures, t.NextAttemptAt, due, used); err != nil {
		h.logger.ErrorContext(ctx, "tokens not unscheduled", slog.String("consentId", id), slog.Any("err", err))
		return failed
	}
	return skipped
}
