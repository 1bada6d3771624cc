package refresh_test

import (
	"context"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
)

// TestRefreshHoldsSealKeyBeforeBankCall: the refresh token a bank rotates is
// never lost to KMS. With data keys good for one value each, storing the new
// tokens would need two more keys from KMS after the bank answered; the key
// is taken before the old refresh token is sent, so KMS refusing every key
// after that changes nothing: the rotated tokens are stored and the chain
// lives on. And with KMS refusing from the start, the bank is not called.
func TestRefreshHoldsSealKeyBeforeBankCall(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		after int // GenerateDataKey calls let through before KMS refuses them all
		grant bool
	}{
		{"kms-fails-after-bank-call", 1, true},
		{"kms-fails-before-bank-call", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			inj := awsfault.New(1)
			env := testenv.Start(t, testenv.Options{
				Bank:   sandbox.Options{RefreshMode: sandbox.RefreshRotateOneTime},
				Env:    map[string]string{"BANK_HTTP_TIMEOUT": "1s", "SEAL_KEY_MAX_USES": "1"},
				Faults: inj,
			})
			ctx := context.Background()
			id := refreshtest.Authorise(t, env)
			before := tokens(t, env, id)
			env.Bank.Advance(25 * time.Minute)
			inj.Add(awsfault.Rule{Service: "kms", Operation: "GenerateDataKey", Kind: awsfault.Throttling, After: tc.after})

			_, err := newRefresher(env, "held").Refresh(ctx, id)
			grants, _ := refreshtest.RefreshGrants(env.Bank)
			stored := tokens(t, env, id)
			if !tc.grant {
				if err == nil || grants != 0 || stored.RefreshToken != before.RefreshToken || stored.LeaseHolder != "" {
					t.Fatalf("KMS down: err %v, %d bank grants, token kept %v, lease %q; want an error, no grant, the old token, no lease",
						err, grants, stored.RefreshToken == before.RefreshToken, stored.LeaseHolder)
				}
				return
			}
			if err != nil {
				t.Fatalf("Refresh with KMS failing after the bank call: %v", err)
			}
			if grants != 1 || stored.RefreshToken == before.RefreshToken || stored.Version != before.Version+1 {
				t.Fatalf("%d grants, rotated token stored %v, version %d (before %d)",
					grants, stored.RefreshToken != before.RefreshToken, stored.Version, before.Version)
			}
			inj.Clear()
			env.Bank.Advance(25 * time.Minute)
			if _, err := newRefresher(env, "next").Refresh(ctx, id); err != nil {
				t.Fatalf("next refresh with the stored (rotated) token: %v", err)
			}
		})
	}
}
