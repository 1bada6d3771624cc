package exchange

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/internal/conflict"
	"github.com/coop-ob/connector/shared/oauth"
)

// DefaultLookahead is how long before the access token expires the tokens
// are due for a scheduled refresh when Exchanger.Lookahead is zero (the
// REFRESH_LOOKAHEAD default).
const DefaultLookahead = 10 * time.Minute

// DefaultAccessLifetime is the bank's access-token lifetime (General
// specifications, "Tokens": 30 minutes), assumed when the token response
// carries no expires_in (which OB requires, ob-reference §3.3).
const DefaultAccessLifetime = 30 * time.Minute

// BankStatusAuthorised is the bank's consent status once a PSU authorised it
// and its code was exchanged (OB v3.1 consent status).
const BankStatusAuthorised = "Authorised"

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
}

// Complete exchanges code with the verifier of the claimed session s (status
// used, or exchangePending when the tokens function retries), then stores
// the tokens, marks the consent Authorised (StepUpAt set when s is a
// step-up) and the session done, all in one AuthoriseWithTokens: after a
// re-authentication the old tokens are replaced and never used again.
//
// A token-endpoint failure is returned wrapped, so the caller can classify
// it with oauth.IsTransient (retry later with the same code) and
// oauth.IsInvalidGrant (the code is dead: call Fail). Any other error is not
// worth retrying with this code. Complete makes exactly one token request.
func (e *Exchanger) Complete(ctx context.Context, s *consent.AuthSession, code string) error {
	issued := e.now()
	tok, err := e.OAuth.Exchange(ctx, code, s.Verifier)
	if err != nil {
		return fmt.Errorf("exchange: consent %s: %w", s.ConsentID, err)
	}
	t := e.tokens(s, tok, issued)
	// From here the code is spent at the bank: every failure below loses
	// the tokens, so the store write gets the attention, not a new exchange.
	err = conflict.Retry(func() error {
		c, err := e.Store.GetConsent(ctx, s.ConsentID)
		if err != nil {
			return err
		}
		authorise(c, s, e.now())
		t.Owner = c.Owner
		return e.Store.AuthoriseWithTokens(ctx, c, t, s.StateHash)
	})
	if err != nil {
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
	}
	return t
}

// authorise sets the consent's state after a successful exchange.
func authorise(c *consent.Consent, s *consent.AuthSession, now time.Time) {
	c.Status = consent.StatusAuthorised
	c.BankStatus = BankStatusAuthorised
	c.LastError = ""
	if s.StepUp {
		c.StepUpAt = now
	}
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
