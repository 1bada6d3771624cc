package authflow

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/consent"

	"github.com/coop-ob/connector/shared/ascii"
)

// JourneysPath is the connector's public journey route, GET /journeys/{ref}, served on the
// host of the redirect URI: the cookie it sets must reach /callback.
const JourneysPath = "/journeys/"

// Journey is a started authorization journey.
type Journey struct {
	// URL is the connector's journey link (the app's authorizationUrl): opened, it binds
	// the journey to that browser and redirects to BankURL.
	URL string
	// BankURL is the bank's authorization URL (bankAuthorizationUrl), built as the bank's
	// parameter rules require; a browser sent there directly is not bound.
	BankURL   string
	ExpiresAt time.Time
	// Ref is the journey link's reference (the state is derived from it, never the other way).
	Ref string
}

// ErrUnknownJourney: a journey reference that is malformed or names no journey that can be
// opened (unknown, or a session stored by an older release, which has no link).
var ErrUnknownJourney = errors.New("authflow: unknown journey")

// refSyntax is a journey reference: 32 random bytes, base64url without padding.
var refSyntax = ascii.Rule{Min: 43, Max: 43, Extra: "_-"} // ^[A-Za-z0-9_-]{43}$

// newRef returns a fresh journey reference: 32 bytes from crypto/rand.
func newRef() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// StateOf returns the OAuth state of the journey whose link carries ref: the SHA-256 of a
// label and ref, base64url (43 characters, like a random state). Knowing the state (it is
// in the bank's URL and the callback URL) does not give the reference, so a leaked
// callback URL cannot open the journey; the table stores neither, only the state's hash.
func StateOf(ref string) string {
	sum := sha256.Sum256([]byte("coop-ob-connector journey state\x00" + ref))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// JourneyURL is the journey link for ref on the redirect URI's scheme and host: the
// redirect URI with its last path segment (callback) replaced by journeys/<ref>.
func JourneyURL(redirectURI, ref string) (string, error) {
	u, err := url.Parse(redirectURI)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return "", fmt.Errorf("authflow: redirect URI %q is not an absolute URL", redirectURI)
	}
	dir := path.Dir(u.Path)
	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	j := url.URL{Scheme: u.Scheme, Host: u.Host, Path: dir + strings.TrimPrefix(JourneysPath, "/") + ref}
	return j.String(), nil
}

// Open finds the pending journey whose link carries ref and rebuilds its bank URL from the
// stored consent and session (the same parameters Begin built it from, so the same URL):
// the callback function's GET /journeys/{ref} sends the browser there. It returns the state
// hash (the session's key) too. ErrUnknownJourney for a malformed or unknown reference;
// consent.ErrSessionExpired and consent.ErrSessionUsed as GetAuthSession and the session's
// status say; other errors are the store's or the credentials'.
func (s *Starter) Open(ctx context.Context, ref string) (sess *consent.AuthSession, bankURL string, err error) {
	if !refSyntax.MatchString(ref) {
		return nil, "", ErrUnknownJourney
	}
	state := StateOf(ref)
	sess, err = s.Store.GetAuthSession(ctx, consent.HashState(state))
	switch {
	case errors.Is(err, consent.ErrNotFound):
		return nil, "", ErrUnknownJourney
	case err != nil:
		return nil, "", err
	case sess.Challenge == "":
		return nil, "", ErrUnknownJourney // an older release's session: it has no link
	case sess.Status != consent.SessionPending:
		return nil, "", consent.ErrSessionUsed
	}
	c, err := s.Store.GetConsent(ctx, sess.ConsentID)
	if err != nil {
		return nil, "", fmt.Errorf("authflow: journey of consent %s: %w", sess.ConsentID, err)
	}
	creds, err := s.Credentials.Get(ctx)
	if err != nil {
		return nil, "", fmt.Errorf("authflow: consent %s: credentials: %w", c.ID, err)
	}
	bankURL, err = s.bankURL(c, sess.StepUp, creds.ClientID, sess.RedirectURI, state, sess.Challenge)
	if err != nil {
		return nil, "", fmt.Errorf("authflow: consent %s: %w", c.ID, err)
	}
	return sess, bankURL, nil
}

// bankURL builds the brand's authorization URL for c (Params) with the journey's client id,
// redirect URI, state and PKCE challenge: Begin and Open both build it here.
func (s *Starter) bankURL(c *consent.Consent, stepUp bool, clientID, redirect, state, challenge string) (string, error) {
	endpoint := s.Config.AuthURL(c.Brand)
	if endpoint == "" {
		return "", &authurl.RuleError{Param: authurl.ParamLoginHint, Rule: "must be coop or smile"}
	}
	p := Params(c, stepUp)
	p.ClientID, p.RedirectURI, p.State, p.CodeChallenge = clientID, redirect, state, challenge
	p.Values = authurl.Values(s.Config.AuthURLValues) // AUTH_URL_VALUES
	return authurl.Build(endpoint, p)
}
