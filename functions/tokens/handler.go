package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"sync/atomic"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/coop-ob/connector/shared/config"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/oauth"
	"github.com/coop-ob/connector/shared/refresh"
	"github.com/coop-ob/connector/shared/setup"
)

// Handler is the scheduled tokens function.
type Handler struct {
	cfg       config.Config
	store     *consent.Store
	oauth     *oauth.Client
	creds     credentials.Provider
	exchanger *exchange.Exchanger
	logger    *slog.Logger
	now       func() time.Time
	metrics   io.Writer      // EMF lines: stdout, where Lambda's log agent extracts them
	bank      accountsReader // retried reads of shared accounts (accounts.go)
	// queue: with REFRESH_QUEUE_URL, the run sends due entries to the refresh
	// queue instead of refreshing them itself (queue.go); nil refreshes inline.
	queue *refreshQueue
	// scan and sealDone: the upgrade's sealing pass (sealpass.go); sealDone once the
	// marker says it is done, so a warm container stops reading it.
	scan     consent.ScanAPI
	sealDone atomic.Bool
	// recorder: the metrics shared code records through the run's context (shared/metrics).
	recorder *metrics.Recorder
	// noIndexProbe: the run reads the shards one after another (a benchmark's reference).
	noIndexProbe bool
}

// New builds the handler from the cold start's clients.
func New(d *setup.Deps) *Handler {
	h := &Handler{
		cfg: d.Config, store: d.Store, oauth: d.OAuth, creds: d.Credentials, logger: d.Logger, now: d.Now,
		exchanger: &exchange.Exchanger{Store: d.Store, OAuth: d.OAuth, Now: d.Now, Logger: d.Logger,
			Lookahead: d.Config.RefreshLookahead},
		metrics:  os.Stdout,
		bank:     d.Bank,
		scan:     d.Scan,
		recorder: d.Metrics,
	}
	if d.Config.RefreshPolicy == config.RefreshOnDemand {
		h.exchanger.KeepAlivePoint = refresh.KeepAlivePoint
	}
	return h
}

// Handle runs once per scheduled event; the event itself carries nothing the
// run needs. It returns an error only when the run itself failed (the table
// or the secret unreachable), never because a bank refused a consent: those
// outcomes are counted in the Summary.
func (h *Handler) Handle(ctx context.Context, _ json.RawMessage) (Summary, error) {
	ctx = metrics.With(ctx, h.recorder)
	// Each phase's first index read probes all its shards at once (consent.Store.WithIndexProbe):
	// the shards with nothing due cost one concurrent round, not one round trip each.
	if !h.noIndexProbe {
		ctx = h.store.WithIndexProbe(ctx)
	}
	start := time.Now()
	r := h.newRun(ctx, start)
	var sum Summary
	err := h.checkCertificates(ctx, r.now, &sum)
	if err == nil {
		err = h.retryExchanges(ctx, r, &sum)
	}
	if err == nil {
		err = h.refreshDue(ctx, r, &sum)
	}
	if err == nil {
		err = h.pollPayments(ctx, r, &sum) // payments.go
	}
	if err == nil {
		err = h.reportDeadlines(ctx, r) // deadlines.go
	}
	if err == nil {
		err = h.retryAccounts(ctx, r) // accounts.go
	}
	if err == nil {
		err = h.sealPass(ctx, r, &sum) // sealpass.go
	}
	sum.DurationMs = time.Since(start).Milliseconds()
	h.report(ctx, &sum, err)
	return sum, err
}

// run is one invocation's fixed view: its clock reading, lease holder and stop time.
type run struct {
	now    time.Time // the clock at the start: what is due is due before this
	holder string    // lease holder: unique per run, so two runs never share a lease
	stopAt time.Time // no new work after this (wall clock); zero = no deadline
	first  int       // the shard the run starts at (rotates, so no shard starves)
	// deferredCount and lapseMargin: what the run read but left for the next
	// one when its token-call allowance ran out (run.deferred).
	deferredCount, lapseMargin int
	// handed: refresh entries handed out against the allowance; the payment
	// polls get what is left (payments.go).
	handed int
}

// stopMargin is the share of the remaining time kept free at the end of a
// run; at least one bank call plus the store writes must fit after stopAt.
const stopMargin = 5 // 1/5 = 20 %

func (h *Handler) newRun(ctx context.Context, start time.Time) *run {
	r := &run{now: h.now(), holder: "tokens:" + randomHex(6)}
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		r.holder += ":" + lc.AwsRequestID
	}
	if dl, ok := ctx.Deadline(); ok {
		margin := max(dl.Sub(start)/stopMargin, h.cfg.BankHTTPTimeout+2*time.Second)
		r.stopAt = dl.Add(-margin)
	}
	if n := h.shards(); n > 1 {
		r.first = int(r.now.Unix()/60) % n
	}
	return r
}

// stopping reports whether the run should take no new work.
func (r *run) stopping() bool { return !r.stopAt.IsZero() && time.Now().After(r.stopAt) }

func (h *Handler) shards() int { return h.store.ShardCount() }

// lease outlasts one bank call plus the store writes around it.
func (h *Handler) lease() time.Duration { return h.cfg.BankHTTPTimeout + 20*time.Second }

func (h *Handler) refresher(r *run) *refresh.Refresher {
	return &refresh.Refresher{Store: h.store, OAuth: h.oauth, Now: h.now, Logger: h.logger,
		Holder: r.holder, Lease: h.lease(), Lookahead: h.cfg.RefreshLookahead,
		OnDemand: h.cfg.RefreshPolicy == config.RefreshOnDemand}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
