package consent

// Index names and the TTL attribute of the table (template.yaml declares the table; dev/table
// creates it for tests and the local stack, with these names).
const (
	OwnerIndex   = "owner"
	RefreshIndex = "refresh"
	TTLAttribute = "ttl"
)

// RefreshIndexAttributes are the non-key attributes projected into the
// refresh index (projection INCLUDE). The scheduled refresher and exchange
// retrier decide from these alone which items to work on; the secrets (access
// and refresh tokens, authorization codes, PKCE verifiers) are deliberately
// not copied into the index, so they live in exactly one place and are read
// with a strongly consistent GetItem/UpdateItem under a lease.
func RefreshIndexAttributes() []string {
	return []string{"consentId", "consentOwner", "accessExpiresAt", "refreshExpiresAt",
		"leaseUntil", "failures", "nextAttemptAt", "usedAt", "attempts", "stateHash"}
}
