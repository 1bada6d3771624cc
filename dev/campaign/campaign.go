// Package campaign drives seeded fault campaigns: rounds of a journey (a refresh, a payment, a
// callback) under a random mix of bank faults (the sandbox bank's) and store faults
// (dev/awsfault), with tallies of what must never happen. The functions' own tests run the
// rounds against their real handlers (package main cannot be imported, so each function's test
// drives its journey with this one driver); see docs/faults.md.
//
// A campaign's seed comes from -campaign.seed or CAMPAIGN_SEED, else from the clock; it is
// logged at the start and again, with the command to replay it, when the test fails.
package campaign

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/awsfault"
)

var seedFlag = flag.Uint64("campaign.seed", 0, "replay a fault campaign with this seed (or set CAMPAIGN_SEED)")

// Tallies that fail a campaign when not zero.
const (
	LostRefreshTokens    = "lostRefreshTokens"    // a refresh token the bank still honours is not the one stored, and nothing explains it
	DoublePayments       = "doublePayments"       // the bank made more than one payment for one Idempotency-Key
	LostPayments         = "lostPayments"         // the app was told 201 (or the faults ended) and the bank made none
	UndocumentedAnswers  = "undocumentedAnswers"  // an answer the docs do not give for what happened
	HalfWrittenJourneys  = "halfWrittenJourneys"  // a consent, its tokens and its session that disagree
	ExplainedTokenLosses = "explainedTokenLosses" // docs/refresh.md: the answer to a rotating refresh was lost
)

var mustBeZero = []string{LostRefreshTokens, DoublePayments, LostPayments, UndocumentedAnswers, HalfWrittenJourneys}

// Campaign is one seeded run.
type Campaign struct {
	Seed   uint64
	Faults *awsfault.Injector // give it to testenv.Options.Faults

	t    testing.TB
	rand *rand.Rand

	mu      sync.Mutex
	tallies map[string]int
	notes   []string
}

// New starts a campaign for t and logs its seed.
func New(t testing.TB) *Campaign {
	t.Helper()
	seed := *seedFlag
	if s := os.Getenv("CAMPAIGN_SEED"); seed == 0 && s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("CAMPAIGN_SEED=%q: %v", s, err)
		}
	}
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	c := &Campaign{Seed: seed, Faults: awsfault.New(seed), t: t, rand: rand.New(rand.NewPCG(seed, ^seed)),
		tallies: map[string]int{}}
	c.Faults.Hang = 20 * time.Millisecond
	t.Logf("fault campaign seed %d", seed)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("replay this campaign: CAMPAIGN_SEED=%d go test -race -run '^%s$' (or -args -campaign.seed=%d)",
				seed, strings.SplitN(t.Name(), "/", 2)[0], seed)
		}
	})
	return c
}

// Intn returns a number in [0, n) from the campaign's source.
func (c *Campaign) Intn(n int) int { return c.rand.IntN(n) }

// Chance reports true with probability p.
func (c *Campaign) Chance(p float64) bool { return c.rand.Float64() < p }

// Add counts n under name.
func (c *Campaign) Add(name string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tallies[name] += n
}

// Fail counts one event that must not happen, with what explains it for the report.
func (c *Campaign) Fail(tally, format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tallies[tally]++
	c.notes = append(c.notes, tally+": "+fmt.Sprintf(format, args...))
}

// Tally returns the count under name.
func (c *Campaign) Tally(name string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.tallies[name]
}

// Report logs every tally and fails the test when one that must be zero is not.
func (c *Campaign) Report() {
	c.t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	names := make([]string, 0, len(c.tallies))
	for k := range c.tallies {
		names = append(names, k)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, k := range names {
		fmt.Fprintf(&b, " %s=%d", k, c.tallies[k])
	}
	c.t.Logf("campaign seed %d:%s; faults injected: store %d", c.Seed, b.String(), len(c.Faults.Hits()))
	for _, k := range mustBeZero {
		if c.tallies[k] != 0 {
			c.t.Errorf("%s = %d, want 0", k, c.tallies[k])
		}
	}
	for _, n := range c.notes {
		c.t.Error(n)
	}
}
