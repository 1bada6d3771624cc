package consent

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// Recorder writes on a consent what a call learned about it (Apply), with
// the store's version checks, after the call: a bank's refusal of the tokens
// it used (Record), or a successful use (Touch).
type Recorder struct {
	Store  *Store
	Logger *slog.Logger
	Now    func() time.Time
	// Holder names the caller in the refresh lease (Record's unschedule).
	Holder string
	// Detach gives each group of writes a context that outlives the call's
	// cancellation, with a short deadline of its own; Lease is how long the
	// refresh lease is taken for (at least that deadline).
	Detach func(context.Context) (context.Context, context.CancelFunc)
	Lease  time.Duration
}

// Record writes what happened on c: LastAction, LastError (why, at most
// 200 bytes) and, where the transitions table says so (an Authorised
// consent, moved to Target(what)), the local status. The write is
// version-checked; on a conflict the consent is read again and the change
// applied once more, then given up (logged): the action still reaches the app.
//
// A status change follows the bank's answer to the tokens used (nil: none).
// If the stored tokens are no longer those (the consent was authorised
// again while the call ran: AuthoriseWithTokens stores new tokens with a new
// version), the answer concerned tokens that no longer matter: nothing is
// written and Record reports false. The check is repeated after every
// version conflict of the consent, and a re-authorisation always changes the
// consent's version, so a re-authorisation is never undone by a stale failure.
//
// A consent that leaves Authorised (ReauthRequired, Rejected, Expired) also
// leaves the refresh index: the scheduled refresher stops keeping its tokens
// warm (functions/tokens relies on this instead of reading the consent). A
// re-authorisation schedules the new tokens again; unschedule never takes
// them out.
func (w *Recorder) Record(ctx context.Context, c *Consent, what Happening, why string, used *Tokens) bool {
	status := Target(what)
	current := true
	w.update(ctx, c, func(ctx context.Context, n *Consent) bool {
		if next, _ := Next(n.Status, what); next != n.Status && used != nil {
			if current = w.stillUsed(ctx, c.ID, used); !current {
				return false
			}
		}
		_, err := Apply(n, what, w.Now(), truncate(why, 200))
		return err == nil
	})
	if current && status != "" && c.Status == status {
		w.unschedule(ctx, c.ID, used)
	}
	return current
}

// stillUsed reports whether the stored tokens are still used (a store error
// counts as yes: the bank's answer is then recorded as before).
func (w *Recorder) stillUsed(ctx context.Context, consentID string, used *Tokens) bool {
	t, err := w.Store.GetTokens(ctx, consentID)
	switch {
	case errors.Is(err, ErrNotFound):
		return false
	case err != nil:
		w.Logger.ErrorContext(ctx, "tokens re-read", "consentId", consentID, "err", err)
		return true
	}
	return t.Version == used.Version && t.AccessToken == used.AccessToken
}

// unschedule takes the consent's tokens out of the refresh index, under the
// refresh lease and only if they are still used (or, with no tokens used,
// whatever is stored): a re-authorisation that lands meanwhile replaces the
// tokens and their lease, and its tokens stay scheduled.
func (w *Recorder) unschedule(ctx context.Context, consentID string, used *Tokens) {
	dctx, cancel := w.Detach(ctx)
	defer cancel()
	t, err := w.Store.AcquireLease(dctx, consentID, w.Holder, w.Now().Add(w.Lease))
	switch {
	case errors.Is(err, ErrNotFound):
		return
	case errors.Is(err, ErrLeaseHeld):
		// A refresh is running: it either fails on the dead grant and takes
		// the tokens out itself, or the tokens are alive after all.
		w.Logger.WarnContext(ctx, "refresh due not cleared: refresh in progress", "consentId", consentID)
		return
	case err != nil:
		w.Logger.ErrorContext(ctx, "refresh due not cleared", "consentId", consentID, "err", err)
		return
	}
	due := time.Time{}
	if used != nil && (t.Version != used.Version || t.AccessToken != used.AccessToken) {
		due = t.RefreshDue // replaced meanwhile: leave them as they are
	}
	err = w.Store.ReleaseLease(dctx, consentID, w.Holder, t.Failures, t.NextAttemptAt, due)
	if err != nil && !errors.Is(err, ErrLeaseHeld) { // held elsewhere now: the tokens were replaced
		w.Logger.ErrorContext(ctx, "refresh due not cleared", "consentId", consentID, "err", err)
	}
}

// Touch records a successful use with the tokens tok the call used: their
// UsedAt at most once per every, decided from tok (no extra read; the
// "recent" refresh policy reads it; a nil tok records no use), and a stale
// LastAction cleared from the consent.
func (w *Recorder) Touch(ctx context.Context, c *Consent, tok *Tokens, every time.Duration) {
	w.TouchUse(ctx, c.ID, tok, every)
	if c.LastAction == "" {
		return
	}
	w.update(ctx, c, func(_ context.Context, n *Consent) bool {
		if n.LastAction == "" {
			return false
		}
		_, err := Apply(n, Used, w.Now(), "")
		return err == nil
	})
}

// TouchUse is Touch's first half: it records a use with the tokens tok (their
// UsedAt, decided from tok: at most once per every; nil records nothing),
// without the consent. The proxy runs it beside the bank call that uses tok,
// so the write is off the call's path (functions/proxy touchAhead).
func (w *Recorder) TouchUse(ctx context.Context, consentID string, tok *Tokens, every time.Duration) {
	now := w.Now()
	if tok == nil || now.Sub(tok.UsedAt) < every {
		return
	}
	dctx, cancel := w.Detach(ctx)
	err := w.Store.TouchTokens(dctx, consentID, now)
	cancel()
	if err != nil && !errors.Is(err, ErrNotFound) {
		w.Logger.ErrorContext(ctx, "tokens use not recorded", "consentId", consentID, "err", err)
	}
}

// update applies change to c and writes it, retrying once on a version
// conflict. change gets the (detached) context of the writes.
func (w *Recorder) update(ctx context.Context, c *Consent, change func(context.Context, *Consent) bool) {
	ctx, cancel := w.Detach(ctx)
	defer cancel()
	for attempt := 0; attempt < 2; attempt++ {
		n := *c
		if !change(ctx, &n) {
			return
		}
		err := w.Store.UpdateConsent(ctx, &n)
		if err == nil {
			*c = n
			return
		}
		if !errors.Is(err, ErrConflict) {
			w.Logger.ErrorContext(ctx, "consent update", "consentId", c.ID, "err", err)
			return
		}
		fresh, err := w.Store.GetConsent(ctx, c.ID)
		if err != nil {
			w.Logger.ErrorContext(ctx, "consent re-read", "consentId", c.ID, "err", err)
			return
		}
		*c = *fresh
	}
	w.Logger.WarnContext(ctx, "consent update conflict: given up", "consentId", c.ID)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
