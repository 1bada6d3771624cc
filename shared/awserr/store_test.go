package awserr_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/awserr"
	"github.com/coop-ob/connector/shared/consent"
)

// storeOp is one store operation of the connector, run under a fault on its one AWS call, and
// the check that the items it writes are wholly as before (done false) or wholly as written
// (done true).
type storeOp struct {
	name, operation string
	transaction     bool
	target          func(f *opFixture) string                                       // text of the faulted request; the consent id when nil
	prepare         func(ctx context.Context, s *consent.Store, f *opFixture) error // before the fault is armed
	run             func(ctx context.Context, s *consent.Store, f *opFixture) error
	check           func(t *testing.T, s *consent.Store, f *opFixture, done bool)
}

// opFixture is one consent with tokens, a claimed and a pending session, stored without faults.
type opFixture struct {
	c        consent.Consent
	pending  string // state hash of a pending session
	claimed  string // state hash of a claimed session
	holder   string
	until    time.Time
	at       time.Time
	leased   *consent.Tokens // the tokens under holder's lease, for save
	idemKey  string
	newToken string
	newID    string // a consent id not stored yet
	newHash  string // a state hash not stored yet
}

// faultCase is a fault and what the operation must then do.
type faultCase struct {
	name      string
	kind      awsfault.Kind
	times     int
	transient bool // the operation fails with an error awserr.Transient reports, and writes nothing
}

var faultCases = []faultCase{
	// Outlast the SDK's attempts: the error reaches the caller, nothing is written.
	{"throttled throughout", awsfault.Throttle, awsfault.DynamoDBAttempts, true},
	{"ThrottlingException throughout", awsfault.Throttling, awsfault.DynamoDBAttempts, true},
	{"5xx throughout", awsfault.ServerError, awsfault.DynamoDBAttempts, true},
	{"timeout throughout", awsfault.Timeout, awsfault.DynamoDBAttempts, true},
	// The SDK's retry cures it.
	{"throttled once", awsfault.Throttle, 1, false},
	{"timeout once", awsfault.Timeout, 1, false},
	// Applied, answer lost: the SDK's retry meets its own write, which the store recognises.
	{"answer lost", awsfault.LostAnswer, 1, false},
}

var txCases = []faultCase{
	{"cancelled: transaction conflict", awsfault.TxConflict, 1, true},
	{"cancelled: throttling", awsfault.TxThrottled, 1, true},
}

// TestStoreOperationsUnderFaults runs each store operation the connector's functions depend on
// under each class of AWS fault, injected at the HTTP level below the real SDK client and kumo:
// the operation either succeeds with its write applied once, or fails with an error the edge
// maps to 503 retry-later (awserr.Transient), with nothing written. The write of a lost answer
// is recognised, not reported as a conflict.
func TestStoreOperationsUnderFaults(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	inj.Hang = 20 * time.Millisecond
	env := testenv.Start(t, testenv.Options{Faults: inj})
	s := env.Deps.Store
	for _, op := range storeOps() {
		cases := faultCases
		if op.transaction {
			cases = append(append([]faultCase(nil), faultCases...), txCases...)
		}
		for _, fc := range cases {
			t.Run(op.name+"/"+fc.name, func(t *testing.T) {
				ctx := t.Context()
				f := newOpFixture(t, s)
				before := len(inj.Hits())
				if op.prepare != nil {
					if err := op.prepare(ctx, s, f); err != nil {
						t.Fatal(err)
					}
				}
				target := f.c.ID
				if op.target != nil {
					target = op.target(f)
				}
				inj.Add(awsfault.Rule{Service: "dynamodb", Operation: op.operation, Contains: target, Kind: fc.kind, Times: fc.times})
				defer inj.Clear()
				err := op.run(ctx, s, f)
				if got := len(inj.Hits()) - before; got != fc.times {
					t.Fatalf("%d faults injected, want %d", got, fc.times)
				}
				switch {
				case fc.transient && (err == nil || !awserr.Transient(err)):
					t.Fatalf("error %v, want one awserr.Transient reports", err)
				case !fc.transient && err != nil:
					t.Fatalf("error %v, want success", err)
				}
				op.check(t, s, f, !fc.transient)
			})
		}
	}
}

