package sandbox

import (
	"encoding/json"
	"time"
)

// kind is what a consent is for.
type kind string

const (
	kindAIS   kind = "ais"
	kindDP    kind = "DP"
	kindDSP   kind = "DSP"
	kindDSO   kind = "DSO"
	kindCBPII kind = "cbpii"
)

func (k kind) isPayment() bool { return k == kindDP || k == kindDSP || k == kindDSO }

// scope is the OAuth scope of the consent's API.
func (k kind) scope() string {
	switch k {
	case kindAIS:
		return "accounts"
	case kindCBPII:
		return "fundsconfirmations"
	default:
		return "payments"
	}
}

// Consent statuses (OB v3.1).
const (
	statusAwaiting   = "AwaitingAuthorisation"
	statusAuthorised = "Authorised"
	statusRejected   = "Rejected"
	statusConsumed   = "Consumed"
	statusRevoked    = "Revoked"
)

// consent is an AIS, PIS or CBPII consent as the bank keeps it.
type consent struct {
	ID            string
	Kind          kind
	ClientID      string
	Status        string
	Created       time.Time
	StatusUpdated time.Time

	// AIS
	Permissions    []string
	TxFrom, TxTo   *time.Time
	TxFromRaw      string
	TxToRaw        string
	Expiration     *time.Time // AIS and CBPII
	ExpirationRaw  string
	deletedByTPP   bool
	expiredByAdmin bool

	// PIS: the exact Initiation and Risk as sent, and what the bank reads from them.
	Initiation json.RawMessage
	Risk       json.RawMessage
	Permission string
	pay        initiation

	// PIS (optional) and CBPII: the TPP-supplied debtor account.
	Debtor *accountRef

	// After authorisation.
	PSU      string
	Accounts []string
}

// accountRef is OBCashAccount (scheme, identification, name).
type accountRef struct {
	SchemeName              string `json:"SchemeName"`
	Identification          string `json:"Identification"`
	Name                    string `json:"Name,omitempty"`
	SecondaryIdentification string `json:"SecondaryIdentification,omitempty"`
}

func (c *consent) setStatus(s string, now time.Time) {
	c.Status = s
	c.StatusUpdated = now
}

// expired reports whether the consent's ExpirationDateTime has passed on the bank clock.
func (c *consent) expired(now time.Time) bool {
	return c.expiredByAdmin || (c.Expiration != nil && !now.Before(*c.Expiration))
}

// usable is nil when resources may be served under the consent, else the bank's error.
func (c *consent) usable(now time.Time) *obError {
	if c.Status != statusAuthorised || c.deletedByTPP || c.expired(now) {
		return obErr("UK.OBIE.Resource.InvalidConsentStatus", "consent "+c.ID+" is not authorised (status "+c.displayStatus(now)+")", "")
	}
	return nil
}

// displayStatus is the status a reader sees.
func (c *consent) displayStatus(now time.Time) string {
	if c.deletedByTPP {
		return statusRevoked
	}
	return c.Status
}

// grant is one successful authorisation of a consent: its codes, access tokens and
// refresh tokens. Re-authorising the consent revokes the previous grants.
type grant struct {
	id        string
	consentID string
	stepUp    bool
	// revoked: "reauth" (superseded; 401), "admin" (RevokeTokens; 403 Reauthenticate),
	// "reuse" (a spent one-time refresh token was presented; 401), "deleted" (consent deleted).
	revoked string
	scope   string
}

type authCode struct {
	value         string
	clientID      string
	redirectURI   string
	codeChallenge string
	expires       time.Time
	used          bool
	grant         *grant
}

type accessToken struct {
	scope   string
	certFP  string
	expires time.Time
	grant   *grant // nil for client credentials
}

type refreshToken struct {
	expires time.Time
	spent   bool
	grant   *grant
}

// state is the bank's in-memory store; every field is guarded by Bank.mu.
type state struct {
	consents map[string]*consent
	codes    map[string]*authCode
	access   map[string]*accessToken
	refresh  map[string]*refreshToken
	grants   []*grant
	journeys map[string]*journey
	payments []*PaymentRecord
	idem     map[string]*idemEntry
	accounts map[string]*account
	accOrder []string
}

func newState(now time.Time) *state {
	s := &state{
		consents: map[string]*consent{},
		codes:    map[string]*authCode{},
		access:   map[string]*accessToken{},
		refresh:  map[string]*refreshToken{},
		journeys: map[string]*journey{},
		idem:     map[string]*idemEntry{},
	}
	s.accounts, s.accOrder = sandboxAccounts(now)
	return s
}

// revokeGrants revokes every live grant of a consent.
func (s *state) revokeGrants(consentID, reason string) {
	for _, g := range s.grants {
		if g.consentID == consentID && g.revoked == "" {
			g.revoked = reason
		}
	}
}
