package refresh

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/oauth"
)

// Refresher refreshes one consent's tokens at a time under the store's lease.
// It is safe for concurrent use by many goroutines when each worker (function
// instance, run) uses its own Holder.
type Refresher struct {
	Store  *consent.Store
	OAuth  *oauth.Client
	Now    func() time.Time
	Logger *slog.Logger
	// Holder names this worker in the lease; unique per run or invocation.
	Holder string
	// Lease is how long the lease is taken for (DefaultLease when zero); it
	// must outlast a bank call plus the store writes.
	Lease time.Duration
	// Lookahead: after a refresh the tokens are due again at AccessExpiresAt - Lookahead.
	Lookahead time.Duration
	// BusyWait bounds how long Valid and RefreshRejected wait for another
	// holder (DefaultBusyWait when zero).
	BusyWait time.Duration
	// MinRemaining: a refresh is started only if the caller's context leaves
	// at least this long before its deadline (one bank call plus the store
	// writes), else ErrNoTime and the bank is not called. Zero: no check.
	MinRemaining time.Duration
	// OnDemand (REFRESH_POLICY=ondemand): after a refresh the tokens are
	// scheduled at their keep-alive point (KeepAlivePoint), not before the new
	// access token expires: the next access token is fetched when a call
	// needs it, and the schedule only keeps the refresh token from lapsing.
	OnDemand bool
}

// Refresh refreshes consentID's tokens now (RFC 6749 §6) and returns the new
// tokens once they are stored. Errors: ErrBusy (lease held elsewhere),
// ErrReauthRequired, ErrExpired, ErrNoRefreshToken, consent.ErrNotFound (no
// tokens), a transient *oauth.Error (wrapped; oauth.IsTransient holds: the old
// tokens stay and a retry is scheduled with Backoff), or a store error.
func (r *Refresher) Refresh(ctx context.Context, consentID string) (*consent.Tokens, error) {
	return r.refresh(ctx, consentID, job{})
}

// RefreshIfDue is Refresh for the schedule: under the lease it re-reads the
// tokens and refreshes only if their RefreshDue is set and not after before,
// else it answers ErrNotDue and changes nothing. A duplicate or concurrent
// run therefore never refreshes a consent another run has just refreshed.
func (r *Refresher) RefreshIfDue(ctx context.Context, consentID string, before time.Time) (*consent.Tokens, error) {
	if before.IsZero() {
		return nil, fmt.Errorf("refresh %s: RefreshIfDue needs a time", consentID)
	}
	return r.refresh(ctx, consentID, job{dueBefore: before})
}

// job says which refresh to do.
type job struct {
	// dueBefore, when set, makes the refresh conditional on the stored
	// RefreshDue being set and not after it.
	dueBefore time.Time
	// keepAlive: refresh only a refresh token at its keep-alive point, and
	// schedule tokens last used before idleBefore at the next one (KeepAlive).
	keepAlive  bool
	idleBefore time.Time
	// rejected, when set, is an access token the bank refused: the refresh is
	// skipped (the stored tokens returned) if the stored access token is
	// another one, since someone else has refreshed already (RefreshRejected).
	rejected string
}

