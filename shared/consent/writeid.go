package consent

import (
	"crypto/rand"
	"encoding/hex"
)

// writeID returns a random id a conditional write stores with its change (a lease, a session
// claim or end), so that the same call, when the SDK retries an attempt whose answer was lost
// and meets its own write, can tell it from another caller's. It is not Store.NewKey: ids that
// tell callers apart must never be made predictable by a test's key generator.
func writeID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
