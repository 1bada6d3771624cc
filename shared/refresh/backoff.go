package refresh

import "time"

// Backoff bounds for transient refresh failures: the first retry after
// BackoffBase, doubling per consecutive failure up to BackoffMax. The tokens
// schedule runs every few minutes, so the first retries land on the next runs;
// the cap keeps a long bank outage from costing a call per consent per run.
const (
	BackoffBase = time.Minute
	BackoffMax  = time.Hour
)

// Backoff returns the wait before the next attempt after failures
// consecutive transient failures (failures ≥ 1).
func Backoff(failures int) time.Duration {
	d := BackoffBase
	for i := 1; i < failures && d < BackoffMax; i++ {
		d *= 2
	}
	return min(d, BackoffMax)
}
