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

// PreconnectBank starts the bank client's first connection to the API host (BANK_API_BASE_URL)
// in the background, the credentials read and the mutual-TLS handshake included, and returns at
// once (mtls.NewPreconnectingClient). A function whose first request almost always calls the
// bank (the proxy) calls it at cold start: the handshake overlaps the rest of the init and the
// request's store reads, and the request's bank call takes the connection.
func (d *Deps) PreconnectBank() {
	if d.preconnect != nil {
		d.preconnect(d.Config.BankAPIBaseURL)
	}
}
