package setup

import (
	"context"
	"time"
)

// prefetchTimeout bounds PrefetchCredentials' read of the secret.
const prefetchTimeout = 5 * time.Second

// PrefetchCredentials starts reading the credentials secret in the background and returns at
// once. A function whose first request always needs the secret (the proxy's bank calls, the
// tokens run's certificate check) calls it at cold start, so the read overlaps the rest of
// the init and the first request's store reads instead of following them: the first request
// that asks for the credentials waits for this read (credentials.Source serialises its
// loads) rather than starting another. A failed read is not cached: that request reads again.
func (d *Deps) PrefetchCredentials() {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), prefetchTimeout)
		defer cancel()
		_, _ = d.Credentials.Get(ctx)
	}()
}
