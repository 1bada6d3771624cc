package exchange_test

import (
	"errors"
	"testing"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
)

// TestCompleteHoldsSealKeyBeforeSpendingCode: the tokens an authorization
// code buys are stored sealed, and the data key is taken before the code is
// sent. With data keys good for one value each, KMS refusing every key after
// that one still stores the tokens; KMS refusing from the start leaves the
// code unsent (ErrNotSent: worth another try), so it is not spent for nothing.
func TestCompleteHoldsSealKeyBeforeSpendingCode(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		after int // GenerateDataKey calls let through once the journey has started
		sent  bool
	}{
		{"kms-fails-after-exchange", 1, true},
		{"kms-fails-before-exchange", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			inj := awsfault.New(1)
			env := testenv.Start(t, testenv.Options{Env: map[string]string{"SEAL_KEY_MAX_USES": "1"}, Faults: inj})
			e, ctx := newExchanger(env), t.Context()
			var c consent.Consent
			s, code := journey(t, env, &c, false, alice)
			env.Bank.ResetRequests()
			inj.Add(awsfault.Rule{Service: "kms", Operation: "GenerateDataKey", Kind: awsfault.Throttling, After: tc.after})

			err := e.Complete(ctx, s, code)
			if !tc.sent {
				if !errors.Is(err, exchange.ErrNotSent) || codeRequests(env) != 0 {
					t.Fatalf("KMS down: %v with %d token requests; want ErrNotSent and none", err, codeRequests(env))
				}
				return
			}
			if err != nil {
				t.Fatalf("Complete with KMS failing after the exchange: %v", err)
			}
			inj.Clear()
			tk, err := env.Deps.Store.GetTokens(ctx, c.ID)
			if err != nil || tk.AccessToken == "" || tk.RefreshToken == "" || codeRequests(env) != 1 {
				t.Fatalf("tokens %v (access %v, refresh %v) after %d token requests", err, tk != nil && tk.AccessToken != "", tk != nil && tk.RefreshToken != "", codeRequests(env))
			}
		})
	}
}
