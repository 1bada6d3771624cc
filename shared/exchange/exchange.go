package exchange

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/oauth"
)

// DefaultLookahead is how long before the access token expires the tokens
// are due for a scheduled refresh when Exchanger.Lookahead is zero (the
// REFRESH_LOOKAHEAD default).
const DefaultLookahead = 10 * time.Minute

// DefaultAccessLifetime is the bank's access-token lifetime (General
// specifications, "Tokens": 30 minutes), assumed when the token response
// carries no expires_in (which OB requires, docs/bank-rules.md §Token lifetimes).
const DefaultAccessLifetime = 30 * time.Minute

// DefaultStoreTimeout bounds the store writes after a successful exchange
// when Exchanger.StoreTimeout is zero (as refresh bounds its writes after a
// refresh).
const DefaultStoreTimeout = 10 * time.Second

// Exchanger completes authorization-code journeys. Its fields are the
// long-lived clients of one function instance (setup.Deps).
type Exchanger struct {
	Store  *consent.Store
	OAuth  *oauth.Client
	Now    func() time.Time
	Logger *slog.Logger
	// Lookahead: the tokens' RefreshDue is AccessExpiresAt minus Lookahead
	// (config REFRESH_LOOKAHEAD); zero means DefaultLookahead.
	Lookahead time.Duration
	// StoreTimeout bounds the store writes after the bank issued tokens
	// (retries included); zero means DefaultStoreTimeout. A caller with a
	// short deadline (the callback) sets what it keeps in reserve. The
	// writes also end before the invocation's deadline (lambdactx.Detach:
	// the deadline lambdactx.Mark recorded, else ctx's own).
	StoreTimeout time.Duration
	// KeepAlivePoint, when set (REFRESH_POLICY=ondemand: refresh.KeepAlivePoint),
	// schedules new tokens at the point it gives for their refresh token's
	// expiry, not before the access token expires, so the schedule never has
	// to move them there (a lease and a release per new consent). A function,
	// not an import: shared/refresh's tests import this package.
	KeepAlivePoint func(refreshExpiresAt time.Time) time.Time
}

// ErrNotAuthorisable: the consent is no longer one a journey may authorise
// (it is Revoked, Rejected, Expired, Failed or Consumed: see
// consent.Authorisable), so Complete stored nothing. The code is not worth
// retrying: end the session (Fail), which records nothing on such a consent.
var ErrNotAuthorisable = errors.New("exchange: consent not authorisable")

// notAuthorisable is the ErrNotAuthorisable of consent c.
func notAuthorisable(c *consent.Consent) error {
	return fmt.Errorf("exchange: consent %s is %s: %w", c.ID, c.Status, ErrNotAuthorisable)
}

