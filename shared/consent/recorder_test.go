package consent

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// recorderFixture stores an Authorised consent c1 with scheduled tokens.
func recorderFixture(t *testing.T) (*Recorder, *Consent, *Tokens) {
	t.Helper()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	c := sampleConsent("c1", "alice")
	c.Type = "accounts"
	if err := s.CreateConsent(ctx, c); err != nil {
		t.Fatalf("CreateConsent: %v", err)
	}
	c.Status = StatusAuthorised
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatalf("UpdateConsent: %v", err)
	}
	tok := sampleTokens("c1", clk.Now())
	if err := s.PutTokens(ctx, tok); err != nil {
		t.Fatalf("PutTokens: %v", err)
	}
	w := &Recorder{Store: s, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: clk.Now, Holder: "test",
		Detach: func(ctx context.Context) (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
		}, Lease: 3 * time.Second}
	return w, c, tok
}

// TestRecorderRecord: a refusal of the stored tokens moves the consent out of
// Authorised, records the action and a bounded LastError, takes the tokens out
// of the refresh index, and is applied again over a concurrent write.
func TestRecorderRecord(t *testing.T) {
	t.Parallel()
	w, c, tok := recorderFixture(t)
	ctx := context.Background()
	stale := *c
	if err := w.Store.UpdateConsent(ctx, c); err != nil { // another writer: stale is now one version behind
		t.Fatalf("UpdateConsent: %v", err)
	}
	if !w.Record(ctx, &stale, ReauthRequired, strings.Repeat("x", 300), tok) {
		t.Fatal("Record = false for the stored tokens")
	}
	got, err := w.Store.GetConsent(ctx, "c1")
	if err != nil {
		t.Fatalf("GetConsent: %v", err)
	}
	if got.Status != StatusReauthRequired || got.LastAction != ActionReauthenticate || len(got.LastError) != 200 {
		t.Errorf("consent %s/%s, lastError %d bytes; want ReauthRequired/reauthenticate, 200", got.Status, got.LastAction, len(got.LastError))
	}
	if stale.Status != StatusReauthRequired {
		t.Errorf("the caller's copy is %s, want the written consent", stale.Status)
	}
	if stored, _ := w.Store.GetTokens(ctx, "c1"); !stored.RefreshDue.IsZero() {
		t.Errorf("tokens still due for refresh at %v", stored.RefreshDue)
	}
}

// TestRecorderRecordReplacedTokens: a refusal of tokens that are no longer
// stored (authorised again meanwhile) writes nothing.
func TestRecorderRecordReplacedTokens(t *testing.T) {
	t.Parallel()
	w, c, tok := recorderFixture(t)
	ctx := context.Background()
	used := *tok
	tok.AccessToken = "at-2"
	if err := w.Store.PutTokens(ctx, tok); err != nil {
		t.Fatalf("PutTokens: %v", err)
	}
	if w.Record(ctx, c, ReauthRequired, "UK.OBIE.Reauthenticate", &used) {
		t.Error("Record = true for replaced tokens")
	}
	got, _ := w.Store.GetConsent(ctx, "c1")
	if got.Status != StatusAuthorised || got.LastAction != "" {
		t.Errorf("consent %s/%q, want Authorised and no action", got.Status, got.LastAction)
	}
	if stored, _ := w.Store.GetTokens(ctx, "c1"); stored.RefreshDue.IsZero() {
		t.Error("the new tokens left the refresh index")
	}
}

// TestRecorderTouch: a successful use clears a recorded action and moves the
// tokens' UsedAt once per period.
func TestRecorderTouch(t *testing.T) {
	t.Parallel()
	w, c, tok := recorderFixture(t)
	ctx := context.Background()
	if !w.Record(ctx, c, StepUpRequired, "step-up not held", tok) {
		t.Fatal("Record = false")
	}
	w.Touch(ctx, c, tok, time.Minute)
	got, _ := w.Store.GetConsent(ctx, "c1")
	if got.Status != StatusAuthorised || got.LastAction != "" || got.LastError != "" {
		t.Errorf("consent %s/%q/%q, want Authorised with the action cleared", got.Status, got.LastAction, got.LastError)
	}
	if stored, _ := w.Store.GetTokens(ctx, "c1"); !stored.UsedAt.Equal(w.Now()) {
		t.Errorf("UsedAt %v, want %v", stored.UsedAt, w.Now())
	}
}
