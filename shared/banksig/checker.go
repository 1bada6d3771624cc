// Package banksig checks the x-jws-signature the bank puts on the answers of
// its PIS API (OB Read/Write v3.1 "Message Signing"; docs/bank-rules.md
// §Signed responses), as PIS_SIGNATURE says: verify (a missing or bad
// signature makes the answer unusable), log (it is logged and the answer
// used) or off (no Checker is installed). The bank's keys come from the
// credentials secret, inline or as the URL of its JWKS, fetched and cached.
package banksig

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/jws"
)

// Checker is a bankapi.AnswerCheck. Build one per cold start; it is safe for
// concurrent use.
type Checker struct {
	Verify      bool // PIS_SIGNATURE=verify; false logs failures and lets answers through
	Credentials credentials.Provider
	HTTP        *http.Client // fetches a JWKS URL (public TLS); its timeout bounds the fetch
	Logger      *slog.Logger
	Now         func() time.Time
	// CacheTTL is how long a fetched JWKS is used (0: DefaultCacheTTL). A kid it
	// does not hold makes one early refetch, at most every MinRefetch.
	CacheTTL time.Duration

	mu      sync.Mutex
	fetched map[string]fetched // by URL
}

// DefaultCacheTTL and MinRefetch bound the fetches of a JWKS URL.
const (
	DefaultCacheTTL = time.Hour
	MinRefetch      = time.Minute
)

// New returns the Checker PIS_SIGNATURE asks for, or nil for off.
func New(mode string, creds credentials.Provider, hc *http.Client, logger *slog.Logger, now func() time.Time) *Checker {
	if mode == config.PISSignatureOff {
		return nil
	}
	return &Checker{Verify: mode == config.PISSignatureVerify, Credentials: creds, HTTP: hc, Logger: logger, Now: now}
}

// ErrNoKeys: the credentials secret names no bank keys (bankJwks).
var ErrNoKeys = errors.New("banksig: no bank signing keys (bankJwks) in the credentials secret")

// CheckAnswer verifies a's signature. Under verify a failure is returned (the
// client makes the answer unusable); under log it is logged and nil returned.
// Logs name the rule and the interaction id, never a signature or a body.
func (c *Checker) CheckAnswer(ctx context.Context, a bankapi.Answer) error {
	err := c.verify(ctx, a)
	if err == nil {
		return nil
	}
	msg := "bank signature not verified; answer used (PIS_SIGNATURE=log)"
	if c.Verify {
		msg = "bank signature not verified; answer refused (PIS_SIGNATURE=verify)"
	}
	c.Logger.WarnContext(ctx, msg, "rule", rule(err), "method", a.Method, "status", a.Status, "interactionId", a.InteractionID)
	if c.Verify {
		return err
	}
	return nil
}

func (c *Checker) verify(ctx context.Context, a bankapi.Answer) error {
	creds, err := c.Credentials.Get(ctx)
	if err != nil {
		return err
	}
	keys, fromURL := creds.BankKeys, creds.BankJWKSURL != ""
	if fromURL {
		if keys, err = c.jwks(ctx, creds.BankJWKSURL, false); err != nil {
			return err
		}
	}
	if keys == nil {
		return ErrNoKeys
	}
	expect := jws.Expect{Keys: keys, Issuer: creds.BankOrganisationID, Now: c.now()}
	err = jws.Verify(a.Signature, a.Body, expect)
	var ve *jws.VerifyError
	if fromURL && errors.As(err, &ve) && ve.Rule == jws.RuleUnknownKid {
		// A key the bank added since the JWKS was fetched: fetch it again (at most every MinRefetch).
		if expect.Keys, err = c.jwks(ctx, creds.BankJWKSURL, true); err != nil {
			return err
		}
		err = jws.Verify(a.Signature, a.Body, expect)
	}
	return err
}

// rule names what failed, for the log: a jws rule, or the cause's kind.
func rule(err error) string {
	var ve *jws.VerifyError
	switch {
	case errors.As(err, &ve):
		return ve.Rule
	case errors.Is(err, ErrNoKeys):
		return "no bank keys configured"
	case errors.Is(err, errJWKS):
		return err.Error()
	default:
		return "credentials unavailable"
	}
}

func (c *Checker) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}
