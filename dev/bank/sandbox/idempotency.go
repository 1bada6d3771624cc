package sandbox

import (
	"crypto/sha256"
	"net/http"
	"time"
)

// idemEntry remembers an idempotent POST (OB v3.1: same key within 24 h = same
// resource, answered 201 with its current state; the body must not change).
type idemEntry struct {
	bodyHash   [32]byte
	resourceID string
	created    time.Time
}

const idempotencyWindow = 24 * time.Hour

// idempotencyKeyLocked reads x-idempotency-key (mandatory, at most 40 characters).
func idempotencyKey(w http.ResponseWriter, r *http.Request) (string, bool) {
	k := r.Header.Get("x-idempotency-key")
	switch {
	case k == "":
		writeOBError(w, r, 0, obErr("UK.OBIE.Header.Missing", "x-idempotency-key is required", "x-idempotency-key"))
		return "", false
	case len(k) > 40:
		writeOBError(w, r, 0, obErr("UK.OBIE.Header.Invalid", "x-idempotency-key must be at most 40 characters", "x-idempotency-key"))
		return "", false
	}
	return k, true
}

// replayLocked returns the resource id of an earlier POST with the same key and body.
// A different body under the same key is refused with 400 UK.OBIE.Field.Invalid
// (path x-idempotency-key).
func (b *Bank) replayLocked(w http.ResponseWriter, r *http.Request, key string, body []byte) (id string, done bool) {
	e, ok := b.st.idem[r.URL.Path+"|"+key]
	if !ok || b.nowLocked().Sub(e.created) > idempotencyWindow {
		return "", false
	}
	if e.bodyHash != sha256.Sum256(body) {
		writeOBError(w, r, 0, obErr("UK.OBIE.Field.Invalid", "x-idempotency-key was already used with a different body", "x-idempotency-key"))
		return "", true
	}
	return e.resourceID, false
}

func (b *Bank) rememberLocked(r *http.Request, key string, body []byte, id string) {
	b.st.idem[r.URL.Path+"|"+key] = &idemEntry{bodyHash: sha256.Sum256(body), resourceID: id, created: b.nowLocked()}
}

// signedIdempotentBodyLocked does what every PIS POST needs before its own checks: the
// idempotency key, the body, the detached JWS over the exact body bytes, and the replay
// of an earlier POST with the same key and body, which replay answers (with the id of
// the resource it made). ok is false when the request has been answered.
func (b *Bank) signedIdempotentBodyLocked(w http.ResponseWriter, r *http.Request, v any, replay func(id string)) (key string, body []byte, ok bool) {
	if key, ok = idempotencyKey(w, r); !ok {
		return "", nil, false
	}
	if body, ok = readJSON(w, r, v); !ok {
		return "", nil, false
	}
	if e := b.verifier().verify(r.Header.Get("x-jws-signature"), body, b.nowLocked()); e != nil {
		writeOBError(w, r, 0, e)
		return "", nil, false
	}
	if id, done := b.replayLocked(w, r, key, body); done {
		return "", nil, false
	} else if id != "" {
		replay(id)
		return "", nil, false
	}
	return key, body, true
}

func (b *Bank) verifier() *jwsVerifier {
	return &jwsVerifier{key: &b.mat.signingKey.PublicKey, kid: b.mat.SigningKeyID, iss: b.mat.OrganisationID + "/" + b.mat.SoftwareStatementID}
}
