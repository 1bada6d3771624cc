package consent

import (
	"errors"
	"fmt"
)

// Sentinel errors for the expected outcomes of store calls. Match them with
// errors.Is.
var (
	// ErrNotFound: the item does not exist (or, for GetConsentForOwner, belongs to another caller).
	ErrNotFound = errors.New("consent: not found")
	// ErrNoSealer: an item holds a sealed value and the store has no Sealer to open it.
	ErrNoSealer = errors.New("consent: sealed value and no sealer")
	// ErrConflict: the item already exists, or its version changed since it was read.
	ErrConflict = errors.New("consent: conflict")
	// ErrLeaseHeld: another worker holds an unexpired refresh or exchange lease.
	ErrLeaseHeld = errors.New("consent: lease held by another worker")
	// ErrSessionUsed: the auth session was already claimed (a replayed or concurrent callback).
	ErrSessionUsed = errors.New("consent: auth session already used")
	// ErrSessionExpired: the auth session's TTL has passed, whether or not DynamoDB has reaped it yet.
	ErrSessionExpired = errors.New("consent: auth session expired")
	// ErrSessionOpened: the journey link was already opened in a browser (OpenAuthSession);
	// the session returned with it says which (BrowserHash).
	ErrSessionOpened = errors.New("consent: journey link already opened")
)

// ConflictError describes a failed conditional write. It unwraps to ErrConflict.
type ConflictError struct {
	Kind   string // consent, tokens, payment, session
	ID     string // consent id, payment key or state hash
	Reason string // "exists" or "version"
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("consent: %s %s: conflict (%s)", e.Kind, e.ID, e.Reason)
}

// Unwrap makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Unwrap() error { return ErrConflict }
