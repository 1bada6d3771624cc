package refresh

import (
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/oauth"
)

// apply returns t with the refresh response's values (docs/bank-rules.md §Refresh tokens:
// replace the refresh token if rotated, else keep it and its expiry).
func (r *Refresher) apply(t *consent.Tokens, tok *oauth.Token, issuedAt time.Time) *consent.Tokens {
	n := *t
	n.AccessToken = tok.AccessToken
	n.AccessExpiresAt = tok.ExpiresAt
	if n.AccessExpiresAt.IsZero() {
		n.AccessExpiresAt = issuedAt.Add(DefaultAccessLifetime)
	}
	switch {
	case tok.RefreshToken != "" && tok.RefreshToken != t.RefreshToken:
		n.RefreshToken = tok.RefreshToken
		n.RefreshExpiresAt = tok.RefreshExpiry(issuedAt)
	case !tok.RefreshExpiresAt.IsZero():
		n.RefreshExpiresAt = tok.RefreshExpiresAt
	}
	if tok.Scope != "" {
		n.Scope = tok.Scope
	}
	n.RefreshDue = n.AccessExpiresAt.Add(-r.Lookahead)
	if !n.RefreshExpiresAt.IsZero() && n.RefreshExpiresAt.Before(n.RefreshDue) {
		n.RefreshDue = n.RefreshExpiresAt // then marked Expired on time, without a bank call
	}
	return &n
}
