package main

import (
	"net"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/consent"
)

// TestLostExchangeAnswerIsNotResent: the connection drops after the token
// request was sent. The bank may have issued tokens for the code (it did,
// with DropAfterProcessing), and a code sent again would make it revoke
// them and refuse the code. So the code is sent once, the journey ends
// exchange_uncertain, nothing is left pending, and the consent stays
// AwaitingAuthorisation: a new journey on it (POST /consents/{id}/authorize)
// authorises it.
func TestLostExchangeAnswerIsNotResent(t *testing.T) {
	t.Parallel()
	for name, fault := range map[string]sandbox.Fault{
		"answer lost after processing": {DropAfterProcessing: true, Count: 10},
		"dropped before processing":    {Drop: true, Count: 10},
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
			f.wantResult(resp, c.ID, OutcomeExchangeUncertain)
			if n := len(f.codeRequests()); n != 1 {
				t.Errorf("%d code requests, want exactly 1: the code must not be sent again", n)
			}
			if got := f.consent(c.ID); got.Status != consent.StatusAwaitingAuthorisation || got.LastError != OutcomeExchangeUncertain {
				t.Errorf("consent %s, last error %q: want AwaitingAuthorisation, %s", got.Status, got.LastError, OutcomeExchangeUncertain)
			}
			if s := f.session(j); s.Status != consent.SessionFailed || s.Code != "" {
				t.Errorf("session %s, code kept %v: want failed, code dropped", s.Status, s.Code != "")
			}
			store := f.env.Deps.Store
			pending, err := store.PendingExchanges(f.ctx, store.Shard(consent.HashState(j.state)), f.env.Bank.Now().Add(time.Hour), 100)
			if err != nil || slices.ContainsFunc(pending, func(p consent.PendingExchange) bool { return p.ConsentID == c.ID }) {
				t.Errorf("pending exchanges %v (%v): want none for the consent", pending, err)
			}

			// The app starts a new journey on the same consent, as POST /consents/{id}/authorize does.
			f.env.Bank.ClearFaults()
			j2 := f.start(c, false)
			f.wantResult(f.callback(f.drive(j2, alice)), c.ID, OutcomeAuthorised)
			got := f.consent(c.ID)
			if got.Status != consent.StatusAuthorised || got.LastError != "" {
				t.Errorf("consent %s, last error %q after the new journey: want Authorised, none", got.Status, got.LastError)
			}
			if st := f.accountsStatus(f.tokens(c.ID).AccessToken); st != http.StatusOK {
				t.Errorf("GET /accounts with the new tokens: %d", st)
			}
			if got := codeStatuses(f.codeRequests()); len(got) != 2 || got[1] != http.StatusOK {
				t.Errorf("code request statuses %v: want the lost one, then one 200", got)
			}
			f.checkTokenRequests()
			f.env.AssertNoSecrets(t, code, j.state, j.verifier)
			assertNotInResponse(t, resp.Headers["Location"]+resp.Body, code, j.state, j.verifier)
		})
	}
}

// TestUnreachableTokenEndpointIsRetried: a failure before the connection to
// the token endpoint existed (here the TLS handshake: the peer hangs up)
// proves the code unsent, so it is retried and then left pending.
func TestUnreachableTokenEndpointIsRetried(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	j := f.start(c, false)
	back := f.drive(j, alice)

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	var dials atomic.Int32
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			dials.Add(1)
			conn.Close()
		}
	}()
	d := f.env.Deps
	f.h.exchanger.OAuth = d.TokenClient(d.HTTP, "https://"+l.Addr().String()+tokenPath)

	f.wantResult(f.callback(back), c.ID, OutcomePending)
	if n := dials.Load(); n != int32(defaultRetry.attempts) {
		t.Errorf("%d connection attempts, want %d", n, defaultRetry.attempts)
	}
	s := f.session(j)
	if s.Status != consent.SessionExchangePending || s.Code == "" {
		t.Fatalf("session %s, code kept %v: want exchangePending with the code", s.Status, s.Code != "")
	}
	// The bank never saw the code, so the tokens function's retry gets tokens for it.
	f.h.exchanger.OAuth = d.OAuth
	f.env.Bank.Advance(defaultRetry.pendingDelay + time.Second)
	claimed, err := d.Store.ClaimExchange(f.ctx, s.StateHash, f.env.Bank.Now().Add(time.Minute))
	if err != nil {
		t.Fatalf("claim exchange: %v", err)
	}
	if err := f.h.exchanger.Complete(f.ctx, claimed, claimed.Code); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if got := f.consent(c.ID); got.Status != consent.StatusAuthorised {
		t.Errorf("consent %s, want Authorised", got.Status)
	}
}
