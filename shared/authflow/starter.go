package authflow

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/credentials"
)

// DefaultSessionTTL is used when Config.AuthSessionTTL is zero (AUTH_SESSION_TTL's default).
const DefaultSessionTTL = 10 * time.Minute

// Starter starts authorization journeys. Build one per cold start.
type Starter struct {
	Store       *consent.Store
	Credentials credentials.Provider // for the client id
	Config      config.Config        // RedirectURI (else derived: see RedirectURI), AuthSessionTTL, the brands' auth URLs
	Now         func() time.Time     // time.Now when nil
}

// Start is Begin returning only the bank's authorization URL and the session's expiry.
func (s *Starter) Start(ctx context.Context, c *consent.Consent, stepUp bool) (authorizationURL string, expiresAt time.Time, err error) {
	j, err := s.Begin(ctx, c, stepUp)
	return j.BankURL, j.ExpiresAt, err
}

// Begin makes a new journey reference, its state (StateOf) and a PKCE pair, stores the auth
// session for c (TTL Config.AuthSessionTTL; Reauth when c is already Authorised or
// ReauthRequired; StepUp as asked; bound to the browser that opens the journey link unless c
// is Unbound) and returns the journey: its link on the redirect URI's host, the brand's
// authorization URL and the session's expiry. The bank's URL is built from the stored
// consent: scope from c.Type, display = c.ID, login_hint = c.Brand, redirect_uri from
// RedirectURI(ctx, Config.RedirectURI) (stored in the session), and for payments jrn_typ =
// c.Journey with ben_name and amount (DP, DSP) and pymt_dt (DSP) from c.BenName, c.Amount
// and c.PaymentDate.
//
// Errors: ErrNotAuthorisable and ErrStepUpNotAllowed (see Check), a
// *authurl.RuleError when the stored consent cannot make a valid URL (for
// example a malformed id), or a wrapped credentials or store error. Nothing
// is stored when an error is returned, except after a store failure.
func (s *Starter) Begin(ctx context.Context, c *consent.Consent, stepUp bool) (Journey, error) {
	if c == nil {
		return Journey{}, errors.New("authflow: no consent")
	}
	now := s.now()
	if err := Check(c, stepUp, now); err != nil {
		return Journey{}, err
	}
	if s.Config.AuthURL(c.Brand) == "" {
		return Journey{}, &authurl.RuleError{Param: authurl.ParamLoginHint, Rule: "must be coop or smile"}
	}
	creds, err := s.Credentials.Get(ctx)
	if err != nil {
		return Journey{}, fmt.Errorf("authflow: consent %s: credentials: %w", c.ID, err)
	}
	ref, err := newRef()
	if err != nil {
		return Journey{}, fmt.Errorf("authflow: journey reference: %w", err)
	}
	state := StateOf(ref)
	redirect, err := RedirectURI(ctx, s.Config.RedirectURI)
	if err != nil {
		return Journey{}, fmt.Errorf("authflow: consent %s: %w", c.ID, err)
	}
	verifier, challenge := authurl.NewPKCE()
	// Build before storing: a consent that cannot make a valid URL leaves no session behind.
	u, err := s.bankURL(c, stepUp, creds.ClientID, redirect, state, challenge)
	if err != nil {
		return Journey{}, fmt.Errorf("authflow: consent %s: %w", c.ID, err)
	}
	link, err := JourneyURL(redirect, ref)
	if err != nil {
		return Journey{}, fmt.Errorf("authflow: consent %s: %w", c.ID, err)
	}
	ttl := s.Config.AuthSessionTTL
	if ttl <= 0 {
		ttl = DefaultSessionTTL
	}
	sess := &consent.AuthSession{
		StateHash: consent.HashState(state), ConsentID: c.ID, Owner: c.Owner, Brand: c.Brand,
		Verifier: verifier, StepUp: stepUp,
		Reauth:      c.Status == consent.StatusAuthorised || c.Status == consent.StatusReauthRequired,
		RedirectURI: redirect, CreatedAt: now,
		// Whole seconds: the table keeps the TTL as epoch seconds, and expiresAt must match it.
		TTL:  now.Add(ttl).Truncate(time.Second),
		Bind: !c.Unbound, Challenge: challenge,
	}
	if err := s.Store.CreateAuthSession(ctx, sess); err != nil {
		return Journey{}, fmt.Errorf("authflow: consent %s: %w", c.ID, err)
	}
	return Journey{URL: link, BankURL: u, ExpiresAt: sess.TTL, Ref: ref}, nil
}

// Params returns the consent's part of the authorization parameters (scope,
// login_hint, display, stepUp and the payment parameters of its journey);
// the caller adds client id, redirect URI, state and challenge. Payment
// values are taken only where the bank's page requires them: ben_name and
// amount for DP and DSP, pymt_dt for DSP, none for DSO.
func Params(c *consent.Consent, stepUp bool) authurl.Params {
	p := authurl.Params{
		Scope: authurl.ScopeFor(c.Type), LoginHint: c.Brand, ConsentID: c.ID, StepUp: stepUp,
	}
	if c.Type != TypePayments {
		return p
	}
	p.Journey = c.Journey
	switch c.Journey {
	case authurl.JourneyScheduled:
		p.PaymentDate = c.PaymentDate
		fallthrough
	case authurl.JourneyDomestic:
		p.BenName, p.Amount = c.BenName, c.Amount
	}
	return p
}

func (s *Starter) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}
