package sandbox

import (
	"errors"
	"time"
)

// ErrNotFound is returned by scenario methods for an unknown consent or account.
var ErrNotFound = errors.New("bank: not found")

// RevokeTokens revokes every token of a consent at the bank; the consent stays
// Authorised. Resource calls then get 403 UK.OBIE.Reauthenticate, refreshes
// invalid_grant; a new journey on the same consent issues working tokens.
func (b *Bank) RevokeTokens(consentID string) error {
	return b.withConsent(consentID, func(c *consent, _ time.Time) { b.st.revokeGrants(c.ID, "admin") })
}

// RejectConsent sets the consent to Rejected: 400 UK.OBIE.Resource.InvalidConsentStatus.
func (b *Bank) RejectConsent(consentID string) error {
	return b.withConsent(consentID, func(c *consent, now time.Time) { c.setStatus(statusRejected, now) })
}

// ExpireConsent makes the consent expired now: 400 UK.OBIE.Resource.InvalidConsentStatus.
func (b *Bank) ExpireConsent(consentID string) error {
	return b.withConsent(consentID, func(c *consent, now time.Time) {
		c.expiredByAdmin = true
		c.StatusUpdated = now
	})
}

// CloseAccount closes an account: 400 UK.OBIE.Resource.NotFound, message
// AccountPermanentlyUnavailable, for every call that touches it.
func (b *Bank) CloseAccount(accountID string) error { return b.setAccountStatus(accountID, "closed") }

// BarAccount bars an account: 400 UK.OBIE.Resource.NotFound, message
// AccountTemporarilyUnavailable.
func (b *Bank) BarAccount(accountID string) error { return b.setAccountStatus(accountID, "barred") }

// ReopenAccount undoes CloseAccount and BarAccount.
func (b *Bank) ReopenAccount(accountID string) error { return b.setAccountStatus(accountID, "") }

func (b *Bank) setAccountStatus(id, status string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	a, ok := b.st.accounts[id]
	if !ok {
		return ErrNotFound
	}
	a.status = status
	return nil
}

func (b *Bank) withConsent(id string, f func(*consent, time.Time)) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	c, ok := b.st.consents[id]
	if !ok {
		return ErrNotFound
	}
	f(c, b.nowLocked())
	return nil
}

// ConsentInfo is the bank's view of a consent, for tests and the admin API.
type ConsentInfo struct {
	ID          string
	Kind        string // ais, DP, DSP, DSO or cbpii
	Status      string
	Expired     bool
	PSU         string
	Accounts    []string
	Permissions []string
	// LiveGrants counts authorisations whose tokens still work; StepUp is true when
	// the newest live one carries step-up.
	LiveGrants int
	StepUp     bool
}

// Consent returns the bank's view of a consent.
func (b *Bank) Consent(id string) (ConsentInfo, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	c, ok := b.st.consents[id]
	if !ok {
		return ConsentInfo{}, ErrNotFound
	}
	now := b.nowLocked()
	info := ConsentInfo{ID: c.ID, Kind: string(c.Kind), Status: c.displayStatus(now), Expired: c.expired(now),
		PSU: c.PSU, Accounts: append([]string(nil), c.Accounts...), Permissions: append([]string(nil), c.Permissions...)}
	for _, g := range b.st.grants {
		if g.consentID == id && g.revoked == "" {
			info.LiveGrants++
			info.StepUp = g.stepUp
		}
	}
	return info, nil
}
