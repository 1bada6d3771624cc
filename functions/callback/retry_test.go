package main

import (
	"slices"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/consent"
)

func codeStatuses(reqs []sandbox.RequestLog) []int {
	var out []int
	for _, r := range reqs {
		out = append(out, r.Status)
	}
	return out
}

func TestTransientTokenFailureIsRetried(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	back := f.drive(f.start(c, false), alice)
	f.env.Bank.Fail(tokenPath, sandbox.Fault{Status: 500, Count: 1})
	f.wantResult(f.callback(back), c.ID, OutcomeAuthorised)
	if got := codeStatuses(f.codeRequests()); !slices.Equal(got, []int{500, 200}) {
		t.Errorf("code request statuses %v, want [500 200]", got)
	}
	if got := f.consent(c.ID); got.Status != consent.StatusAuthorised {
		t.Errorf("consent %s, want Authorised", got.Status)
	}
	f.checkTokenRequests()
}

// TestBankDownLeavesExchangePending: after the in-request retries the code
// is kept for the tokens function, the app hears "pending", and a later
// exchange.Complete of the claimed pending session authorises the consent.
// Only answers that prove the code unused qualify: a dropped connection is
// TestLostExchangeAnswerIsNotResent.
func TestBankDownLeavesExchangePending(t *testing.T) {
	t.Parallel()
	for name, fault := range map[string]sandbox.Fault{
		"503":        {Status: 503, Count: 10},
		"429":        {Status: 429, Count: 10, RetryAfter: time.Second},
		"html error": {Status: 502, HTML: true, Count: 10},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c := f.createConsent(typeAIS)
			j := f.start(c, false)
			back := f.drive(j, alice)
			code := back.Query().Get("code")
			f.env.Bank.Fail(tokenPath, fault)
			resp := f.callback(back)
			f.wantResult(resp, c.ID, OutcomePending)
			if n := len(f.codeRequests()); n != defaultRetry.attempts {
				t.Errorf("%d code requests, want %d attempts", n, defaultRetry.attempts)
			}
			s := f.session(j)
			if s.Status != consent.SessionExchangePending || s.Code != code || s.Attempts != 1 || s.NextAttemptAt.IsZero() {
				t.Fatalf("session %s, code kept %v, attempts %d, next %v: want exchangePending with the code",
					s.Status, s.Code == code, s.Attempts, s.NextAttemptAt)
			}
			if got := f.consent(c.ID); got.Status != consent.StatusAwaitingAuthorisation {
				t.Errorf("consent %s while the exchange is pending", got.Status)
			}
			store := f.env.Deps.Store
			pending, err := store.PendingExchanges(f.ctx, store.Shard(s.StateHash), s.NextAttemptAt, 100)
			if err != nil || !slices.ContainsFunc(pending, func(p consent.PendingExchange) bool { return p.ConsentID == c.ID }) {
				t.Errorf("pending exchanges %v (%v): want the session listed for the tokens function", pending, err)
			}
			// The same callback again does not reach the bank.
			f.wantPage(f.callback(back), pageUsed)

			// Later, the tokens function's path: faults cleared, claim the attempt, complete it.
			f.env.Bank.ClearFaults()
			f.env.Bank.Advance(defaultRetry.pendingDelay + time.Second)
			claimed, err := store.ClaimExchange(f.ctx, s.StateHash, f.env.Bank.Now().Add(time.Minute))
			if err != nil {
				t.Fatalf("claim exchange: %v", err)
			}
			if err := f.h.exchanger.Complete(f.ctx, claimed, claimed.Code); err != nil {
				t.Fatalf("Complete: %v", err)
			}
			if got := f.consent(c.ID); got.Status != consent.StatusAuthorised {
				t.Errorf("consent %s after the retried exchange, want Authorised", got.Status)
			}
			if s := f.session(j); s.Status != consent.SessionDone || s.Code != "" {
				t.Errorf("session %s, code kept %v: want done, code dropped", s.Status, s.Code != "")
			}
			f.tokens(c.ID)
			f.checkTokenRequests()
			f.env.AssertNoSecrets(t, code, j.state, j.verifier)
			assertNotInResponse(t, resp.Headers["Location"]+resp.Body, code, j.state, j.verifier)
		})
	}
}

// TestInvalidGrantIsNotRetried: an expired code is refused once, the
// journey fails, and the first authorisation's consent is Failed.
func TestInvalidGrantIsNotRetried(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeCBPII)
	j := f.start(c, false)
	back := f.drive(j, alice)
	f.env.Bank.Advance(2 * time.Minute) // the bank's codes live 60 s; the session 10 minutes
	f.wantResult(f.callback(back), c.ID, OutcomeFailed)
	if got := codeStatuses(f.codeRequests()); !slices.Equal(got, []int{400}) {
		t.Errorf("code request statuses %v, want one refused request", got)
	}
	if got := f.consent(c.ID); got.Status != consent.StatusFailed || got.LastError != OutcomeFailed {
		t.Errorf("consent %s, last error %q: want Failed, failed", got.Status, got.LastError)
	}
	if s := f.session(j); s.Status != consent.SessionFailed || s.Code != "" {
		t.Errorf("session %s, want failed without a code", s.Status)
	}
}
