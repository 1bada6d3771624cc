package sandbox

import "slices"

// Kinds of Secret the bank issued.
const (
	SecretAccessToken       = "access token"                    // authorization_code and refresh_token grants
	SecretClientCredentials = "client-credentials access token" // client_credentials grant
	SecretRefreshToken      = "refresh token"
	SecretAuthorizationCode = "authorization code"
	SecretResponseSignature = "response signature" // the signature part of an x-jws-signature the bank sent
)

// Secret is one secret value the bank issued, with its kind (one of the Secret* constants).
type Secret struct {
	Kind  string
	Value string
}

// secretLog is every secret the bank issued or saw, in order; guarded by Bank.mu. It is
// never trimmed: it lives as long as the Bank. For leak tests only.
type secretLog struct {
	issued    []Secret
	verifiers []string
	seen      map[string]bool // verifiers already recorded
}

// recordLocked remembers a value the bank just minted. b.mu must be held.
func (b *Bank) recordLocked(kind, value string) {
	b.secrets.issued = append(b.secrets.issued, Secret{Kind: kind, Value: value})
}

// recordVerifierLocked remembers a PKCE code_verifier presented at the token endpoint.
// b.mu must be held.
func (b *Bank) recordVerifierLocked(v string) {
	if v == "" || b.secrets.seen[v] {
		return
	}
	if b.secrets.seen == nil {
		b.secrets.seen = map[string]bool{}
	}
	b.secrets.seen[v] = true
	b.secrets.verifiers = append(b.secrets.verifiers, v)
}

// IssuedSecrets returns every access token (every grant, client_credentials included),
// refresh token, authorization code and response signature the bank has issued since Start, in issue order,
// including those since expired, rotated away, spent or revoked. For leak tests only:
// a test checks that none of these values appears in any log line of the run.
func (b *Bank) IssuedSecrets() []Secret {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.secrets.issued)
}

// SeenVerifiers returns every distinct PKCE code_verifier a TPP presented at the token
// endpoint since Start (valid or not), in first-seen order. The bank did not issue
// them, but they are secrets of the run. For leak tests only.
func (b *Bank) SeenVerifiers() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.secrets.verifiers)
}
