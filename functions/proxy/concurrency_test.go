package main

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/payment"
)

// Two requests with the same Idempotency-Key at the same moment, while the
// bank takes its time over the order: exactly one sends it, the other
// answers "in progress" without calling the bank, and a retry afterwards
// answers the payment.
func TestPaymentSameKeyConcurrently(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.paymentConsent(owner, "DP")
	orders := bankapi.PISPPath + "/domestic-payments"
	f.env.Bank.ResetRequests()
	f.env.Bank.Fail(orders, sandbox.Fault{Delay: 500 * time.Millisecond})
	var wg sync.WaitGroup
	resps := make([]events.APIGatewayV2HTTPResponse, 2)
	for i := range resps {
		wg.Go(func() { resps[i] = f.call(pay(c, "same-key", "")) })
	}
	wg.Wait()
	if n := resourceCalls(f.env.Bank, orders); n != 1 {
		t.Errorf("%d payment orders sent, want 1", n)
	}
	if n := len(paymentsOf(f.env.Bank, c.ID)); n != 1 {
		t.Errorf("%d payments at the bank, want 1", n)
	}
	var done map[string]any
	busy := 0
	for _, resp := range resps {
		switch resp.StatusCode {
		case http.StatusCreated:
			done = wantOK(t, resp, http.StatusCreated)
		default:
			p := wantProblem(t, resp, http.StatusServiceUnavailable, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
			if resp.Headers["Retry-After"] != "1" || !strings.Contains(p.Detail, "retry with the same Idempotency-Key") {
				t.Errorf("in-progress answer: Retry-After %q, detail %q", resp.Headers["Retry-After"], p.Detail)
			}
			busy++
		}
	}
	if done == nil || busy != 1 {
		t.Fatalf("answers %d and %d, want one 201 and one 503 in progress", resps[0].StatusCode, resps[1].StatusCode)
	}
	f.env.Bank.ResetRequests()
	again := wantOK(t, f.call(pay(c, "same-key", "")), http.StatusCreated)
	if again["paymentId"] != done["paymentId"] {
		t.Errorf("retry answered payment %v, want %v", again["paymentId"], done["paymentId"])
	}
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests for the retry, want 0", n)
	}
}

// A payment record marked sent moments ago is being sent by another
// request: a retry with the same key does not resend. Once the send lease
// has lapsed (that request died), the retry takes the record over and
// resends under the same bank key.
func TestPaymentSentRecordLease(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.paymentConsent(owner, "DP")
	ctx := context.Background()
	store := f.env.Deps.Store
	if err := store.CreatePayment(ctx, &consent.Payment{ConsentID: c.ID, IdempotencyKey: payment.ClaimKey, RequestHash: payment.ClaimHash("k")}); err != nil {
		t.Fatal(err)
	}
	rec := &consent.Payment{ConsentID: c.ID, IdempotencyKey: "k", RequestHash: payment.RequestHash(), State: consent.PaymentSent}
	if err := store.CreatePayment(ctx, rec); err != nil { // as a request that died right after marking it sent
		t.Fatal(err)
	}
	f.env.Bank.ResetRequests()
	wantProblem(t, f.call(pay(c, "k", "")), http.StatusServiceUnavailable, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("%d bank requests while another request holds the send, want 0", n)
	}
	f.env.Bank.Advance(payment.SendLease)
	wantOK(t, f.call(pay(c, "k", "")), http.StatusCreated)
	var keys []string
	for _, r := range f.env.Bank.Requests() {
		if r.Path == bankapi.PISPPath+"/domestic-payments" {
			keys = append(keys, r.IdempotencyKey)
		}
	}
	if len(keys) != 1 || keys[0] != rec.BankIdempotencyKey {
		t.Errorf("orders sent with keys %v, want one with the record's %s", keys, rec.BankIdempotencyKey)
	}
}

// failingPayments is the real DynamoDB client (kumo) with one fault: while
// armed, a write of a payment record marked sent fails like a throttle.
type failingPayments struct {
	consent.DynamoDBAPI
	armed atomic.Bool
}

func (d *failingPayments) PutItem(ctx context.Context, in *dynamodb.PutItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error) {
	if st, ok := in.Item["state"].(*types.AttributeValueMemberS); ok && st.Value == consent.PaymentSent && d.armed.Load() {
		return nil, &types.ProvisionedThroughputExceededException{Message: new("injected throttle")}
	}
	return d.DynamoDBAPI.PutItem(ctx, in, optFns...)
}

