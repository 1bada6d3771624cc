package main

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// wantRetryLater requires the 503 retry-later answer to a store fault, with Retry-After.
func wantRetryLater(t *testing.T, resp events.APIGatewayV2HTTPResponse) {
	t.Helper()
	p := problem(t, resp)
	if resp.StatusCode != http.StatusServiceUnavailable || p.Type != httpapi.TypeRetryLater ||
		p.Action != httpapi.ActionRetryLater || resp.Headers["Retry-After"] == "" {
		t.Fatalf("%d %s (Retry-After %q), want 503 retry-later with Retry-After", resp.StatusCode, resp.Body, resp.Headers["Retry-After"])
	}
}

// TestStoreFaults: a list, a revoke's consent update and its token wipe, each failing in the
// store with every fault the SDK retries, for longer than it retries: 503 retry-later with
// Retry-After, never 500, and what was written is whole; the same request again, the store
// well, finishes the job.
func TestStoreFaults(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	inj.Hang = 20 * time.Millisecond
	env := testenv.Start(t, testenv.Options{Faults: inj})
	f := &fixture{env: env, h: New(env.Deps)}
	for _, kind := range awsfault.Retried() {
		t.Run(kind.String(), func(t *testing.T) {
			sub := "app-faults-" + testenv.Random(4)
			out := f.create(t, sub, `{"brand":"coop","type":"accounts"}`)
			f.authorise(t, out.BankAuthorizationURL)
			arm := func(op, contains string) {
				inj.Add(awsfault.Rule{Service: "dynamodb", Operation: op, Contains: contains, Kind: kind, Times: awsfault.DynamoDBAttempts})
			}
			defer inj.Clear()

			arm("Query", sub)
			wantRetryLater(t, f.list(t, sub, nil))
			if resp := f.list(t, sub, nil); resp.StatusCode != http.StatusOK {
				t.Fatalf("list again: %d %s", resp.StatusCode, resp.Body)
			}

			arm("TransactWriteItems", out.ConsentID) // the status Revoked (with the shared accounts erased)
			wantRetryLater(t, f.do(t, routeDelete, sub, out.ConsentID, ""))
			if c, _ := env.Deps.Store.GetConsent(t.Context(), out.ConsentID); c.Status != consent.StatusAuthorised {
				t.Errorf("status %s after the failed revoke, want Authorised (nothing written)", c.Status)
			}
			arm("DeleteItem", out.ConsentID) // the tokens
			wantRetryLater(t, f.do(t, routeDelete, sub, out.ConsentID, ""))
			if c, _ := env.Deps.Store.GetConsent(t.Context(), out.ConsentID); c.Status != consent.StatusRevoked {
				t.Errorf("status %s, want Revoked: the bank deleted it and the status was written", c.Status)
			}
			if resp := f.do(t, routeDelete, sub, out.ConsentID, ""); resp.StatusCode != http.StatusNoContent {
				t.Fatalf("revoke again: %d %s", resp.StatusCode, resp.Body)
			}
			if _, err := env.Deps.Store.GetTokens(t.Context(), out.ConsentID); !errors.Is(err, consent.ErrNotFound) {
				t.Errorf("tokens after the repeated revoke: %v, want none", err)
			}
			if n := inj.Armed(); n != 0 {
				t.Errorf("%d armed faults never met", n)
			}
		})
	}
}

// TestSecretFaults: the credentials secret unreadable (Secrets Manager throttled or failing past
// the SDK's retries) before the first bank call of a cold container: 503 retry-later, nothing
// stored; the same request again creates the consent.
func TestSecretFaults(t *testing.T) {
	t.Parallel()
	for _, kind := range []awsfault.Kind{awsfault.Throttling, awsfault.ServerError} {
		t.Run(kind.String(), func(t *testing.T) {
			t.Parallel()
			inj := awsfault.New(1)
			env := testenv.Start(t, testenv.Options{Faults: inj})
			f := &fixture{env: env, h: New(env.Deps)}
			inj.Add(awsfault.Rule{Service: "secretsmanager", Operation: "GetSecretValue", Kind: kind, Times: secretsManagerAttempts})
			wantRetryLater(t, f.do(t, routeCreate, "app-secret", "", `{"brand":"coop","type":"accounts"}`))
			if n := f.countItems(t); n != 0 {
				t.Errorf("%d items stored by the failed request", n)
			}
			f.create(t, "app-secret", `{"brand":"coop","type":"accounts"}`)
		})
	}
}

// secretsManagerAttempts is the SDK's attempts per Secrets Manager call (its standard retryer).
const secretsManagerAttempts = 3
