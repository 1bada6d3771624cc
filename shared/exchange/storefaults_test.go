package exchange_test

import (
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
)

// TestFailRetriesTransientStoreFailures: ending a journey (the session failed, the consent's
// outcome) survives a store that fails past the SDK's own retries, once or answering late: a
// journey whose end is not written would leave its session claimed and its consent silent.
func TestFailRetriesTransientStoreFailures(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	inj.Hang = 20 * time.Millisecond
	env := testenv.Start(t, testenv.Options{Faults: inj})
	for _, tc := range []struct {
		name, op string
		kind     awsfault.Kind
		times    int
	}{
		{"session write throttled", "UpdateItem", awsfault.Throttle, awsfault.DynamoDBAttempts},
		{"session write answer lost", "UpdateItem", awsfault.LostAnswer, 1},
		{"consent write 5xx", "TransactWriteItems", awsfault.ServerError, awsfault.DynamoDBAttempts},
		{"consent write answer lost", "TransactWriteItems", awsfault.LostAnswer, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newExchanger(env)
			var c consent.Consent
			s, _ := journey(t, env, &c, false, alice)
			target := c.ID
			if tc.op == "UpdateItem" {
				target = s.StateHash
			}
			inj.Add(awsfault.Rule{Service: "dynamodb", Operation: tc.op, Contains: target, Kind: tc.kind, Times: tc.times})
			defer inj.Clear()
			if err := e.Fail(t.Context(), s, "consent_declined", true); err != nil {
				t.Fatalf("Fail: %v", err)
			}
			if n := inj.Armed(); n != 0 {
				t.Fatalf("%d faults not met", n)
			}
			got, _ := env.Deps.Store.GetConsent(t.Context(), c.ID)
			a, err := env.Deps.Store.GetAuthSession(t.Context(), s.StateHash)
			if got.Status != consent.StatusFailed || got.LastError != "consent_declined" || err != nil || a.Status != consent.SessionFailed {
				t.Errorf("consent %s %q, session %v %v: want Failed, consent_declined, session failed", got.Status, got.LastError, a, err)
			}
		})
	}
}

// TestPendingRetriesTransientStoreFailures: keeping an unused code for the tokens function
// survives a store that fails past the SDK's retries: else the journey would end failed with a
// code the bank never saw.
func TestPendingRetriesTransientStoreFailures(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	env := testenv.Start(t, testenv.Options{Faults: inj})
	e := newExchanger(env)
	var c consent.Consent
	s, code := journey(t, env, &c, false, alice)
	inj.Add(awsfault.Rule{Service: "dynamodb", Operation: "UpdateItem", Contains: s.StateHash, Kind: awsfault.ServerError,
		Times: awsfault.DynamoDBAttempts})
	if err := e.Pending(t.Context(), s, code, env.Bank.Now().Add(time.Minute)); err != nil {
		t.Fatalf("Pending: %v", err)
	}
	if a, err := env.Deps.Store.GetAuthSession(t.Context(), s.StateHash); err != nil || a.Status != consent.SessionExchangePending || a.Code != code {
		t.Errorf("session %v, %v: want exchangePending with the code", a, err)
	}
}
