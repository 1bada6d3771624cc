package fanout

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

// One decides and does the work for one due entry.
func (w *Worker) One(ctx context.Context, d consent.DueToken) Outcome {
	if w.Stopping() {
		return Remaining
	}
	if d.LeaseUntil.After(w.RunStart) {
		return RetryLater // another worker is on it; no write needed to find out
	}
	lapsed := !d.RefreshExpiresAt.IsZero() && !w.RunStart.Before(d.RefreshExpiresAt)
	if w.Policy == config.RefreshOnDemand && !lapsed {
		// Nothing is kept warm: every entry is handled as an idle consent's
		// (refreshed only at its keep-alive point, else moved there).
		return w.keepAlive(ctx, d)
	}
	if w.Policy == config.RefreshRecent && !lapsed {
		if o, done := w.idle(ctx, d); done {
			return o
		}
	}
	_, err := w.Refresher.RefreshIfDue(ctx, d.ConsentID, w.RunStart)
	o := w.outcomeOf(ctx, d.ConsentID, err)
	w.lapsing(ctx, d, err, o)
	return o
}

// lapsing tells the app (a Consent Refresh Token Lapsing event, once per refresh token) that
// a refresh token within refresh.KeepAliveMargin of its expiry could not be refreshed: the
// bank or the store failed, so it may lapse before a later run succeeds. A refresh another
// worker is making is not a failure.
func (w *Worker) lapsing(ctx context.Context, d consent.DueToken, err error, o Outcome) {
	if (o != RetryLater && o != Failed) || errors.Is(err, refresh.ErrBusy) || d.RefreshExpiresAt.IsZero() ||
		!refresh.NeedsKeepAlive(d.RefreshExpiresAt, w.RunStart) || w.Store == nil {
		return
	}
	if _, nerr := w.Store.NoteRefreshLapsing(ctx, d.ConsentID, d.RefreshExpiresAt); nerr != nil {
		w.Logger.WarnContext(ctx, "refresh lapsing event not stored", slog.String("consentId", d.ConsentID), slog.Any("err", nerr))
	}
}