// refresh does one refresh.
func (r *Refresher) refresh(ctx context.Context, id string, j job) (*consent.Tokens, error) {
	if err := r.checkTime(ctx, id); err != nil {
		return nil, err
	}
	now := r.now()
	t, err := r.Store.AcquireLease(ctx, id, r.Holder, now.Add(r.lease()))
	if errors.Is(err, consent.ErrLeaseHeld) {
		return nil, ErrBusy
	}
	if err != nil {
		return nil, err
	}
	switch {
	case !j.dueBefore.IsZero() && (t.RefreshDue.IsZero() || t.RefreshDue.After(j.dueBefore)):
		if err := r.release(ctx, t, t.Failures, t.NextAttemptAt, t.RefreshDue); err != nil {
			return nil, err
		}
		return nil, ErrNotDue
	case t.RefreshToken == "":
		if err := r.release(ctx, t, 0, time.Time{}, time.Time{}); err != nil {
			return nil, err
		}
		return nil, ErrNoRefreshToken
	case !t.RefreshExpiresAt.IsZero() && !now.Before(t.RefreshExpiresAt):
		if err := r.release(ctx, t, 0, time.Time{}, time.Time{}); err != nil {
			return nil, err
		}
		r.markConsent(ctx, id, consent.StatusExpired, "refresh_token_expired", t)
		metrics.From(ctx).Count(ctx, metrics.Refreshes, metrics.DimResult, metrics.RefreshLapsed)
		return nil, ErrExpired
	case j.keepAlive && !NeedsKeepAlive(t.RefreshExpiresAt, now):
		// Refreshed meanwhile with a new refresh token: nothing to keep alive.
		if err := r.release(ctx, t, t.Failures, t.NextAttemptAt, t.RefreshDue); err != nil {
			return nil, err
		}
		return nil, ErrNotDue
	case j.rejected != "" && t.AccessToken != j.rejected:
		// Another request refreshed after the rejected token was read.
		if err := r.release(ctx, t, t.Failures, t.NextAttemptAt, t.RefreshDue); err != nil {
			return nil, err
		}
		t.LeaseHolder, t.LeaseUntil = "", time.Time{}
		return t, nil
	}

	// The new tokens will be stored sealed: the data key is taken before the
	// refresh token is sent, so KMS failing after the bank answered (and may
	// have rotated it) cannot lose the answer. No key, no bank call.
	ctx, err = r.Store.HoldSealKey(ctx)
	if err != nil {
		if rerr := r.release(ctx, t, t.Failures, t.NextAttemptAt, t.RefreshDue); rerr != nil {
			return nil, errors.Join(err, rerr)
		}
		return nil, fmt.Errorf("refresh %s: %w", id, err)
	}
	// Once the refresh token is sent, its answer must not be lost to the
	// caller's cancellation (with one-time-use rotation the old token is
	// spent): the bank call and the writes run detached, bounded by the
	// lease and by the Lambda invocation's deadline (lambdactx).
	bctx, bcancel := lambdactx.Detach(ctx, r.lease())
	tok, err := r.OAuth.Refresh(bctx, t.RefreshToken)
	bcancel()
	metrics.From(ctx).Count(ctx, metrics.Refreshes, metrics.DimResult, grantResult(err))
	wctx, cancel := lambdactx.Detach(ctx, storeTimeout)
	defer cancel()
	if err != nil {
		return nil, r.failed(wctx, t, err)
	}
	if !tok.IsBearer() {
		// Kept, not refused: the bank has answered 200 and may have rotated.
		r.logger().WarnContext(ctx, "token endpoint answered a token_type other than bearer; tokens kept",
			slog.String("consentId", id), slog.String("tokenType", tok.TokenType))
	}
	n := r.apply(t, tok, now)
	if r.OnDemand || (j.keepAlive && t.UsedAt.Before(j.idleBefore)) {
		n.RefreshDue = keepAliveDue(n.RefreshExpiresAt, now)
	}
	if err := r.save(wctx, n); err != nil {
		// The bank may have rotated: the refresh token it issued is lost, and
		// the next refresh with the old one may answer invalid_grant.
		r.logger().ErrorContext(ctx, "refreshed tokens not stored", slog.String("consentId", id),
			slog.Bool("rotated", n.RefreshToken != t.RefreshToken), slog.Any("err", err))
		return nil, fmt.Errorf("refresh %s: save: %w", id, err)
	}
	r.logger().DebugContext(ctx, "tokens refreshed", slog.String("consentId", id),
		slog.Bool("rotated", n.RefreshToken != t.RefreshToken), slog.Time("accessExpiresAt", n.AccessExpiresAt))
	return n, nil
}

// failed handles a refused or failed refresh call; the old tokens stay.
func (r *Refresher) failed(ctx context.Context, t *consent.Tokens, cause error) error {
	id := t.ConsentID
	if oauth.IsInvalidGrant(cause) {
		err := r.Store.ReleaseLease(ctx, id, r.Holder, 0, time.Time{}, time.Time{})
		if errors.Is(err, consent.ErrLeaseHeld) {
			// The tokens were replaced meanwhile (a re-authorisation revokes the
			// old grant): the refusal was about tokens that no longer matter.
			return fmt.Errorf("refresh %s: tokens replaced during the refresh: %w", id, ErrBusy)
		}
		if err != nil {
			return err
		}
		r.markConsent(ctx, id, consent.StatusReauthRequired, "invalid_grant", t)
		return fmt.Errorf("refresh %s: %w: %w", id, ErrReauthRequired, cause)
	}
	failures := t.Failures + 1
	next := r.now().Add(Backoff(failures))
	due := next
	if !t.RefreshExpiresAt.IsZero() && t.RefreshExpiresAt.Before(due) {
		due = t.RefreshExpiresAt
	}
	if err := r.release(ctx, t, failures, next, due); err != nil {
		return errors.Join(fmt.Errorf("refresh %s: %w", id, cause), err)
	}
	r.logger().WarnContext(ctx, "token refresh failed; old tokens kept", slog.String("consentId", id),
		slog.Int("failures", failures), slog.Time("nextAttemptAt", next),
		slog.Bool("transient", oauth.IsTransient(cause)), slog.Any("err", cause))
	return fmt.Errorf("refresh %s: %w", id, cause)
}

// checkTime answers ErrNoTime when ctx's deadline leaves less than
// MinRemaining: a refresh cut short after the bank spent the refresh token
// could cost the consent its token chain.
func (r *Refresher) checkTime(ctx context.Context, id string) error {
	if r.MinRemaining <= 0 {
		return nil
	}
	if d, ok := ctx.Deadline(); ok && time.Until(d) < r.MinRemaining {
		r.logger().WarnContext(ctx, "refresh not started: too little time left", slog.String("consentId", id),
			slog.Duration("remaining", time.Until(d)))
		return fmt.Errorf("refresh %s: %w", id, ErrNoTime)
	}
	return nil
}

func (r *Refresher) release(ctx context.Context, t *consent.Tokens, failures int, next, due time.Time) error {
	err := r.Store.ReleaseLease(ctx, t.ConsentID, r.Holder, failures, next, due)
	if errors.Is(err, consent.ErrLeaseHeld) {
		return fmt.Errorf("refresh %s: lease lost: %w", t.ConsentID, ErrBusy)
	}
	return err
}