func newOpFixture(t *testing.T, s *consent.Store) *opFixture {
	t.Helper()
	ctx := t.Context()
	now := s.Now()
	f := &opFixture{c: consent.Consent{ID: uuid.NewString(), Owner: "owner-" + uuid.NewString(), Brand: "coop",
		Type: "accounts", Status: consent.StatusAwaitingAuthorisation, BankStatus: consent.StatusAwaitingAuthorisation},
		holder: "holder-" + uuid.NewString(), until: now.Add(time.Minute), at: now.Add(time.Hour),
		idemKey: "order-" + uuid.NewString(), newToken: "access-" + uuid.NewString(),
		newID: uuid.NewString(), newHash: consent.HashState(uuid.NewString())}
	if err := s.CreateConsent(ctx, &f.c); err != nil {
		t.Fatal(err)
	}
	tok := &consent.Tokens{ConsentID: f.c.ID, Owner: f.c.Owner, AccessToken: "access-0", RefreshToken: "refresh-0",
		AccessExpiresAt: now.Add(30 * time.Minute), RefreshExpiresAt: now.Add(24 * time.Hour), UsedAt: now.Add(-time.Hour)}
	if err := s.PutTokens(ctx, tok); err != nil {
		t.Fatal(err)
	}
	for _, h := range []*string{&f.pending, &f.claimed} {
		*h = consent.HashState(uuid.NewString())
		a := &consent.AuthSession{StateHash: *h, ConsentID: f.c.ID, Owner: f.c.Owner, Brand: "coop", Verifier: "v",
			RedirectURI: testenv.RedirectURI, TTL: now.Add(10 * time.Minute)}
		if err := s.CreateAuthSession(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ClaimAuthSession(ctx, f.claimed); err != nil {
		t.Fatal(err)
	}
	return f
}

func storeOps() []storeOp {
	return []storeOp{
		{name: "consent create", operation: "PutItem", target: func(f *opFixture) string { return f.newID },
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				return s.CreateConsent(ctx, &consent.Consent{ID: f.newID, Owner: f.c.Owner, Brand: "coop", Type: "accounts",
					Status: consent.StatusAwaitingAuthorisation, BankStatus: consent.StatusAwaitingAuthorisation})
			},
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				_, err := s.GetConsent(t.Context(), f.newID)
				if (err == nil) != done {
					t.Errorf("consent: %v, want created = %v", err, done)
				}
			}},
		{name: "session create", operation: "PutItem", target: func(f *opFixture) string { return f.newHash },
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				return s.CreateAuthSession(ctx, &consent.AuthSession{StateHash: f.newHash, ConsentID: f.c.ID, Owner: f.c.Owner,
					Brand: "coop", Verifier: "verifier-" + f.newID, RedirectURI: testenv.RedirectURI, TTL: s.Now().Add(10 * time.Minute)})
			},
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				_, err := s.GetAuthSession(t.Context(), f.newHash)
				if (err == nil) != done {
					t.Errorf("session: %v, want created = %v", err, done)
				}
			}},
		{name: "lease", operation: "UpdateItem",
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				_, err := s.AcquireLease(ctx, f.c.ID, f.holder, f.until)
				return err
			},
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				tok := tokens(t, s, f)
				if (tok.LeaseHolder == f.holder) != done {
					t.Errorf("lease holder %q, want held by us = %v", tok.LeaseHolder, done)
				}
			}},
		{name: "save refreshed", operation: "UpdateItem",
			prepare: func(ctx context.Context, s *consent.Store, f *opFixture) (err error) {
				f.leased, err = s.AcquireLease(ctx, f.c.ID, f.holder, f.until)
				return err
			},
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				n := *f.leased
				n.AccessToken, n.RefreshToken = f.newToken, "refresh-1"
				return s.SaveRefreshed(ctx, &n, f.holder)
			},
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				tok := tokens(t, s, f)
				saved := tok.AccessToken == f.newToken && tok.RefreshToken == "refresh-1" && tok.LeaseHolder == "" && tok.Version == f.leased.Version+1
				kept := tok.AccessToken == "access-0" && tok.RefreshToken == "refresh-0" && tok.LeaseHolder == f.holder && tok.Version == f.leased.Version
				if (done && !saved) || (!done && !kept) {
					t.Errorf("tokens %s/%s v%d lease %q: want saved = %v, wholly", tok.AccessToken, tok.RefreshToken, tok.Version, tok.LeaseHolder, done)
				}
			}},
		{name: "touch", operation: "UpdateItem",
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				return s.TouchTokens(ctx, f.c.ID, f.at)
			},
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				if tok := tokens(t, s, f); tok.UsedAt.Equal(f.at.Truncate(time.Second)) != done {
					t.Errorf("usedAt %v, want touched = %v", tok.UsedAt, done)
				}
			}},
		{name: "consent update", operation: "PutItem",
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				c := f.c
				c.Status, c.LastError = consent.StatusFailed, "exchange_failed"
				return s.UpdateConsent(ctx, &c)
			},
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				c := stored(t, s, f)
				if (c.Status == consent.StatusFailed && c.Version == 2) != done || (!done && c.Version != 1) {
					t.Errorf("consent %s v%d, want updated = %v", c.Status, c.Version, done)
				}
			}},
		{name: "session claim", operation: "UpdateItem", target: func(f *opFixture) string { return f.pending },
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				a, err := s.ClaimAuthSession(ctx, f.pending)
				if err == nil && (a.Status != consent.SessionUsed || a.Verifier != "v") {
					return fmt.Errorf("claimed session %s without its verifier", a.Status)
				}
				return err
			},
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				_, err := s.ClaimAuthSession(t.Context(), f.pending)
				if claimed := errors.Is(err, consent.ErrSessionUsed); claimed != done || (!done && err != nil) {
					t.Errorf("claiming again: %v, want the session claimed = %v", err, done)
				}
			}},
		{name: "session finish", operation: "UpdateItem", target: func(f *opFixture) string { return f.claimed },
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				return s.FinishExchange(ctx, f.claimed, consent.SessionFailed)
			},
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				a, err := s.GetAuthSession(t.Context(), f.claimed)
				if err != nil || (a.Status == consent.SessionFailed) != done || (a.Verifier == "") != done {
					t.Errorf("session %v, %v: want finished = %v, wholly", a, err, done)
				}
			}},
		{name: "revoke (tokens wiped)", operation: "DeleteItem",
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error { return s.DeleteTokens(ctx, f.c.ID) },
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				_, err := s.GetTokens(t.Context(), f.c.ID)
				if errors.Is(err, consent.ErrNotFound) != done {
					t.Errorf("tokens after revoke: %v, want gone = %v", err, done)
				}
			}},
		{name: "list", operation: "Query", target: func(f *opFixture) string { return f.c.Owner },
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				got, _, err := s.ListConsents(ctx, f.c.Owner, 10, "")
				if err == nil && (len(got) != 1 || got[0].ID != f.c.ID) {
					return fmt.Errorf("listed %d consents, want the one", len(got))
				}
				return err
			},
			check: func(*testing.T, *consent.Store, *opFixture, bool) {}},
		{name: "payment record", operation: "PutItem",
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				return s.CreatePayment(ctx, &consent.Payment{ConsentID: f.c.ID, IdempotencyKey: f.idemKey, RequestHash: "h"})
			},
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				_, err := s.GetPayment(t.Context(), f.c.ID, f.idemKey)
				if (err == nil) != done {
					t.Errorf("payment record: %v, want recorded = %v", err, done)
				}
			}},
		{name: "callback transaction", operation: "TransactWriteItems", transaction: true,
			run: func(ctx context.Context, s *consent.Store, f *opFixture) error {
				c := f.c
				c.Status, c.BankStatus = consent.StatusAuthorised, consent.StatusAuthorised
				tok := &consent.Tokens{AccessToken: f.newToken, RefreshToken: "refresh-1", AccessExpiresAt: s.Now().Add(30 * time.Minute)}
				return s.AuthoriseWithTokens(ctx, &c, tok, f.claimed)
			},
			check: func(t *testing.T, s *consent.Store, f *opFixture, done bool) {
				c, tok := stored(t, s, f), tokens(t, s, f)
				_, err := s.ClaimAuthSession(t.Context(), f.claimed)
				all := c.Status == consent.StatusAuthorised && tok.AccessToken == f.newToken
				none := c.Status == consent.StatusAwaitingAuthorisation && tok.AccessToken == "access-0"
				if (done && !all) || (!done && !none) || !errors.Is(err, consent.ErrSessionUsed) {
					t.Errorf("consent %s, tokens %s, session %v: want authorised = %v, wholly", c.Status, tok.AccessToken, err, done)
				}
			}},
	}
}

func tokens(t *testing.T, s *consent.Store, f *opFixture) *consent.Tokens {
	t.Helper()
	tok, err := s.GetTokens(t.Context(), f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func stored(t *testing.T, s *consent.Store, f *opFixture) *consent.Consent {
	t.Helper()
	c, err := s.GetConsent(t.Context(), f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
