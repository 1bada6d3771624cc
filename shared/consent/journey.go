package consent

import "context"

// OpenAuthSession records that a browser opened the journey link of a pending session:
// browserHash (the SHA-256 of the cookie it was given) and the time, in ONE conditional
// update (exists AND pending AND unexpired AND no browser yet), so that of two browsers
// opening the same link only the first is the journey's. It returns the session as
// written. A failed condition is read back: ErrNotFound, ErrSessionExpired,
// ErrSessionUsed (no longer pending), or ErrSessionOpened with the session (whose
// BrowserHash is the first browser's; this very call's own write, retried by the SDK
// after a lost answer, is returned without error).
func (s *Store) OpenAuthSession(ctx context.Context, stateHash, browserHash string) (*AuthSession, error) {
	now := s.Now()
	e := newExpr()
	cond := "attribute_exists(pk) AND " + e.n("status") + " = " + e.v(str(SessionPending)) +
		" AND " + e.n("ttl") + " > " + e.v(num(now.Unix())) + " AND attribute_not_exists(" + e.n("browserHash") + ")"
	e.set("browserHash", str(browserHash))
	e.set("openedAt", str(now.UTC().Format(timeLayout)))
	a, current, err := s.takeSession(ctx, stateHash, "open", e, cond)
	switch {
	case current == nil:
		return a, err
	case !now.Before(current.TTL):
		return nil, ErrSessionExpired
	case current.Status != SessionPending:
		return nil, ErrSessionUsed
	case current.BrowserHash == browserHash:
		return current, nil
	}
	return current, ErrSessionOpened
}
