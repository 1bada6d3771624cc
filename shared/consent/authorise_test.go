package consent

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestAuthoriseWithTokens(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	c := sampleConsent("c1", "alice")
	if err := s.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	a := newSession(t, s, clk, "st1")
	if _, err := s.ClaimAuthSession(ctx, a.StateHash); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkExchangePending(ctx, a.StateHash, "code-1", clk.Now()); err != nil {
		t.Fatal(err)
	}
	// Old tokens with a lease held and backoff recorded: re-authentication replaces all of it.
	old := sampleTokens("c1", clk.Now())
	if err := s.PutTokens(ctx, old); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AcquireLease(ctx, "c1", "w1", clk.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}

	c.Status, c.BankStatus = StatusAuthorised, "Authorised"
	tok := &Tokens{ConsentID: "c1", Owner: "alice", AccessToken: "at-new", RefreshToken: "rt-new", StepUp: true,
		AccessExpiresAt: clk.Now().Add(30 * time.Minute).Truncate(time.Second)}
	if err := s.AuthoriseWithTokens(ctx, c, tok, a.StateHash); err != nil {
		t.Fatalf("AuthoriseWithTokens: %v", err)
	}
	if c.Version != 2 {
		t.Errorf("consent version %d, want 2", c.Version)
	}
	gotC, _ := s.GetConsent(ctx, "c1")
	if diff := cmp.Diff(c, gotC); diff != "" {
		t.Errorf("consent (-want +got):\n%s", diff)
	}
	gotT, err := s.GetTokens(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	want := *tok
	want.Version = 2
	want.UsedAt = clk.Now().Truncate(time.Second) // new tokens count as used at the authorisation
	if !tok.UsedAt.IsZero() {
		t.Error("AuthoriseWithTokens changed the tokens passed")
	}
	if diff := cmp.Diff(&want, gotT); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
	// The old lease holder cannot write over the new tokens.
	leased := *old
	leased.Version = 1
	if err := s.SaveRefreshed(ctx, &leased, "w1"); !errors.Is(err, ErrConflict) {
		t.Errorf("old lease holder SaveRefreshed = %v, want ErrConflict", err)
	}
	raw, _ := s.getSession(ctx, a.StateHash)
	if raw.Status != SessionDone || raw.Code != "" {
		t.Errorf("session status %q code %q, want done and no code", raw.Status, raw.Code)
	}
	if list, _ := s.PendingExchanges(ctx, s.shard(a.StateHash), clk.Now().Add(time.Hour), 10); len(list) != 0 {
		t.Errorf("done session still pending an exchange: %+v", list)
	}
	// The session is done: authorising with it again fails.
	if err := s.AuthoriseWithTokens(ctx, c, tok, a.StateHash); !errors.Is(err, ErrSessionUsed) {
		t.Errorf("second AuthoriseWithTokens = %v, want ErrSessionUsed", err)
	}
}

func TestAuthoriseWithTokensStaleConsent(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	c := sampleConsent("c1", "alice")
	if err := s.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	stale := *c
	c.Status = StatusRevoked
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	a := newSession(t, s, clk, "st1")
	if _, err := s.ClaimAuthSession(ctx, a.StateHash); err != nil {
		t.Fatal(err)
	}
	old := sampleTokens("c1", clk.Now())
	if err := s.PutTokens(ctx, old); err != nil {
		t.Fatal(err)
	}

	stale.Status = StatusAuthorised
	err := s.AuthoriseWithTokens(ctx, &stale, &Tokens{ConsentID: "c1", AccessToken: "at-new", RefreshToken: "rt-new"}, a.StateHash)
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("AuthoriseWithTokens(stale) = %v, want ErrConflict", err)
	}
	if got, _ := s.GetConsent(ctx, "c1"); got.Status != StatusRevoked || got.Version != 2 {
		t.Errorf("consent %s v%d, want Revoked v2", got.Status, got.Version)
	}
	if got, _ := s.GetTokens(ctx, "c1"); got.RefreshToken != "rt-1" || got.Version != 1 {
		t.Errorf("tokens %s v%d changed by a failed transaction", got.RefreshToken, got.Version)
	}
	if raw, _ := s.getSession(ctx, a.StateHash); raw.Status != SessionUsed {
		t.Errorf("session status %q, want used", raw.Status)
	}
}

