package createonce

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/obconsent"
)

// ClaimFor is how long a claimed key counts as being worked on by the
// request that claimed it: the consents function's timeout (template.yaml,
// 15 s), so that request has certainly stopped when it ends. A retry with the
// same request may then take over a key that was neither finished nor released.
const ClaimFor = 15 * time.Second

// Store is the part of *consent.Store that keeps the key records.
type Store interface {
	ClaimCreateKey(ctx context.Context, k *consent.CreateKey, claim time.Duration) (*consent.CreateKey, error)
	FinishCreateKey(ctx context.Context, k *consent.CreateKey, consentID string) error
	ReleaseCreateKey(ctx context.Context, k *consent.CreateKey) error
}

// Keys claims, finishes and releases Idempotency-Keys.
type Keys struct {
	Store  Store
	Logger *slog.Logger
	Now    func() time.Time
	// NewClaim returns a fresh claim id (a UUID).
	NewClaim func() string
	// ReleaseTimeout bounds a release, which runs even when the request's
	// own deadline has passed.
	ReleaseTimeout time.Duration
}

// Outcome is what Claim found for a key.
type Outcome int

const (
	// Claimed: this request holds the key; create the consent, then Finish or Release.
	Claimed Outcome = iota + 1
	// InProgress: another request holds the key and may still be creating its consent.
	InProgress
	// Mismatch: the key was used for a different request.
	Mismatch
	// Done: the key's consent was created (Claim.ConsentID).
	Done
)

// Claim is the result of Keys.Claim.
type Claim struct {
	Outcome Outcome
	// Key is the claim to Finish or Release (Claimed).
	Key *consent.CreateKey
	// Held is the record that holds the key (InProgress, Mismatch, Done); nil
	// for InProgress when the key changed hands twice while we tried.
	Held *consent.CreateKey
	// RetryAfter is how long the holder's claim still runs (InProgress).
	RetryAfter time.Duration
	// ConsentID is the key's consent (Done).
	ConsentID string
}

// RequestHash identifies what a key was used for: the SHA-256 of the decoded
// request re-encoded, so spacing and field order do not count but every
// value does.
func RequestHash(r *obconsent.Request) string {
	b, _ := json.Marshal(r) // cannot fail: strings, ints, slices and structs of them
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Claim claims owner's key for request r, or says who holds it.
func (k *Keys) Claim(ctx context.Context, owner, key string, r *obconsent.Request) (Claim, error) {
	ck := &consent.CreateKey{KeyHash: consent.HashCreateKey(owner, key), Owner: owner, RequestHash: RequestHash(r), Claim: k.NewClaim()}
	for range 2 {
		held, err := k.Store.ClaimCreateKey(ctx, ck, ClaimFor)
		switch {
		case err == nil:
			return Claim{Outcome: Claimed, Key: ck}, nil
		case !errors.Is(err, consent.ErrConflict):
			return Claim{}, err
		case held != nil:
			return k.held(ck, held), nil
		}
		// The holder released the key between our write and read: claim it again.
	}
	return Claim{Outcome: InProgress, RetryAfter: time.Second}, nil
}

// held says what the record held means for the request that wanted ck.
func (k *Keys) held(ck, held *consent.CreateKey) Claim {
	switch {
	case held.RequestHash != ck.RequestHash:
		return Claim{Outcome: Mismatch, Held: held}
	case held.State != consent.CreateKeyDone:
		return Claim{Outcome: InProgress, Held: held, RetryAfter: held.ClaimUntil.Sub(k.Now())}
	}
	return Claim{Outcome: Done, Held: held, ConsentID: held.ConsentID}
}

// Release frees a claimed key after a failure that left no consent
// stored, so that a retry with the same key can create it. It runs even
// when ctx is done; if it fails, the key frees itself when its claim ends
// (ClaimFor). A nil ck (no key) is a no-op.
func (k *Keys) Release(ctx context.Context, ck *consent.CreateKey) {
	if ck == nil {
		return
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), k.ReleaseTimeout)
	defer cancel()
	if err := k.Store.ReleaseCreateKey(rctx, ck); err != nil {
		k.Logger.ErrorContext(ctx, "idempotency key not released; it frees itself when its claim ends", "err", err)
	}
}

// Finish records the consent created under a claimed key. If that fails
// the consent stands and this request still answers it; a retry with the
// same key after the claim ends would create another consent (logged).
// A nil ck (no key) is a no-op.
func (k *Keys) Finish(ctx context.Context, ck *consent.CreateKey, consentID string) {
	if ck == nil {
		return
	}
	if err := k.Store.FinishCreateKey(ctx, ck, consentID); err != nil {
		k.Logger.ErrorContext(ctx, "idempotency key not recorded as done", "consentId", consentID, "err", err)
	}
}
