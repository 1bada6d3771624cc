package fanout

import (
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh"
)

// Worker works due entries under the lease, as the inline run and the
// refresh queue's worker both do (One).
type Worker struct {
	Store     *consent.Store
	Refresher *refresh.Refresher
	Logger    *slog.Logger
	Now       func() time.Time
	Lease     time.Duration // how long an unschedule's lease holds
	Holder    string        // the run's lease holder
	RunStart  time.Time     // the run's clock: what is due is due before this
	Stopping  func() bool   // the run takes no new work
	// Policy and RecentWindow: REFRESH_POLICY and REFRESH_RECENT_WINDOW.
	Policy       string
	RecentWindow time.Duration
}

// Outcome is what happened to one due entry.
type Outcome int

// The outcomes of One.
const (
	Failed Outcome = iota
	Refreshed
	RetryLater
	ReauthRequired
	Expired
	Skipped
	Remaining
)
