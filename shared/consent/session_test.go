package consent

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

func newSession(t *testing.T, s *Store, clk *clock, state string) *AuthSession {
	t.Helper()
	a := &AuthSession{
		StateHash: HashState(state), ConsentID: "c1", Owner: "alice", Brand: "coop",
		Verifier: "verifier-" + state, StepUp: true, RedirectURI: "https://connector.example/callback",
		TTL: clk.Now().Add(10 * time.Minute).Truncate(time.Second),
	}
	if err := s.CreateAuthSession(context.Background(), a); err != nil {
		t.Fatalf("CreateAuthSession: %v", err)
	}
	return a
}

func TestHashState(t *testing.T) {
	t.Parallel()
	// sha256("abc")
	if got, want := HashState("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; got != want {
		t.Errorf("HashState = %s, want %s", got, want)
	}
}

func TestClaimAuthSession(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	a := newSession(t, s, clk, "st1")
	if err := s.CreateAuthSession(ctx, &AuthSession{StateHash: a.StateHash, TTL: a.TTL}); !errors.Is(err, ErrConflict) {
		t.Errorf("duplicate CreateAuthSession = %v, want ErrConflict", err)
	}
	got, err := s.GetAuthSession(ctx, a.StateHash)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, got); diff != "" {
		t.Errorf("GetAuthSession (-want +got):\n%s", diff)
	}
	claimed, err := s.ClaimAuthSession(ctx, a.StateHash)
	if err != nil {
		t.Fatalf("first claim: %v", err)
	}
	if claimed.Status != SessionUsed || claimed.Verifier != a.Verifier || claimed.ConsentID != "c1" {
		t.Errorf("claimed %+v", claimed)
	}
	if _, err := s.ClaimAuthSession(ctx, a.StateHash); !errors.Is(err, ErrSessionUsed) {
		t.Errorf("second claim = %v, want ErrSessionUsed", err)
	}
	if _, err := s.ClaimAuthSession(ctx, HashState("unknown")); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown claim = %v, want ErrNotFound", err)
	}
}

func TestClaimAuthSessionConcurrent(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	a := newSession(t, s, clk, "st1")
	const n = 10
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { _, errs[i] = s.ClaimAuthSession(context.Background(), a.StateHash) })
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wins++
		case !errors.Is(err, ErrSessionUsed):
			t.Errorf("claim: %v, want ErrSessionUsed", err)
		}
	}
	if wins != 1 {
		t.Errorf("%d claims succeeded, want 1", wins)
	}
}

func TestClaimAuthSessionExpired(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	a := newSession(t, s, clk, "st1")
	clk.Advance(11 * time.Minute)
	if _, err := s.ClaimAuthSession(ctx, a.StateHash); !errors.Is(err, ErrSessionExpired) {
		t.Errorf("claim after TTL = %v, want ErrSessionExpired", err)
	}
	if _, err := s.GetAuthSession(ctx, a.StateHash); !errors.Is(err, ErrSessionExpired) {
		t.Errorf("get after TTL = %v, want ErrSessionExpired", err)
	}
	// The item is still there (not reaped) and still pending: the refusal came from the TTL check.
	raw, err := s.getSession(ctx, a.StateHash)
	if err != nil || raw.Status != SessionPending {
		t.Errorf("raw session %+v, %v; want present and pending", raw, err)
	}
}