// TestTokenAttributesComplete guards AuthoriseWithTokens against a Tokens
// field added without being listed: it would survive a re-authentication.
func TestTokenAttributesComplete(t *testing.T) {
	t.Parallel()
	var want []string
	rt := reflect.TypeFor[Tokens]()
	for i := range rt.NumField() {
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("dynamodbav"), ",")
		if name != "version" {
			want = append(want, name)
		}
	}
	if diff := cmp.Diff(want, tokenAttributes); diff != "" {
		t.Errorf("tokenAttributes (-fields +listed):\n%s", diff)
	}
}

// TestAuthoriseWithTokensEndedConsent: a consent read at its current version
// but no longer authorisable (revoked after the journey began, …) is refused
// by the store itself, so no caller can bring it back as Authorised.
func TestAuthoriseWithTokensEndedConsent(t *testing.T) {
	t.Parallel()
	for _, status := range []string{StatusRevoked, StatusRejected, StatusExpired, StatusFailed, StatusConsumed} {
		t.Run(status, func(t *testing.T) {
			t.Parallel()
			s, clk, _ := newStore(t)
			ctx := context.Background()
			c := sampleConsent("c1", "alice")
			if err := s.CreateConsent(ctx, c); err != nil {
				t.Fatal(err)
			}
			c.Status = status
			if err := s.UpdateConsent(ctx, c); err != nil {
				t.Fatal(err)
			}
			a := newSession(t, s, clk, "st1")
			if _, err := s.ClaimAuthSession(ctx, a.StateHash); err != nil {
				t.Fatal(err)
			}
			current, err := s.GetConsent(ctx, "c1")
			if err != nil {
				t.Fatal(err)
			}
			current.Status = StatusAuthorised
			err = s.AuthoriseWithTokens(ctx, current, &Tokens{ConsentID: "c1", AccessToken: "at-new", RefreshToken: "rt-new"}, a.StateHash)
			var ce *ConflictError
			if !errors.As(err, &ce) || ce.Reason != "status" || !errors.Is(err, ErrConflict) {
				t.Fatalf("AuthoriseWithTokens(%s consent) = %v, want a status conflict", status, err)
			}
			if got, _ := s.GetConsent(ctx, "c1"); got.Status != status || got.Version != 2 {
				t.Errorf("consent %s v%d, want %s v2", got.Status, got.Version, status)
			}
			if _, err := s.GetTokens(ctx, "c1"); !errors.Is(err, ErrNotFound) {
				t.Errorf("tokens after a refused authorisation: %v, want none", err)
			}
			if raw, _ := s.getSession(ctx, a.StateHash); raw.Status != SessionUsed {
				t.Errorf("session status %q, want used", raw.Status)
			}
		})
	}
}

// TestAuthoriseWithTokensAuthorisable: every authorisable status becomes
// Authorised, and the done session keeps neither its code nor its verifier.
func TestAuthoriseWithTokensAuthorisable(t *testing.T) {
	t.Parallel()
	for _, status := range []string{StatusAwaitingAuthorisation, StatusAuthorised, StatusReauthRequired} {
		t.Run(status, func(t *testing.T) {
			t.Parallel()
			s, clk, _ := newStore(t)
			ctx := context.Background()
			c := sampleConsent("c1", "alice")
			c.Status = status
			if err := s.CreateConsent(ctx, c); err != nil {
				t.Fatal(err)
			}
			a := newSession(t, s, clk, "st1")
			if _, err := s.ClaimAuthSession(ctx, a.StateHash); err != nil {
				t.Fatal(err)
			}
			if err := s.MarkExchangePending(ctx, a.StateHash, "code-1", clk.Now()); err != nil {
				t.Fatal(err)
			}
			c.Status = StatusAuthorised
			if err := s.AuthoriseWithTokens(ctx, c, &Tokens{ConsentID: "c1", AccessToken: "at-new"}, a.StateHash); err != nil {
				t.Fatalf("AuthoriseWithTokens(%s consent): %v", status, err)
			}
			item := rawSession(t, s, a.StateHash)
			for _, name := range []string{"code", "verifier"} {
				if _, ok := item[name]; ok {
					t.Errorf("done session still has %q", name)
				}
			}
			if got, _ := s.GetConsent(ctx, "c1"); got.Status != StatusAuthorised {
				t.Errorf("consent %s, want Authorised", got.Status)
			}
		})
	}
}
