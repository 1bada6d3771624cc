package refresh_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh"
)

// An invalid_grant that arrives after the tokens were replaced under the
// refresher is about tokens that no longer matter: ErrBusy, not
// ErrReauthRequired, and the consent and the new tokens stay as they are.
// The replacement lands after the bank answered and before the refresher
// handles the answer: a re-authorisation (the whole item replaced, lease
// included), or another holder taking the lapsed lease and storing its own
// refresh.
func TestRefreshInvalidGrantAfterLeaseLost(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		replace func(t *testing.T, env *testenv.Env, held *consent.Tokens) *consent.Tokens
	}{
		{"reauthorised", func(t *testing.T, env *testenv.Env, held *consent.Tokens) *consent.Tokens {
			n := *held
			n.AccessToken, n.RefreshToken = "access-after-reauth", "refresh-after-reauth"
			n.LeaseHolder, n.LeaseUntil = "", time.Time{}
			if err := env.Deps.Store.PutTokens(context.Background(), &n); err != nil {
				t.Error(err)
			}
			return &n
		}},
		{"lease taken over", func(t *testing.T, env *testenv.Env, held *consent.Tokens) *consent.Tokens {
			ctx := context.Background()
			st := env.Deps.Store
			env.Bank.Advance(time.Minute) // past the refresher's 30 s lease, on the store's clock too
			n, err := st.AcquireLease(ctx, held.ConsentID, "other", env.Deps.Now().Add(time.Minute))
			if err != nil {
				t.Error(err)
				return held
			}
			n.AccessToken, n.RefreshToken = "access-of-other", "refresh-of-other"
			if err := st.SaveRefreshed(ctx, n, "other"); err != nil {
				t.Error(err)
			}
			return n
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, sandbox.RefreshRotate)
			ctx := context.Background()
			id := refreshtest.Authorise(t, env)
			if err := env.Bank.RevokeTokens(id); err != nil { // the bank answers invalid_grant
				t.Fatal(err)
			}
			r := newRefresher(env, "test")
			var replaced *consent.Tokens
			r.OAuth = env.OAuthWithHook(func() {
				if replaced != nil {
					return
				}
				held, err := env.Deps.Store.GetTokens(ctx, id)
				if err != nil {
					t.Error(err)
					return
				}
				if held.LeaseHolder != "test" {
					t.Errorf("token endpoint called without the lease: holder %q", held.LeaseHolder)
				}
				replaced = tc.replace(t, env, held)
			})

			_, err := r.Refresh(ctx, id)
			if replaced == nil {
				t.Fatal("the token endpoint was not called")
			}
			if !errors.Is(err, refresh.ErrBusy) || errors.Is(err, refresh.ErrReauthRequired) {
				t.Errorf("Refresh = %v, want ErrBusy (tokens replaced during the refresh), not ErrReauthRequired", err)
			}
			if n, byStatus := refreshtest.RefreshGrants(env.Bank); n != 1 || byStatus[http.StatusBadRequest] != 1 {
				t.Errorf("refresh grants %d %v, want one refused", n, byStatus)
			}
			if c := consentOf(t, env, id); c.Status != consent.StatusAuthorised {
				t.Errorf("consent %s (%q), want Authorised: the refusal was about replaced tokens", c.Status, c.LastError)
			}
			got := tokens(t, env, id)
			if got.AccessToken != replaced.AccessToken || got.RefreshToken != replaced.RefreshToken || got.Version != replaced.Version {
				t.Errorf("the replacing tokens were changed (version %d, want %d)", got.Version, replaced.Version)
			}
		})
	}
}
