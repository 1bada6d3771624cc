package exchange_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/eventschema"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
)

// lastEvent is consent id's last stored event, checked against its schema.
func lastEvent(t *testing.T, env *testenv.Env, id string) (string, consent.EventDetail) {
	t.Helper()
	list, err := env.Deps.Store.ConsentEvents(t.Context(), id)
	if err != nil || len(list) == 0 {
		t.Fatalf("events of %s: %d, %v", id, len(list), err)
	}
	ev := list[len(list)-1]
	if err := eventschema.Validate(ev.DetailType, []byte(ev.Detail)); err != nil {
		t.Error(err)
	}
	var d consent.EventDetail
	_ = json.Unmarshal([]byte(ev.Detail), &d)
	return ev.DetailType, d
}

// TestEventResolvesPendingExchange: the event of a journey the callback completed says
// nothing more; the event of one whose exchange the callback left pending (the app was told
// "pending") and the tokens run completed says it resolves that pending exchange.
func TestEventResolvesPendingExchange(t *testing.T) {
	t.Parallel()
	env := testenv.Start(t, testenv.Options{})
	e, ctx := newExchanger(env), t.Context()
	var c consent.Consent
	s, code := journey(t, env, &c, false, alice)
	if err := e.Complete(ctx, s, code); err != nil {
		t.Fatal(err)
	}
	if dt, d := lastEvent(t, env, c.ID); dt != consent.EventConsentAuthorised || d.Resolves != "" {
		t.Errorf("callback's exchange: %s resolves %q", dt, d.Resolves)
	}

	// A step-up whose exchange the callback left pending, completed by the tokens run.
	s2, code2 := journey(t, env, &c, true, alice)
	next := env.Deps.Now()
	if err := env.Deps.Store.MarkExchangePending(ctx, s2.StateHash, code2, next); err != nil {
		t.Fatal(err)
	}
	claimed, err := env.Deps.Store.ClaimExchange(ctx, s2.StateHash, next.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Complete(ctx, claimed, claimed.Code); err != nil {
		t.Fatal(err)
	}
	if dt, d := lastEvent(t, env, c.ID); dt != consent.EventConsentStepUpGranted || d.Resolves != consent.ResolvesExchangePending {
		t.Errorf("retried exchange: %s resolves %q, want %s resolving the pending exchange", dt, d.Resolves, consent.EventConsentStepUpGranted)
	}
}
