package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/setup"
)

// TestClaimStoreFaults: the session claim failing in the store with every fault the SDK
// retries, for longer than it retries, answers the 503 "try again in a moment" page with
// Retry-After and claims nothing: the same link reloaded finishes the journey (one code
// exchange). A claim whose answer was lost (applied, then retried by the SDK into its own
// condition) is the caller's claim, not "already used".
func TestClaimStoreFaults(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	inj.Hang = 20 * time.Millisecond
	env := testenv.Start(t, testenv.Options{Faults: inj})
	type fault struct {
		kind  awsfault.Kind
		times int
	}
	var faults []fault
	for _, k := range awsfault.Retried() {
		faults = append(faults, fault{k, awsfault.DynamoDBAttempts})
	}
	faults = append(faults, fault{awsfault.LostAnswer, 1})
	for _, fl := range faults {
		t.Run(fl.kind.String(), func(t *testing.T) {
			f := &fixture{t: t, env: env, h: New(env.Deps), ctx: t.Context()}
			c := f.createConsent(typeAIS)
			j := f.start(c, false)
			back := f.drive(j, alice)
			env.Bank.ResetRequests()
			inj.Add(awsfault.Rule{Service: "dynamodb", Operation: "UpdateItem", Contains: consent.HashState(j.state),
				Kind: fl.kind, Times: fl.times})
			defer inj.Clear()
			resp := f.callback(back)
			if fl.kind != awsfault.LostAnswer {
				if resp.StatusCode != http.StatusServiceUnavailable || resp.Headers["Retry-After"] == "" ||
					!strings.Contains(resp.Body, pageUnavailable.Title) {
					t.Fatalf("%d (Retry-After %q) %.200q: want the 503 try-again page", resp.StatusCode, resp.Headers["Retry-After"], resp.Body)
				}
				if s := f.session(j); s.Status != consent.SessionPending {
					t.Fatalf("session %s after the failed claim, want pending", s.Status)
				}
				resp = f.callback(back) // the customer reloads
			}
			f.wantResult(resp, c.ID, OutcomeAuthorised)
			if n := len(f.codeRequests()); n != 1 {
				t.Errorf("%d code exchanges, want 1", n)
			}
			if got := f.consent(c.ID); got.Status != consent.StatusAuthorised {
				t.Errorf("consent %s, want Authorised", got.Status)
			}
		})
	}
}

// TestSecretFaults: a cold container whose read of the credentials secret fails (Secrets
// Manager throttled past the SDK's retries) before the code is sent: the code is unused, so the
// callback tries again within the request (authorised), or, when the secret stays unreadable,
// keeps the code for the tokens function (pending); never failed.
func TestSecretFaults(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, outcome string
		times         int
	}{
		{"once past the SDK's retries", OutcomeAuthorised, secretsManagerAttempts},
		{"throughout the request", OutcomePending, 20 * secretsManagerAttempts},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			inj := awsfault.New(1)
			env := testenv.Start(t, testenv.Options{Faults: inj})
			f := &fixture{t: t, env: env, h: New(env.Deps), ctx: t.Context()}
			c := f.createConsent(typeAIS)
			j := f.start(c, false)
			back := f.drive(j, alice)
			cold, err := setup.NewWith(env.Deps.Config, env.DDB, env.SM, env.Deps.Logger)
			if err != nil {
				t.Fatal(err)
			}
			cold.UseSealer(env.KMS)
			cold.SetClock(env.Bank.Now)
			f.h = New(cold)
			f.h.retry.budget = 2 * time.Second
			env.Bank.ResetRequests()
			inj.Add(awsfault.Rule{Service: "secretsmanager", Operation: "GetSecretValue", Kind: awsfault.Throttling, Times: tc.times})
			f.wantResult(f.callback(back), c.ID, tc.outcome)
			if tc.outcome == OutcomePending {
				if s := f.session(j); s.Status != consent.SessionExchangePending || s.Code == "" {
					t.Errorf("session %s, want exchangePending with its code", s.Status)
				}
				if n := len(f.codeRequests()); n != 0 {
					t.Errorf("%d code exchanges without credentials", n)
				}
			}
		})
	}
}

// secretsManagerAttempts is the SDK's attempts per Secrets Manager call (its standard retryer).
const secretsManagerAttempts = 3
