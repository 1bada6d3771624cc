package main

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/seal"
	"github.com/coop-ob/connector/shared/setup"
)

// newFaultFixture is newFixture with inj between the connector's AWS clients and kumo.
func newFaultFixture(t *testing.T, inj *awsfault.Injector) *fixture {
	t.Helper()
	f := &fixture{t: t, env: testenv.Start(t, testenv.Options{Faults: inj})}
	f.h = New(f.env.Deps)
	nowait := func(context.Context, time.Duration) error { return nil }
	f.h.retry.Sleep, f.h.payWait = nowait, nowait
	return f
}

// TestLeaseStoreFaults: the on-demand refresh's lease failing in the store with every fault the
// SDK retries, for longer than it retries, answers 503 retry-later with Retry-After, sends no
// refresh token to the bank and leaves the tokens as they were; the call made again refreshes
// once. A lease whose answer was lost is the caller's own: the call succeeds, one refresh.
func TestLeaseStoreFaults(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	inj.Hang = 20 * time.Millisecond
	f := newFaultFixture(t, inj)
	kinds := append(awsfault.Retried(), awsfault.LostAnswer)
	for _, kind := range kinds {
		t.Run(kind.String(), func(t *testing.T) {
			f.t = t
			c := f.aisConsent(owner, false)
			before := f.tokens(c.ID)
			f.env.Bank.Advance(31 * time.Minute)
			f.env.Bank.ResetRequests()
			times := awsfault.DynamoDBAttempts
			if kind == awsfault.LostAnswer {
				times = 1
			}
			inj.Add(awsfault.Rule{Service: "dynamodb", Operation: "UpdateItem", Contains: "leaseUntil", Kind: kind, Times: times})
			defer inj.Clear()
			resp := f.call(aisGet(c, "/balances", "1001", ""))
			if kind != awsfault.LostAnswer {
				p := wantProblem(t, resp, http.StatusServiceUnavailable, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
				if resp.Headers["Retry-After"] == "" || p.Detail == "" {
					t.Errorf("headers %v: want Retry-After", resp.Headers)
				}
				if n := refreshGrants(f.env.Bank); n != 0 {
					t.Fatalf("%d refresh grants without a lease", n)
				}
				if now := f.tokens(c.ID); now.Version != before.Version || now.LeaseHolder != "" || now.RefreshToken != before.RefreshToken {
					t.Fatalf("tokens changed without a lease: version %d → %d, lease %q", before.Version, now.Version, now.LeaseHolder)
				}
				resp = f.call(aisGet(c, "/balances", "1001", ""))
			}
			wantOK(t, resp, http.StatusOK)
			if n := refreshGrants(f.env.Bank); n != 1 {
				t.Errorf("%d refresh grants, want 1", n)
			}
			if now := f.tokens(c.ID); now.Version != before.Version+1 || now.LeaseHolder != "" {
				t.Errorf("tokens version %d lease %q, want %d and released", now.Version, now.LeaseHolder, before.Version+1)
			}
		})
	}
}

// TestTouchStoreFaults: recording a use is bookkeeping; when the store fails it, past the SDK's
// retries, the bank's answer still reaches the app, UsedAt is left as it was, and the next call
// records the use.
func TestTouchStoreFaults(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	inj.Hang = 20 * time.Millisecond
	f := newFaultFixture(t, inj)
	f.h.touchUses = true // as under REFRESH_POLICY recent or all
	for _, kind := range awsfault.Retried() {
		t.Run(kind.String(), func(t *testing.T) {
			f.t = t
			c := f.aisConsent(owner, false)
			issued := f.tokens(c.ID).UsedAt
			f.env.Bank.Advance(touchEvery + time.Minute)
			inj.Add(awsfault.Rule{Service: "dynamodb", Operation: "UpdateItem", Contains: "lastUse", Kind: kind, Times: awsfault.DynamoDBAttempts})
			defer inj.Clear()
			wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
			if n := inj.Armed(); n != 0 {
				t.Fatalf("%d faults not met: the touch was not tried", n)
			}
			if got := f.tokens(c.ID).UsedAt; !got.Equal(issued) {
				t.Errorf("UsedAt %v after a failed touch, want %v", got, issued)
			}
			wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
			if got := f.tokens(c.ID).UsedAt; !got.After(issued) {
				t.Errorf("UsedAt %v after the next call, want it recorded", got)
			}
		})
	}
}

// TestSecretFaults: a cold container whose first read of the credentials secret fails past the
// SDK's retries (Secrets Manager throttled or failing) answers 503 retry-later, not a bank error;
// the call again succeeds.
func TestSecretFaults(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	f := newFaultFixture(t, inj)
	c := f.aisConsent(owner, false)
	cold := f.coldDeps()
	f.h = New(cold)
	inj.Add(awsfault.Rule{Service: "secretsmanager", Operation: "GetSecretValue", Kind: awsfault.Throttling, Times: 3})
	resp := f.call(aisGet(c, "/balances", "1001", ""))
	wantProblem(t, resp, http.StatusServiceUnavailable, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
	if resp.Headers["Retry-After"] == "" {
		t.Errorf("no Retry-After: %v", resp.Headers)
	}
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
}

// TestKMSFaults: a cold container that must open the consent's sealed tokens while KMS is
// throttled past the SDK's retries answers 503 retry-later (not a bank call with no token, not
// a 500); once KMS answers, the call succeeds and the data key is cached: the next calls make
// no KMS request.
func TestKMSFaults(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	f := newFaultFixture(t, inj)
	c := f.aisConsent(owner, false)
	cold := f.coldDeps()
	f.h = New(cold)
	inj.Add(awsfault.Rule{Service: "kms", Operation: "Decrypt", Kind: awsfault.Throttling, Times: 3})
	resp := f.call(aisGet(c, "/balances", "1001", ""))
	wantProblem(t, resp, http.StatusServiceUnavailable, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
	if n := inj.Armed(); n != 0 {
		t.Fatalf("%d KMS faults not met: the tokens were not opened through KMS", n)
	}
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
	hits := len(inj.Hits())
	inj.Add(awsfault.Rule{Service: "kms", Kind: awsfault.Throttling, Times: 100})
	defer inj.Clear()
	for range 5 {
		wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
	}
	if got := len(inj.Hits()); got != hits {
		t.Errorf("warm reads made %d KMS requests, want 0 (data key cached)", got-hits)
	}
}

// TestKMSGenerateFailureKeepsTokens: a cold container whose KMS GenerateDataKey is throttled
// past the SDK's retries, asked to write a consent's tokens, writes nothing: the stored item
// is unchanged, attribute for attribute (the sealed values the last write made; never a plain
// one), and the error is one the edge answers 503 retry-later with Retry-After. Once KMS
// answers, the same write stores the new tokens sealed.
func TestKMSGenerateFailureKeepsTokens(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	f := newFaultFixture(t, inj)
	ctx := context.Background()
	c := f.aisConsent(owner, false)
	raw := func() map[string]types.AttributeValue {
		out, err := f.env.DDB.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(f.env.Table), ConsistentRead: aws.Bool(true),
			Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "CONSENT#" + c.ID}, "sk": &types.AttributeValueMemberS{Value: "TOKEN"}}})
		if err != nil {
			t.Fatal(err)
		}
		return out.Item
	}
	before := raw()
	cold := f.coldDeps()
	tk, err := cold.Store.GetTokens(ctx, c.ID) // opens with Decrypt: not faulted
	if err != nil {
		t.Fatal(err)
	}
	tk.AccessToken, tk.RefreshToken = "at-new-kms", "rt-new-kms"
	inj.Add(awsfault.Rule{Service: "kms", Operation: "GenerateDataKey", Kind: awsfault.Throttling, Times: 3})
	err = cold.Store.PutTokens(ctx, tk)
	if !errors.Is(err, seal.ErrUnavailable) {
		t.Fatalf("PutTokens with GenerateDataKey throttled: %v, want seal.ErrUnavailable", err)
	}
	if n := inj.Armed(); n != 0 {
		t.Fatalf("%d KMS faults not met: the write did not ask KMS for a data key", n)
	}
	if after := raw(); !reflect.DeepEqual(before, after) {
		t.Errorf("token item changed by a write whose sealing failed:\nbefore %v\nafter  %v", before, after)
	}
	resp := httpapi.Internal(ctx, f.env.Deps.Logger, err)
	p := wantProblem(t, resp, http.StatusServiceUnavailable, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
	if resp.Headers["Retry-After"] == "" || strings.Contains(resp.Body, "at-new-kms") || p.Detail == "" {
		t.Errorf("answer %v %s: want Retry-After and no token", resp.Headers, resp.Body)
	}
	if err := cold.Store.PutTokens(ctx, tk); err != nil {
		t.Fatalf("PutTokens once KMS answers: %v", err)
	}
	if _, plain := raw()["accessToken"].(*types.AttributeValueMemberS); plain {
		t.Error("access token stored plain")
	}
	if got := f.tokens(c.ID); got.AccessToken != "at-new-kms" || got.RefreshToken != "rt-new-kms" {
		t.Errorf("tokens after the retried write: %q, %q", got.AccessToken, got.RefreshToken)
	}
}

// coldDeps are the clients of a new container on the fixture's table, secret and KMS key: no
// credentials read yet, no data key opened yet.
func (f *fixture) coldDeps() *setup.Deps {
	f.t.Helper()
	cold, err := setup.NewWith(f.env.Deps.Config, f.env.DDB, f.env.SM, f.env.Deps.Logger)
	if err != nil {
		f.t.Fatal(err)
	}
	cold.UseSealer(f.env.KMS)
	cold.SetClock(f.env.Bank.Now)
	return cold
}
