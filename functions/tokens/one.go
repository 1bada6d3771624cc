package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

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
	if h.cfg.RefreshPolicy == config.RefreshRecent && !lapsed {
		if o, done := h.idle(ctx, r, d.ConsentID); done {
			return o
		}
	}
	_, err := ref.RefreshIfDue(ctx, d.ConsentID, r.now)
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
	}
	var oe *oauth.Error
	if errors.As(err, &oe) {
		// Refused for another reason (invalid_client, a 4xx): the refresher kept
		// the tokens and backs off; the error log says what to fix.
		h.logger.ErrorContext(ctx, "token refresh refused", slog.String("consentId", d.ConsentID), slog.Any("err", err))
		return retryLater
	}
	h.logger.ErrorContext(ctx, "token refresh failed", slog.String("consentId", d.ConsentID), slog.Any("err", err))
	return failed
}

// idle applies REFRESH_POLICY=recent: a consent not used (nor authorised)
// within REFRESH_RECENT_WINDOW is not kept warm. Its tokens leave the refresh
// index (so idle consents cost nothing per run); the proxy refreshes on
// demand when the app comes back, as long as the refresh token lives. done
// reports that the entry needs nothing more.
func (h *Handler) idle(ctx context.Context, r *run, id string) (o outcome, done bool) {
	c, err := h.store.GetConsent(ctx, id)
	switch {
	case errors.Is(err, consent.ErrNotFound):
		return h.unschedule(ctx, r, id), true
	case err != nil:
		h.logger.ErrorContext(ctx, "consent not read", slog.String("consentId", id), slog.Any("err", err))
		return failed, true
	case c.Status != consent.StatusAuthorised:
		return h.unschedule(ctx, r, id), true
	case recent(c, r.now, h.cfg.RefreshRecentWindow):
		return 0, false
	}
	h.logger.DebugContext(ctx, "idle consent not kept warm", slog.String("consentId", id), slog.Time("lastUsedAt", c.LastUsedAt))
	return h.unschedule(ctx, r, id), true
}

// recent reports whether the consent was used, or (re)authorised, within window.
func recent(c *consent.Consent, now time.Time, window time.Duration) bool {
	last := c.LastUsedAt
	if c.UpdatedAt.After(last) {
		last = c.UpdatedAt
	}
	return now.Sub(last) <= window
}

// unschedule takes a consent out of the refresh index under the lease, so it
// cannot undo a refresh (and its new RefreshDue) that the proxy is making.
func (h *Handler) unschedule(ctx context.Context, r *run, id string) outcome {
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
	if !t.RefreshDue.IsZero() && t.RefreshDue.After(r.now) {
		due = t.RefreshDue // refreshed meanwhile: in use after all
	}
	if err := h.store.ReleaseLease(ctx, id, r.holder, t.Failures, t.NextAttemptAt, due); err != nil {
		h.logger.ErrorContext(ctx, "tokens not unscheduled", slog.String("consentId", id), slog.Any("err", err))
		return failed
	}
	return skipped
}
