package mtls

import "time"

// SetPreconnectMaxAge sets preconnectMaxAge for a test and returns the restore.
func SetPreconnectMaxAge(d time.Duration) func() {
	old := preconnectMaxAge
	preconnectMaxAge = d
	return func() { preconnectMaxAge = old }
}