func TestExchangeRetry(t *testing.T) {
	t.Parallel()
	s, clk, api := newStore(t)
	ctx := context.Background()
	a := newSession(t, s, clk, "st1")
	newSession(t, s, clk, "st2") // a pending session: never listed as an exchange
	// Marking needs a claimed session.
	if err := s.MarkExchangePending(ctx, a.StateHash, "code-1", clk.Now()); !errors.Is(err, ErrConflict) {
		t.Errorf("mark unclaimed = %v, want ErrConflict", err)
	}
	if _, err := s.ClaimAuthSession(ctx, a.StateHash); err != nil {
		t.Fatal(err)
	}
	next := clk.Now().Add(time.Minute)
	if err := s.MarkExchangePending(ctx, a.StateHash, "code-1", next); err != nil {
		t.Fatalf("MarkExchangePending: %v", err)
	}
	shard := s.shard(a.StateHash)
	list, err := s.PendingExchanges(ctx, shard, clk.Now(), 10)
	if err != nil || len(list) != 0 {
		t.Fatalf("pending before next attempt: %v, %v", list, err)
	}
	if _, err := s.ClaimExchange(ctx, a.StateHash, next.Add(time.Minute)); !errors.Is(err, ErrLeaseHeld) {
		t.Errorf("claim exchange before next attempt = %v, want ErrLeaseHeld", err)
	}
	clk.Advance(time.Minute)
	list, err = s.PendingExchanges(ctx, shard, clk.Now(), 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []PendingExchange{{StateHash: a.StateHash, ConsentID: "c1", Owner: "alice", Attempts: 1, NextAttemptAt: next.Truncate(time.Second)}}
	if diff := cmp.Diff(want, list); diff != "" {
		t.Errorf("PendingExchanges (-want +got):\n%s", diff)
	}
	if last := api.queries[len(api.queries)-1]; last.ScannedCount != 1 {
		t.Errorf("ScannedCount = %d, want 1", last.ScannedCount)
	}
	got, err := s.ClaimExchange(ctx, a.StateHash, clk.Now().Add(time.Minute))
	if err != nil || got.Code != "code-1" || got.Verifier != a.Verifier {
		t.Fatalf("ClaimExchange = %+v, %v", got, err)
	}
	if _, err := s.ClaimExchange(ctx, a.StateHash, clk.Now().Add(time.Minute)); !errors.Is(err, ErrLeaseHeld) {
		t.Errorf("second ClaimExchange = %v, want ErrLeaseHeld", err)
	}
	if err := s.FinishExchange(ctx, a.StateHash, SessionFailed); err != nil {
		t.Fatalf("FinishExchange: %v", err)
	}
	raw, _ := s.getSession(ctx, a.StateHash)
	if raw.Status != SessionFailed || raw.Code != "" {
		t.Errorf("finished session status %q code %q", raw.Status, raw.Code)
	}
	if list, _ := s.PendingExchanges(ctx, shard, clk.Now().Add(time.Hour), 10); len(list) != 0 {
		t.Errorf("finished session still pending: %+v", list)
	}
	if _, err := s.ClaimExchange(ctx, a.StateHash, clk.Now()); !errors.Is(err, ErrSessionUsed) {
		t.Errorf("ClaimExchange after finish = %v, want ErrSessionUsed", err)
	}
	if err := s.FinishExchange(ctx, a.StateHash, SessionDone); !errors.Is(err, ErrConflict) {
		t.Errorf("FinishExchange twice = %v, want ErrConflict", err)
	}
}

// rawSession returns the stored attributes of a session item, to tell an
// absent attribute from an empty one.
func rawSession(t *testing.T, s *Store, stateHash string) map[string]types.AttributeValue {
	t.Helper()
	out, err := s.api.GetItem(context.Background(), &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(authPK(stateHash), skSession), ConsistentRead: aws.Bool(true),
	})
	if err != nil || len(out.Item) == 0 {
		t.Fatalf("session %s: %v (items %d)", stateHash, err, len(out.Item))
	}
	return out.Item
}

// TestFinishExchangeDropsSecrets: an ended session (done or failed) keeps
// neither its code nor its PKCE verifier until the TTL reaps it.
func TestFinishExchangeDropsSecrets(t *testing.T) {
	t.Parallel()
	for _, status := range []string{SessionDone, SessionFailed} {
		t.Run(status, func(t *testing.T) {
			t.Parallel()
			s, clk, _ := newStore(t)
			ctx := context.Background()
			a := newSession(t, s, clk, "st1")
			if _, err := s.ClaimAuthSession(ctx, a.StateHash); err != nil {
				t.Fatal(err)
			}
			if err := s.MarkExchangePending(ctx, a.StateHash, "code-1", clk.Now()); err != nil {
				t.Fatal(err)
			}
			if _, ok := rawSession(t, s, a.StateHash)["verifier"]; !ok {
				t.Fatal("pending exchange lost its verifier")
			}
			if err := s.FinishExchange(ctx, a.StateHash, status); err != nil {
				t.Fatal(err)
			}
			item := rawSession(t, s, a.StateHash)
			for _, name := range []string{"code", "verifier"} {
				if _, ok := item[name]; ok {
					t.Errorf("%s session still has %q", status, name)
				}
			}
			if _, err := s.ClaimAuthSession(ctx, a.StateHash); !errors.Is(err, ErrSessionUsed) {
				t.Errorf("claim of an ended session = %v, want ErrSessionUsed", err)
			}
		})
	}
}