// A store error while claiming the payment record: nothing is sent, the
// record stays pending, and a retry sends it.
func TestPaymentStoreErrorBeforeSending(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.paymentConsent(owner, "DP")
	ddb := &failingPayments{DynamoDBAPI: f.env.DDB}
	ddb.armed.Store(true)
	shared := f.env.Deps.Store
	store := consent.New(ddb, f.env.Table)
	store.Now, store.Shards, store.NewKey, store.Sealer = shared.Now, shared.Shards, shared.NewKey, shared.Sealer
	f.h.store = store
	f.env.Bank.ResetRequests()
	wantProblem(t, f.call(pay(c, "k", "")), http.StatusServiceUnavailable, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
	if n := resourceCalls(f.env.Bank, bankapi.PISPPath); n != 0 {
		t.Errorf("%d PIS requests after a failed claim, want 0", n)
	}
	if rec, err := shared.GetPayment(t.Context(), c.ID, "k"); err != nil || rec.State != consent.PaymentPending {
		t.Fatalf("payment record %+v, %v: want pending", rec, err)
	}
	ddb.armed.Store(false)
	wantOK(t, f.call(pay(c, "k", "")), http.StatusCreated)
	if n := len(paymentsOf(f.env.Bank, c.ID)); n != 1 {
		t.Errorf("%d payments, want 1", n)
	}
}

// gatedRefresh holds every RefreshRejected call until n have arrived, so
// that n requests all meet the 401 before any refresh happens.
type gatedRefresh struct {
	tokenSource
	arrived sync.WaitGroup
}

func (g *gatedRefresh) RefreshRejected(ctx context.Context, consentID, rejected string) (*consent.Tokens, error) {
	g.arrived.Done()
	g.arrived.Wait()
	return g.tokenSource.RefreshRejected(ctx, consentID, rejected)
}

// Five concurrent calls whose access token the bank refuses (401): one
// refresh at the bank, and every call succeeds with the new token.
func TestConcurrentUnauthorizedRefreshOnce(t *testing.T) {
	t.Parallel()
	const calls = 5
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	before := f.tokens(c.ID)
	g := &gatedRefresh{tokenSource: f.h.tokens}
	g.arrived.Add(calls)
	f.h.tokens = g
	f.env.Bank.ResetRequests()
	f.env.Bank.Fail(balancesPath, sandbox.Fault{Status: http.StatusUnauthorized, Empty: true, Count: calls})
	var wg sync.WaitGroup
	resps := make([]events.APIGatewayV2HTTPResponse, calls)
	for i := range resps {
		wg.Go(func() { resps[i] = f.call(aisGet(c, "/balances", "1001", "")) })
	}
	wg.Wait()
	for i, resp := range resps {
		if resp.StatusCode != http.StatusOK {
			t.Errorf("call %d: %d %s", i, resp.StatusCode, resp.Body)
		}
	}
	if n := refreshGrants(f.env.Bank); n != 1 {
		t.Errorf("%d refresh_token grants, want 1", n)
	}
	if n := resourceCalls(f.env.Bank, balancesPath); n != 2*calls {
		t.Errorf("%d resource calls, want %d (a 401 and a 200 each)", n, 2*calls)
	}
	if after := f.tokens(c.ID); after.AccessToken == before.AccessToken || after.Version != before.Version+1 {
		t.Errorf("tokens version %d → %d: want one refresh", before.Version, after.Version)
	}
}

// A 401 with too little of the request's budget left for a token call:
// retryLater, and the token endpoint is not called (a refresh cut short
// could lose a rotated refresh token).
func TestUnauthorizedWithoutTimeToRefresh(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	before := f.tokens(c.ID)
	f.h.budget = f.env.Deps.Config.BankHTTPTimeout // less than a bank call plus storeMargin
	f.env.Bank.ResetRequests()
	f.env.Bank.Fail(balancesPath, sandbox.Fault{Status: http.StatusUnauthorized, Empty: true})
	wantProblem(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusServiceUnavailable, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
	if n := refreshGrants(f.env.Bank); n != 0 {
		t.Errorf("%d refresh grants, want 0", n)
	}
	if after := f.tokens(c.ID); after.Version != before.Version || after.LeaseHolder != "" {
		t.Errorf("tokens changed: version %d → %d, lease %q", before.Version, after.Version, after.LeaseHolder)
	}
	if got := f.consent(c.ID); got.Status != consent.StatusAuthorised || got.LastAction != "" {
		t.Errorf("consent %q action %q, want untouched", got.Status, got.LastAction)
	}
}

// A bank 403 Reauthenticate about tokens that a re-authorisation replaced
// while the call ran (the new tokens land between the bank's answer and its
// recording): the consent stays Authorised with its new tokens scheduled,
// and the app is asked to retry.
func TestStaleReauthenticateKeepsNewAuthorisation(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	old := f.tokens(c.ID)
	if err := f.env.Bank.RevokeTokens(c.ID); err != nil {
		t.Fatal(err)
	}
	r := &call{consentID: c.ID, owner: owner, interactionID: "stale-403", req: aisGet(c, "/balances", "1001", "").event()}
	_, _, err := f.h.send(context.Background(), r, old, bankapi.Request{Method: http.MethodGet, Path: balancesPath}, true)
	var be *bankapi.Error
	if !errors.As(err, &be) || bankapi.Classify(be) != bankapi.ActionReauthenticate {
		t.Fatalf("call with revoked tokens: %v, want a 403 Reauthenticate", err)
	}
	f.authorise(f.consent(c.ID), false, nil) // the PSU re-authorises meanwhile
	fresh := f.tokens(c.ID)
	if fresh.Version == old.Version || fresh.RefreshDue.IsZero() {
		t.Fatalf("re-authorisation: version %d → %d, due %v", old.Version, fresh.Version, fresh.RefreshDue)
	}

	resp := f.h.fail(context.Background(), r, c, err, failure{}) // c as read before the re-authorisation
	wantProblem(t, resp, http.StatusServiceUnavailable, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
	if got := f.consent(c.ID); got.Status != consent.StatusAuthorised || got.LastAction != "" {
		t.Errorf("consent %q action %q, want Authorised and no action", got.Status, got.LastAction)
	}
	if got := f.tokens(c.ID); got.RefreshDue.IsZero() || got.AccessToken != fresh.AccessToken || got.LeaseHolder != "" {
		t.Errorf("new tokens: due %v, replaced %v, lease %q; want still scheduled", got.RefreshDue, got.AccessToken != fresh.AccessToken, got.LeaseHolder)
	}
	wantOK(t, f.call(aisGet(c, "/balances", "1001", "")), http.StatusOK)
}