// outcomeOf maps the result of RefreshIfDue or KeepAlive to an outcome.
func (w *Worker) outcomeOf(ctx context.Context, id string, err error) Outcome {
	switch {
	case err == nil:
		return Refreshed
	case errors.Is(err, refresh.ErrNotDue), errors.Is(err, refresh.ErrNoRefreshToken), errors.Is(err, consent.ErrNotFound):
		return Skipped
	case errors.Is(err, refresh.ErrBusy):
		return RetryLater
	case errors.Is(err, refresh.ErrReauthRequired):
		return ReauthRequired
	case errors.Is(err, refresh.ErrExpired):
		return Expired
	case oauth.IsTransient(err):
		return RetryLater
	case awserr.Transient(err):
		// The store failed before the bank was asked (the lease) or the
		// refresher's own retries of its writes ran out: the consent is still
		// due, untouched or with its lease lapsing, and the next run takes it.
		w.Logger.WarnContext(ctx, "token refresh: store unavailable", slog.String("consentId", id), slog.Any("err", err))
		return RetryLater
	}
	var oe *oauth.Error
	if errors.As(err, &oe) {
		// Refused for another reason (invalid_client, a 4xx): the refresher kept
		// the tokens and backs off; the error log says what to fix.
		w.Logger.ErrorContext(ctx, "token refresh refused", slog.String("consentId", id), slog.Any("err", err))
		return RetryLater
	}
	w.Logger.ErrorContext(ctx, "token refresh failed", slog.String("consentId", id), slog.Any("err", err))
	return Failed
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
func (w *Worker) idle(ctx context.Context, d consent.DueToken) (o Outcome, done bool) {
	if d.UsedAt.IsZero() {
		return w.idleLegacy(ctx, d)
	}
	if recentAt(d.UsedAt, w.RunStart, w.RecentWindow) {
		return 0, false
	}
	w.Logger.DebugContext(ctx, "idle consent not kept warm", slog.String("consentId", d.ConsentID), slog.Time("usedAt", d.UsedAt))
	return w.keepAlive(ctx, d), true
}

// idleLegacy is idle for tokens without UsedAt (see idle: the migration
// path): it reads the consent and checks its status too.
func (w *Worker) idleLegacy(ctx context.Context, d consent.DueToken) (o Outcome, done bool) {
	id := d.ConsentID
	c, err := w.Store.GetConsent(ctx, id)
	switch {
	case errors.Is(err, consent.ErrNotFound):
		return w.unschedule(ctx, id, false), true
	case err != nil:
		w.Logger.ErrorContext(ctx, "consent not read", slog.String("consentId", id), slog.Any("err", err))
		return Failed, true
	case c.Status != consent.StatusAuthorised:
		return w.unschedule(ctx, id, false), true
	case recent(c, w.RunStart, w.RecentWindow):
		return 0, false
	}
	w.Logger.DebugContext(ctx, "idle consent not kept warm", slog.String("consentId", id), slog.Time("lastUsedAt", c.LastUsedAt))
	return w.keepAlive(ctx, d), true
}

// keepAlive handles an idle consent's due entry: at its keep-alive point
// (the refresh token lapses within refresh.KeepAliveMargin) it is refreshed
// once and rescheduled by Refresher.KeepAlive: at the new refresh token's
// keep-alive point, or at its expiry if the bank did not extend it (so it
// cannot loop). Before that point, the entry is moved to it.
func (w *Worker) keepAlive(ctx context.Context, d consent.DueToken) Outcome {
	if !refresh.NeedsKeepAlive(d.RefreshExpiresAt, w.RunStart) {
		return w.unschedule(ctx, d.ConsentID, true)
	}
	w.Logger.DebugContext(ctx, "idle consent's refresh token kept alive", slog.String("consentId", d.ConsentID),
		slog.Time("refreshExpiresAt", d.RefreshExpiresAt))
	_, err := w.Refresher.KeepAlive(ctx, d.ConsentID, w.RunStart, w.idleBefore())
	o := w.outcomeOf(ctx, d.ConsentID, err)
	w.lapsing(ctx, d, err, o)
	return o
}

// idleBefore: tokens last used before it are idle. Under REFRESH_POLICY=ondemand
// every consent is (nothing is kept warm); under recent, those not used within
// REFRESH_RECENT_WINDOW.
func (w *Worker) idleBefore() time.Time {
	if w.Policy == config.RefreshOnDemand {
		return w.RunStart.Add(100 * 365 * 24 * time.Hour)
	}
	return w.RunStart.Add(-w.RecentWindow)
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
func (w *Worker) unschedule(ctx context.Context, id string, idle bool) Outcome {
	t, err := w.Store.AcquireLease(ctx, id, w.Holder, w.Now().Add(w.Lease))
	switch {
	case errors.Is(err, consent.ErrLeaseHeld):
		return RetryLater
	case errors.Is(err, consent.ErrNotFound):
		return Skipped
	case err != nil:
		w.Logger.ErrorContext(ctx, "tokens not unscheduled", slog.String("consentId", id), slog.Any("err", err))
		return Failed
	}
	due := time.Time{}
	if idle {
		due = refresh.KeepAlivePoint(t.RefreshExpiresAt)
	}
	if !t.RefreshDue.IsZero() && t.RefreshDue.After(w.RunStart) {
		due = t.RefreshDue // refreshed meanwhile: in use after all
	}
	var used time.Time
	if idle && w.Policy == config.RefreshRecent && !t.UsedAt.IsZero() && recentAt(t.UsedAt, w.RunStart, w.RecentWindow) {
		// Used meanwhile (a touch writes the unprojected lastUse): the next
		// run refreshes it, and the index learns the use, so that run does
		// not judge it idle again.
		due, used = t.RefreshDue, t.UsedAt
	}
	if err := w.Store.ReleaseLeaseUsed(ctx, id, w.Holder, t.Failures, t.NextAttemptAt, due, used); err != nil {
		w.Logger.ErrorContext(ctx, "tokens not unscheduled", slog.String("consentId", id), slog.Any("err", err))
		return Failed
	}
	return Skipped
}