// Complete exchanges code with the verifier of the claimed session s (status
// used, or exchangePending when the tokens function retries), then stores
// the tokens, marks the consent Authorised (StepUpAt set when s is a
// step-up) and the session done, all in one AuthoriseWithTokens: after a
// re-authentication the old tokens are replaced and never used again.
//
// Only a consent.Authorisable consent (AwaitingAuthorisation, Authorised,
// ReauthRequired) is completed. Its status is checked before the token
// request, so a late callback or exchange retry of a revoked (rejected,
// expired, failed, consumed) consent makes no bank call, and again by the
// store's condition on the write, in case it was revoked meanwhile. Either
// way Complete returns an error wrapping ErrNotAuthorisable, stores nothing
// and leaves the session claimed: the caller ends it (Fail).
//
// A token-endpoint failure is returned wrapped, so the caller can classify
// it with oauth.MayHaveBeenProcessed (the bank may have consumed the code:
// never send it again), Transient (otherwise, retry later with the same
// code) and oauth.IsInvalidGrant (the code is dead: call Fail). A failure
// before the token request left (reading the consent or the credentials)
// wraps ErrNotSent; Transient says whether it is worth another attempt. Any
// other error is not worth retrying with this code. Complete makes at most
// one token request.
//
// Once the bank has answered, the code is spent: the store writes run on a
// context detached from ctx's cancellation (lambdactx.Detach), so a caller's
// budget running out at that moment does not lose the tokens, and transient
// store failures are retried within that time.
func (e *Exchanger) Complete(ctx context.Context, s *consent.AuthSession, code string) error {
	var c *consent.Consent
	err := e.retryStore(ctx, s, func() (err error) {
		c, err = e.Store.GetConsent(ctx, s.ConsentID)
		return err
	})
	if err != nil {
		return fmt.Errorf("exchange: consent %s: read: %w: %w", s.ConsentID, ErrNotSent, err)
	}
	if !consent.Authorisable(c.Status) {
		return notAuthorisable(c)
	}
	// The tokens will be stored sealed: the data key is taken before the code
	// is spent, so KMS failing after the bank answered cannot lose them.
	ctx, err = e.Store.HoldSealKey(ctx)
	if err != nil {
		return fmt.Errorf("exchange: consent %s: %w: %w", s.ConsentID, ErrNotSent, err)
	}
	issued := e.now()
	// The session's redirect URI is the one its authorization URL carried; a session
	// stored without one (by an older release) gets the configured REDIRECT_URI.
	tok, err := e.OAuth.ExchangeFor(ctx, code, s.Verifier, s.RedirectURI)
	var oe *oauth.Error
	if err != nil && !errors.As(err, &oe) {
		// Every failure of a request that left is an *oauth.Error: this one
		// is the client's configuration (the credentials secret unread).
		return fmt.Errorf("exchange: consent %s: %w: %w", s.ConsentID, ErrNotSent, err)
	}
	if err != nil {
		return fmt.Errorf("exchange: consent %s: %w", s.ConsentID, err)
	}
	t := e.tokens(s, tok, issued)
	wctx, cancel := lambdactx.Detach(ctx, e.storeTimeout())
	defer cancel()
	if err := e.store(wctx, s, t); err != nil {
		if errors.Is(err, ErrNotAuthorisable) {
			e.logger().WarnContext(ctx, "tokens discarded: consent no longer authorisable", "consentId", s.ConsentID, "err", err)
			return err
		}
		e.logger().ErrorContext(ctx, "tokens obtained but not stored", "consentId", s.ConsentID, "err", err)
		return fmt.Errorf("exchange: consent %s: store tokens: %w", s.ConsentID, err)
	}
	e.logger().InfoContext(ctx, "consent authorised", "consentId", s.ConsentID, "stepUp", s.StepUp, "reauth", s.Reauth,
		"accessExpiresAt", t.AccessExpiresAt, "refreshToken", t.RefreshToken != "")
	return nil
}

// tokens builds the stored tokens of a token response issued at issued.
func (e *Exchanger) tokens(s *consent.AuthSession, tok *oauth.Token, issued time.Time) *consent.Tokens {
	t := &consent.Tokens{
		ConsentID:       s.ConsentID,
		Owner:           s.Owner,
		AccessToken:     tok.AccessToken,
		AccessExpiresAt: tok.ExpiresAt,
		Scope:           tok.Scope,
		StepUp:          s.StepUp,
	}
	if t.AccessExpiresAt.IsZero() {
		t.AccessExpiresAt = issued.Add(DefaultAccessLifetime)
	}
	// A payment consent gets no refresh token: nothing to refresh, so the
	// tokens stay out of the refresh index.
	if tok.RefreshToken != "" {
		t.RefreshToken = tok.RefreshToken
		t.RefreshExpiresAt = tok.RefreshExpiry(issued)
		t.RefreshDue = t.AccessExpiresAt.Add(-e.lookahead())
		if e.KeepAlivePoint != nil {
			if p := e.KeepAlivePoint(t.RefreshExpiresAt); p.After(t.RefreshDue) {
				t.RefreshDue = p
			}
		}
	}
	return t
}

// authorise sets the consent's state after a successful exchange
// (consent.Authorised, or consent.SteppedUp for a step-up session).
func authorise(c *consent.Consent, s *consent.AuthSession, now time.Time) error {
	what := consent.Authorised
	if s.StepUp {
		what = consent.SteppedUp
	}
	if _, err := consent.Apply(c, what, now, ""); err != nil {
		return notAuthorisable(c)
	}
	if s.Status == consent.SessionExchangePending {
		c.ResolvesPendingExchange() // the app was told "pending": this event resolves it
	}
	return nil
}

func (e *Exchanger) now() time.Time {
	if e.Now == nil {
		return time.Now()
	}
	return e.Now()
}

func (e *Exchanger) lookahead() time.Duration {
	if e.Lookahead <= 0 {
		return DefaultLookahead
	}
	return e.Lookahead
}

func (e *Exchanger) logger() *slog.Logger {
	if e.Logger == nil {
		return slog.Default()
	}
	return e.Logger
}

func (e *Exchanger) storeTimeout() time.Duration {
	if e.StoreTimeout <= 0 {
		return DefaultStoreTimeout
	}
	return e.StoreTimeout
}
