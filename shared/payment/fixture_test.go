package payment_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/jws"
	"github.com/coop-ob/connector/shared/payment"
	"github.com/coop-ob/connector/shared/refresh"
)

// orders is the bank's domestic-payments resource.
const orders = bankapi.PISPPath + "/domestic-payments"

// fixture is the real parts (kumo, the sandbox bank over mTLS) and a
// Protocol wired to them as a scheduled function would wire it: the bank
// client itself, the refresher, the store. Resend waits are not slept.
type fixture struct {
	t   *testing.T
	env *testenv.Env
	p   *payment.Protocol
}

func newFixture(t *testing.T, env ...map[string]string) *fixture {
	t.Helper()
	o := testenv.Options{}
	if len(env) > 0 {
		o.Env = env[0]
	}
	env0 := testenv.Start(t, o)
	return fixtureOn(t, env0)
}

func fixtureOn(t *testing.T, env *testenv.Env) *fixture {
	t.Helper()
	d := env.Deps
	retry := bankapi.DefaultRetryPolicy()
	retry.Sleep = func(context.Context, time.Duration) error { return nil }
	p := &payment.Protocol{Store: d.Store, Bank: d.Bank, ClientCredentials: d.OAuth, Credentials: d.Credentials,
		Tokens: &refresh.Refresher{Store: d.Store, OAuth: d.OAuth, Now: d.Now, Logger: d.Logger, Holder: "payment-test",
			Lease: 30 * time.Second, Lookahead: d.Config.RefreshLookahead},
		Now: d.Now, Logger: slog.New(slog.DiscardHandler), Retry: retry,
		Wait: func(context.Context, time.Duration) error { return nil }, MinValidity: time.Minute}
	return &fixture{t: t, env: env, p: p}
}

// dpConsent creates a domestic payment consent at the bank (signed,
// client-credentials token) and in the store, and authorises it through the
// bank's pages as alice, exchanging the code as the callback does.
func (f *fixture) dpConsent() *consent.Consent {
	f.t.Helper()
	ctx := context.Background()
	d := f.env.Deps
	body := []byte(`{"Data":{"Initiation":{"InstructionIdentification":"INSTR-1","EndToEndIdentification":"E2E-1",` +
		`"InstructedAmount":{"Amount":"10.50","Currency":"GBP"},"CreditorAccount":{"SchemeName":"UK.OBIE.SortCodeAccountNumber",` +
		`"Identification":"40400411223344","Name":"Test Beneficiary"},"RemittanceInformation":{"Reference":"INV-1"}}},` +
		`"Risk":{"PaymentContextCode":"EcommerceGoods"}}`)
	cc, err := d.OAuth.ClientCredentials(ctx, "payments")
	if err != nil {
		f.t.Fatal(err)
	}
	creds, err := d.Credentials.Get(ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	sig, err := jws.Sign(body, creds.SigningKey, creds.SigningKeyID, creds.OrganisationID+"/"+creds.SoftwareStatementID, d.Now())
	if err != nil {
		f.t.Fatal(err)
	}
	resp, err := d.Bank.Do(ctx, bankapi.Request{Method: http.MethodPost, Path: bankapi.PISPPath + "/domestic-payment-consents",
		Body: body, AccessToken: cc.AccessToken, JWSSignature: sig, IdempotencyKey: testenv.Random(8)})
	if err != nil {
		f.t.Fatalf("create consent at the bank: %v", err)
	}
	var out bankapi.PaymentConsentResponse
	if err := json.Unmarshal(resp.Body, &out); err != nil {
		f.t.Fatal(err)
	}
	c := &consent.Consent{ID: out.Data.ConsentID, Owner: "payment-test-owner", Brand: "coop", Type: "payments", Journey: "DP", BenName: "Test Beneficiary", Amount: "10.50",
		BankStatus: consent.StatusAwaitingAuthorisation, Status: consent.StatusAwaitingAuthorisation, Request: body}
	if err := d.Store.CreateConsent(ctx, c); err != nil {
		f.t.Fatal(err)
	}
	s := &authflow.Starter{Store: d.Store, Credentials: d.Credentials, Config: d.Config, Now: d.Now}
	u, _, err := s.Start(ctx, c, false)
	if err != nil {
		f.t.Fatal(err)
	}
	back, err := f.env.Bank.Journey(ctx, u, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001"}})
	if err != nil {
		f.t.Fatalf("journey: %v", err)
	}
	sess, err := d.Store.ClaimAuthSession(ctx, consent.HashState(back.Query().Get("state")))
	if err != nil {
		f.t.Fatal(err)
	}
	e := &exchange.Exchanger{Store: d.Store, OAuth: d.OAuth, Now: d.Now, Logger: d.Logger, Lookahead: d.Config.RefreshLookahead}
	if err := e.Complete(ctx, sess, back.Query().Get("code")); err != nil {
		f.t.Fatalf("exchange: %v", err)
	}
	return f.consent(c.ID)
}

func (f *fixture) consent(id string) *consent.Consent {
	f.t.Helper()
	c, err := f.env.Deps.Store.GetConsent(context.Background(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fixture) record(consentID, key string) *consent.Payment {
	f.t.Helper()
	rec, err := f.env.Deps.Store.GetPayment(context.Background(), consentID, key)
	if err != nil {
		f.t.Fatal(err)
	}
	return rec
}

// orderRequests is the payment orders the bank received.
func (f *fixture) orderRequests() []sandbox.RequestLog {
	var out []sandbox.RequestLog
	for _, r := range f.env.Bank.Requests() {
		if r.Method == http.MethodPost && r.Path == orders {
			out = append(out, r)
		}
	}
	return out
}

// payments is the payments the bank made with consentID.
func (f *fixture) payments(consentID string) int {
	n := 0
	for _, p := range f.env.Bank.Payments() {
		if p.ConsentID == consentID {
			n++
		}
	}
	return n
}
